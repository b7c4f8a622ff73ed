package org.colonyos.colonies.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.colonyos.colonies.cli.CliServer.Run;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.ExecutorState;
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
 * The Go CLI's commands for an executor working by hand ({@code process assign|close|fail}), for asking a
 * server how it is ({@code server status|alive|stats}, {@code version}), for making executors and their functions
 * ({@code executor create|add --spec|ls -f}, {@code function register}), {@code colony check}, and
 * {@code function exec}'s Go spellings ({@code --kwargs key:value}, {@code --out}).
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
        assertEquals("a\nb\n", server.runAs(COLONY, executorKey, "process", "get", "-p", first.processId(), "--out")
                .out());
        assertEquals("successful\n", server.runAs(COLONY, executorKey, "process", "status", "-p", first.processId())
                .out());

        ColonyProcess second = submit();
        assertEquals(0, server.runAs(COLONY, executorKey, "process", "assign", "--timeout", "5").code());
        assertEquals(0, server.runAs(COLONY, executorKey, "process", "fail", "--processid", second.processId(),
                "--errors", "boom").code());
        ColonyProcess failed = client.getProcess(second.processId(), executorKey);
        assertEquals(ProcessState.FAILED, failed.state());
        assertEquals(List.of("boom"), failed.errors());
        assertEquals("failed\n", server.runAs(COLONY, executorKey, "process", "status", "-p", second.processId())
                .out());
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

    @Test
    void createMakesAKeyAndRegistersTheExecutorThatThenRegistersAFunction(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("made.key");
        Path id = dir.resolve("made.id");
        Run created = server.run("executor", "create", "--name", "made", "--type", "made-type", "--keypath",
                key.toString(), "--idpath", id.toString(), "--approve", "--colonyname", COLONY, "--colonyprvkey",
                CliServer.COLONY_KEY);
        assertEquals(0, created.code(), created.err());
        String madeKey = Files.readString(key);
        assertEquals(Identity.idOfPrivateKey(madeKey), Files.readString(id));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(key));
        assertEquals(ExecutorState.APPROVED, client.getExecutor(COLONY, "made", madeKey).state());

        Run registered = server.runAs(COLONY, madeKey, "function", "register", "--name", "made", "--func", "crunch");
        assertEquals(0, registered.code(), registered.err());
        assertEquals(List.of("crunch made-type"), client.getFunctions(COLONY, "made", madeKey).stream()
                .map(f -> f.funcName() + " " + f.executorType()).toList());

        Run filtered = server.runAs(COLONY, madeKey, "executor", "ls", "-f", "MADE-T");
        assertTrue(filtered.out().contains("made-type") && !filtered.out().contains("manual"), filtered.out());
    }

    @Test
    void addTakesTheExecutorFromASpecFileWithFlagsOverridingIt(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("executor.json");
        Files.writeString(spec, "{\"executorname\":\"fromspec\",\"executortype\":\"spec-type\"}");
        String key = Secp256k1.generatePrivateKey();
        Run added = server.run("executor", "add", "--spec", spec.toString(), "--type", "flag-type", "--executorid",
                Identity.idOfPrivateKey(key), "--colonyname", COLONY, "--colonyprvkey", CliServer.COLONY_KEY);
        assertEquals(0, added.code(), added.err());
        assertEquals("flag-type", client.getExecutor(COLONY, "fromspec", executorKey).executorType());

        Run nameless = server.run("executor", "add", "--executorid", Identity.idOfPrivateKey(key), "--colonyname",
                COLONY, "--colonyprvkey", CliServer.COLONY_KEY);
        assertEquals(ColoniesCli.USAGE, nameless.code());
        assertTrue(nameless.err().contains("--name and --type, or a --spec file"), nameless.err());
    }

    @Test
    void colonyCheckExitsZeroOnlyForAColonyThatExists() {
        Run exists = server.runAs(COLONY, executorKey, "colony", "check", "--name", COLONY);
        assertEquals(0, exists.code(), exists.err());
        Run missing = server.runAs(COLONY, executorKey, "colony", "check", "--name", "nosuchcolony");
        assertEquals(1, missing.code(), missing.out());
        assertTrue(missing.err().startsWith("Error: "), missing.err());
    }

    @Test
    void execReadsKwargsAsTheGoCliWritesThemAndOutWaitsForTheOutput() throws Exception {
        String kwKey = Secp256k1.generatePrivateKey();
        client.addExecutor(Executor.of(Identity.idOfPrivateKey(kwKey), "kw", "kw", COLONY), CliServer.COLONY_KEY);
        client.approveExecutor(COLONY, "kw", CliServer.COLONY_KEY);
        CompletableFuture<ColonyProcess> served = CompletableFuture.supplyAsync(() -> {
            ColonyProcess assigned = client.assign(COLONY, 20, "", "", kwKey);
            client.closeSuccessful(assigned.processId(), List.of("done"), kwKey);
            return assigned;
        });
        Run exec = server.runAs(COLONY, kwKey, "function", "exec", "--func", "job", "--targettype", "kw",
                "--kwargs", "cmd:python3,args:/tmp/job.py,url=http://a:1", "--out");
        assertEquals(0, exec.code(), exec.err());
        assertEquals("done\n", exec.out());
        assertEquals(Map.of("cmd", "python3", "args", List.of("/tmp/job.py"), "url", "http://a:1"),
                served.get(30, TimeUnit.SECONDS).spec().kwargs());

        Run bad = server.runAs(COLONY, kwKey, "function", "exec", "--func", "job", "--kwargs", "novalue");
        assertEquals(ColoniesCli.USAGE, bad.code());
        assertTrue(bad.err().contains("invalid keyword argument 'novalue'"), bad.err());
    }

    @Test
    void theVersionNamesTheCommitTheBuildCameFrom() throws Exception {
        String version = CliServer.runOffline("--version").out().trim();
        Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
        String head = new String(git.getInputStream().readAllBytes()).trim();
        if (git.waitFor() != 0) {
            assertTrue(!version.contains("+"), "a build outside a git checkout names no commit: " + version);
            return;
        }
        assertTrue(version.matches("colonies-java \\S+\\+[0-9a-f]{10}(\\.dirty)?"), version);
        String commit = version.substring(version.indexOf('+') + 1).replace(".dirty", "");
        assertTrue(head.startsWith(commit), version + " against HEAD " + head);
    }
}
