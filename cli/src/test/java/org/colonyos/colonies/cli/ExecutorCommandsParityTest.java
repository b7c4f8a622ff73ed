package org.colonyos.colonies.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.colonyos.colonies.cli.CliServer.Run;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Go CLI's commands for an executor working by hand ({@code process assign|close|fail}) and for asking a
 * server how it is ({@code server status|alive|stats}, {@code version}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class ExecutorCommandsParityTest {
    private static final String COLONY = "byhand";
    private final String executorKey = Secp256k1.generatePrivateKey();
    private CliServer server;
    private ColoniesClient client;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = new CliServer(dir);
        assertEquals(0, server.run("colony", "add", "--name", COLONY, "--colonyid",
                Identity.idOfPrivateKey(CliServer.COLONY_KEY), "--serverprvkey", CliServer.SERVER_KEY).code());
        assertEquals(0, server.run("executor", "add", "--name", "hand", "--type", "manual", "--executorid",
                Identity.idOfPrivateKey(executorKey), "--approve", "--colonyname", COLONY, "--colonyprvkey",
                CliServer.COLONY_KEY).code());
        client = new ColoniesClient(java.net.URI.create(server.server.url()));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private ColonyProcess submit() {
        return client.submit(FunctionSpec.of(COLONY, "manual", "work", List.of()), executorKey);
    }

    @Test
    void anExecutorTakesAProcessAndClosesItByHand() {
        ColonyProcess first = submit();
        Run assigned = server.runAs(COLONY, executorKey, "process", "assign", "--timeout", "5");
        assertEquals(0, assigned.code(), assigned.err());
        assertTrue(assigned.out().contains(first.processId()), assigned.out());
        assertEquals(0, server.runAs(COLONY, executorKey, "process", "close", "--processid", first.processId(),
                "--out", "a,b").code());
        ColonyProcess closed = client.getProcess(first.processId(), executorKey);
        assertEquals(ProcessState.SUCCESS, closed.state());
        assertEquals(List.of("a", "b"), closed.out());

        ColonyProcess second = submit();
        assertEquals(0, server.runAs(COLONY, executorKey, "process", "assign", "--timeout", "5").code());
        assertEquals(0, server.runAs(COLONY, executorKey, "process", "fail", "--processid", second.processId(),
                "--errors", "boom").code());
        ColonyProcess failed = client.getProcess(second.processId(), executorKey);
        assertEquals(ProcessState.FAILED, failed.state());
        assertEquals(List.of("boom"), failed.errors());
    }

    @Test
    void keysChangeAndLogLinesAreAddedByHand() {
        String newKey = Secp256k1.generatePrivateKey();
        String mover = Secp256k1.generatePrivateKey();
        assertEquals(0, server.run("executor", "add", "--name", "mover", "--type", "other", "--executorid",
                Identity.idOfPrivateKey(mover), "--approve", "--colonyname", COLONY, "--colonyprvkey",
                CliServer.COLONY_KEY).code());
        assertEquals(0, server.runAs(COLONY, mover, "executor", "chid", "--executorid",
                Identity.idOfPrivateKey(newKey)).code());
        assertEquals(Identity.idOfPrivateKey(newKey), client.getExecutor(COLONY, "mover", executorKey).executorId());
        ColonyProcess running = submit();
        assertEquals(0, server.runAs(COLONY, executorKey, "process", "assign", "--timeout", "5").code());
        assertEquals(0, server.runAs(COLONY, executorKey, "log", "add", "--processid", running.processId(), "--msg",
                "by hand").code());
        assertEquals("by hand", client.getLogs(COLONY, running.processId(), "", 10, 0, false, executorKey).get(0)
                .message());
        assertEquals(0, server.runAs(COLONY, executorKey, "process", "close", "--processid", running.processId())
                .code());
        Run followed = server.runAs(COLONY, executorKey, "log", "get", "--processid", running.processId(),
                "--follow");
        assertEquals(0, followed.code(), "following an ended process's log returns: " + followed.err());
        String time = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}";
        assertTrue(followed.out().matches("(?s)TIME.*" + time + ".*by hand\n"), followed.out());
    }

    @Test
    void executorListingsFilterByTypeAndShowEveryFieldWithFull() {
        Run manual = server.runAs(COLONY, executorKey, "executor", "ls", "--type", "manual");
        assertTrue(manual.out().contains("hand") && !manual.out().contains("mover"), manual.out());
        Run full = server.runAs(COLONY, executorKey, "executor", "ls", "--type", "manual", "--full");
        assertTrue(full.out().matches("(?s).*(?m)^executorname\\s+hand$.*") && full.out()
                .matches("(?s).*(?m)^state\\s+approved$.*"), full.out());
        Run nowhere = server.runAs(COLONY, executorKey, "executor", "ls", "--location", "nowhere");
        assertEquals("NAME  TYPE  STATE  EXECUTORID", nowhere.out().trim());
    }

    @Test
    void execFollowPrintsTheLogAsItComesAndThenTheOutput() throws Exception {
        java.util.concurrent.CompletableFuture<Run> exec = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                server.runAs(COLONY, executorKey, "function", "exec", "--func", "followed", "--targettype",
                        "manual", "--follow"));
        ColonyProcess taken = client.assign(COLONY, 20, "", "", executorKey);
        client.addLog(taken.processId(), "step one", executorKey);
        Thread.sleep(700);
        client.addLog(taken.processId(), "step two", executorKey);
        client.closeSuccessful(taken.processId(), List.of("result"), executorKey);
        Run followed = exec.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(0, followed.code(), followed.err());
        assertTrue(followed.out().matches("(?s).*step one.*step two.*result\n"), followed.out());
    }

    @Test
    void anAssignWithNothingToTakeExitsOne() {
        Run nothing = server.runAs(COLONY, executorKey, "process", "assign", "--timeout", "1");
        assertEquals(1, nothing.code(), nothing.out());
        assertTrue(nothing.err().contains("No process available"), nothing.err());
    }

    @Test
    void theServerSaysHowItIs() {
        Run status = server.run("server", "status");
        assertEquals(0, status.code(), status.err());
        assertTrue(status.out().contains("http") && status.out().contains(String.valueOf(server.server.httpPort())),
                status.out());
        assertEquals(0, server.run("server", "alive").code());
        Run down = CliServer.runOffline("server", "alive", "--host", "127.0.0.1", "--port", "1");
        assertEquals(1, down.code(), down.out());
        Run stats = server.run("server", "stats", "--serverprvkey", CliServer.SERVER_KEY, "--json");
        assertTrue(stats.out().contains("\"colonies\":1"), stats.out());
        Run version = server.run("version");
        assertTrue(version.out().contains("Client: colonies-java") && version.out().contains("Server: t"),
                version.out());
        assertTrue(CliServer.runOffline("--version").out().startsWith("colonies-java "));
        Run cluster = server.run("cluster", "info", "--serverprvkey", CliServer.SERVER_KEY);
        assertTrue(cluster.out().startsWith("NODE") && cluster.out().matches("(?s).*\\nn1 .*yes\\n"), cluster.out());
    }

    @Test
    void configShowsTheEffectiveSettingsWithKeysAsIds() {
        Run config = CliServer.runOffline("config", "--host", "h.example", "--port", "1234", "--colonyname", "c",
                "--prvkey", executorKey, "--skip-tls-verify");
        assertEquals(0, config.code(), config.err());
        assertTrue(config.out().contains("http://h.example:1234") && config.out().contains("flags"), config.out());
        assertTrue(config.out().contains("id " + Identity.idOfPrivateKey(executorKey)), config.out());
        assertTrue(!config.out().contains(executorKey), "the private key itself is never printed");
        assertTrue(config.out().contains("skip verification"), config.out());
    }

    @Test
    void completionScriptsCoverEveryCommand() {
        Run bash = CliServer.runOffline("completion", "bash");
        assertEquals(0, bash.code(), bash.err());
        assertTrue(bash.out().contains("complete -F") && bash.out().contains("assign")
                && bash.out().contains("server"), bash.out().substring(0, 200));
        Run zsh = CliServer.runOffline("completion", "zsh");
        assertTrue(zsh.out().startsWith("autoload -U +X compinit"), zsh.out().substring(0, 100));
        assertEquals(ColoniesCli.USAGE, CliServer.runOffline("completion", "fish").code());
    }
}
