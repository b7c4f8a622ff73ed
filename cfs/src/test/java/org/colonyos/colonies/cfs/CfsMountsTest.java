package org.colonyos.colonies.cfs;

import static org.colonyos.colonies.cfs.CfsFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.sdk.ExecutorRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An executor whose processes ask for CFS mounts: the handler reads a mounted label and a snapshot from local
 * paths and writes a result that lands as a new revision; what the spec does not keep is removed afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class CfsMountsTest {
    private CfsFixture fixture;
    private CfsClient cfs;
    private ExecutorRuntime runtime;
    private Path workRoot;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        fixture = new CfsFixture(dir);
        cfs = fixture.cfs();
        workRoot = Files.createDirectories(dir.resolve("work"));
        runtime = ExecutorRuntime.builder(fixture.client, CfsFixture.COLONY, fixture.memberKey).name("member")
                .type("cfs-test").pollSeconds(1).files(new CfsMounts(cfs, workRoot))
                .function("wordcount", ctx -> {
                    String text = Files.readString(ctx.filesDir().resolve("in/words.txt"));
                    String frozen = Files.readString(ctx.filesDir().resolve("frozen/words.txt"));
                    Files.writeString(ctx.filesDir().resolve("in/count.txt"), text.split(" ").length + "");
                    return List.of(text.split(" ").length, frozen.length());
                })
                .start();
    }

    @AfterAll
    void stop() throws Exception {
        runtime.close();
        cfs.close();
        fixture.close();
    }

    @Test
    void aHandlerReadsMountedFilesAndItsResultLandsAsARevision(@TempDir Path scratch) throws Exception {
        Path seed = Files.createDirectories(scratch.resolve("seed"));
        write(seed.resolve("words.txt"), "one two three");
        cfs.sync(seed, "/wc/in", true, TransferProgress.NONE);
        cfs.catalog().createSnapshot("/wc/in", "wc-frozen");
        write(seed.resolve("words.txt"), "one two three four");
        cfs.sync(seed, "/wc/in", true, TransferProgress.NONE);

        String frozenId = cfs.catalog().snapshotByName("wc-frozen").snapshotId();
        FunctionSpec.Filesystem fs = new FunctionSpec.Filesystem("",
                List.of(Map.of("snapshotid", frozenId, "dir", "/frozen", "keepfiles", false, "keepsnapshot", false)),
                List.of(Map.of("label", "/wc/in", "dir", "/in", "keepfiles", false, "onconflicts",
                        Map.of("onstart", Map.of("keeplocal", false), "onclose", Map.of("keeplocal", true)))));
        ColonyProcess done = run(FunctionSpec.of(CfsFixture.COLONY, "cfs-test", "wordcount", List.of()).withFs(fs));
        assertEquals(ProcessState.SUCCESS, done.state(), String.valueOf(done.errors()));
        assertEquals(List.of(4, "one two three".length()), done.out(), "the current label and the snapshot");

        Path back = Files.createDirectories(scratch.resolve("back"));
        cfs.sync(back, "/wc/in", true, TransferProgress.NONE);
        assertEquals("4", Files.readString(back.resolve("count.txt")), "the result landed in the label");
        assertThrows(RuntimeException.class, () -> cfs.catalog().snapshotByName("wc-frozen"),
                "keepsnapshot false removes the snapshot");
        try (var left = Files.list(workRoot)) {
            assertEquals(0, left.count(), "keepfiles false leaves nothing behind");
        }
    }

    @Test
    void aProcessWhoseFilesCannotBePreparedFailsWithoutRunning() throws Exception {
        FunctionSpec.Filesystem fs = new FunctionSpec.Filesystem("", List.of(Map.of("snapshotid", "f".repeat(64),
                "dir", "/x")), null);
        ColonyProcess done = run(FunctionSpec.of(CfsFixture.COLONY, "cfs-test", "wordcount", List.of()).withFs(fs));
        assertEquals(ProcessState.FAILED, done.state());
        assertTrue(done.errors().get(0).startsWith("cannot prepare the process's files"), done.errors().get(0));
        assertFalse(CfsMounts.inside(workRoot, "/a/../b").startsWith(workRoot.resolve("a")));
        assertThrows(CfsException.class, () -> CfsMounts.inside(workRoot, "../escape"));
    }

    @Test
    void anExecutorWithoutCfsFailsAProcessThatAsksForFiles() throws Exception {
        String key = org.colonyos.colonies.proto.crypto.Secp256k1.generatePrivateKey();
        try (ExecutorRuntime plain = ExecutorRuntime.builder(fixture.client, CfsFixture.COLONY, key).name("plain")
                .type("no-cfs").pollSeconds(1).function("wordcount", ctx -> List.of("ran"))
                .registerAndStart(CfsFixture.COLONY_KEY)) {
            FunctionSpec.Filesystem fs = new FunctionSpec.Filesystem("", null, List.of(Map.of("label", "/wc/in",
                    "dir", "/in")));
            ColonyProcess done = run(FunctionSpec.of(CfsFixture.COLONY, "no-cfs", "wordcount", List.of()).withFs(fs));
            assertEquals(ProcessState.FAILED, done.state());
            assertTrue(done.errors().get(0).contains("has no CFS configured"), done.errors().get(0));
        }
    }

    private ColonyProcess run(FunctionSpec spec) throws InterruptedException {
        ColonyProcess submitted = fixture.client.submit(spec, fixture.memberKey);
        for (int i = 0; i < 600; i++) {
            ColonyProcess now = fixture.client.getProcess(submitted.processId(), fixture.memberKey);
            if (ProcessState.isFinal(now.state())) {
                return now;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the process did not end");
    }
}
