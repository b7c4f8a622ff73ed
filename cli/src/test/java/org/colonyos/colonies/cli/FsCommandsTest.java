package org.colonyos.colonies.cli;

import static org.colonyos.colonies.cli.CliServer.COLONY_KEY;
import static org.colonyos.colonies.cli.CliServer.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.colonyos.colonies.cfs.FileCatalog;
import org.colonyos.colonies.cli.CliServer.Run;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.CfsFile;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code colonies fs} commands that need only the server (labels, listings, info, snapshots) and their usage
 * errors; the transfers themselves run end to end in {@code DevCfsIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class FsCommandsTest {
    private static final String COLONY = "files";
    private final String memberKey = Secp256k1.generatePrivateKey();
    private CliServer server;
    private CfsFile added;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        server = new CliServer(tmp);
        ColoniesClient client = new ColoniesClient(URI.create(server.server.url()));
        client.addColony(new Colony(Identity.idOfPrivateKey(COLONY_KEY), COLONY), SERVER_KEY);
        client.addExecutor(Executor.of(Identity.idOfPrivateKey(memberKey), "t", "member", COLONY), COLONY_KEY);
        client.approveExecutor(COLONY, "member", COLONY_KEY);
        FileCatalog catalog = new FileCatalog(client, COLONY, memberKey);
        added = catalog.add(CfsFile.of(COLONY, "/docs", "readme.md", 2048, "ab",
                CfsFile.Reference.s3("127.0.0.1:9", false, "", "b", "obj")));
        catalog.add(CfsFile.of(COLONY, "/docs/old", "v1.md", 10, "cd", CfsFile.Reference.NONE));
        catalog.createSnapshot("/docs", "docs-v1");
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private Run run(String... args) {
        return server.runAs(COLONY, memberKey, args);
    }

    @Test
    void labelsFilesAndSnapshotsAreListed() {
        Run labels = run("fs", "label", "ls");
        assertEquals(0, labels.code(), labels.err());
        assertEquals(List.of("Label      Number of files", "/docs      1", "/docs/old  1"), labels.out().lines()
                .toList());
        Run files = run("fs", "ls", "-l", "/docs");
        assertTrue(files.out().contains("readme.md  2 KiB") && files.out().contains(added.fileId()), files.out());
        Run info = run("fs", "info", "-l", "/docs", "-n", "readme.md");
        assertTrue(info.out().contains("sequencenr") && info.out().contains("/docs"), info.out());
        Run snapshots = run("fs", "snapshot", "ls");
        assertTrue(snapshots.out().contains("docs-v1") && snapshots.out().contains("/docs"), snapshots.out());
        Run snapshot = run("fs", "snapshot", "info", "-n", "docs-v1");
        assertTrue(snapshot.out().contains("readme.md") && snapshot.out().contains("v1.md"), snapshot.out());
    }

    @Test
    void locationsAreAddedListedAndRemoved() {
        Run added = server.runAs(COLONY, memberKey, "location", "add", "--name", "lab", "--desc", "the lab",
                "--colonyprvkey", COLONY_KEY);
        assertEquals(0, added.code(), added.err());
        String listed = run("location", "ls").out();
        assertTrue(listed.lines().anyMatch(line -> line.matches("lab +the lab +0.0 +0.0")), listed);
        assertTrue(run("location", "get", "--name", "lab").out().contains("the lab"));
        Run notOwner = run("location", "add", "--name", "x", "--colonyprvkey", memberKey);
        assertEquals(1, notOwner.code(), "a member is not the colony owner");
        assertTrue(notOwner.err().contains("HTTP 403"), notOwner.err());
        Run removed = server.runAs(COLONY, memberKey, "location", "remove", "--name", "lab", "--colonyprvkey",
                COLONY_KEY);
        assertEquals(0, removed.code(), removed.err());
        assertEquals(1, run("location", "get", "--name", "lab").code());
    }

    @Test
    void aClusterNodeRefusesTheEmbeddedS3() {
        Run refused = CliServer.runOffline("server", "start", "--cluster", "cluster.json", "--node", "n1",
                "--data-dir", "/tmp/never-used", "--s3-dir", "/tmp/never-used-s3");
        assertEquals(ColoniesCli.USAGE, refused.code());
        assertTrue(refused.err().contains("a cluster uses external S3"), refused.err());
    }

    @Test
    void mistakesAreUsageErrorsWithAHint() {
        Run noSelection = run("fs", "info");
        assertEquals(ColoniesCli.USAGE, noSelection.code());
        assertTrue(noSelection.err().contains("give --fileid, or --label and --name"), noSelection.err());
        Run noSnapshot = run("fs", "snapshot", "info", "-n", "missing");
        assertEquals(1, noSnapshot.code());
        assertTrue(noSnapshot.err().contains("not found"), noSnapshot.err());
    }

    @Test
    void aTransferWithoutS3SettingsIsAUsageError() {
        Assumptions.assumeTrue(System.getenv("AWS_S3_ENDPOINT") == null, "runs where no S3 endpoint is set");
        Run noS3 = run("fs", "sync", "-l", "/x", "-d", "/tmp/never-used");
        assertEquals(ColoniesCli.USAGE, noS3.code(), noS3.err());
        assertTrue(noS3.err().contains("AWS_S3_ENDPOINT is not set"), noS3.err());
    }
}
