package org.colonyos.colonies.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.colonyos.colonies.cli.CliServer.Run;
import org.colonyos.colonies.config.ClusterConfig;
import org.colonyos.colonies.proto.crypto.Identity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client commands against an in-process server: output, --json and error exits. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class CliCommandsTest {
    private static final String SERVER_KEY = CliServer.SERVER_KEY;
    private static final String COLONY_KEY = CliServer.COLONY_KEY;
    private static final String EXECUTOR_KEY = CliServer.EXECUTOR_KEY;
    private CliServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = new CliServer(dir);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private Run run(String... args) {
        return server.run(args);
    }

    private static Run runOffline(String... args) {
        return CliServer.runOffline(args);
    }

    @Test
    void colonyExecutorAndUserCommandsRoundTrip() {
        String colonyId = Identity.idOfPrivateKey(COLONY_KEY);
        assertEquals(0, run("colony", "add", "--name", "c1", "--colonyid", colonyId, "--serverprvkey", SERVER_KEY)
                .code());
        Run ls = run("colony", "ls", "--serverprvkey", SERVER_KEY);
        assertTrue(ls.out().contains("NAME") && ls.out().contains("c1") && ls.out().contains(colonyId), ls.out());

        assertEquals(0, run("executor", "add", "--name", "e1", "--type", "cli", "--executorid",
                Identity.idOfPrivateKey(EXECUTOR_KEY), "--approve", "--colonyname", "c1", "--colonyprvkey",
                COLONY_KEY).code());
        Run executors = run("executor", "ls", "--json", "--colonyname", "c1", "--prvkey", EXECUTOR_KEY);
        assertTrue(executors.out().startsWith("[{\"executorid\""), executors.out());
        assertTrue(executors.out().contains("\"state\":1"), executors.out());

        assertEquals(0, run("user", "add", "--name", "alice", "--userid", "a".repeat(64), "--colonyname", "c1",
                "--colonyprvkey", COLONY_KEY).code());
        assertTrue(run("user", "ls", "--colonyname", "c1", "--prvkey", EXECUTOR_KEY).out().contains("alice"));
        assertTrue(run("colony", "get", "--colonyname", "c1", "--prvkey", EXECUTOR_KEY).out().contains("c1"));
    }

    @Test
    void commandsByNameApproveShowAndRemove() {
        String colonyId = Identity.idOfPrivateKey(COLONY_KEY);
        String[] owner = {"--colonyname", "c2", "--colonyprvkey", COLONY_KEY};
        String executorKey = org.colonyos.colonies.proto.crypto.Secp256k1.generatePrivateKey();
        assertEquals(0, run("colony", "add", "--name", "c2", "--colonyid", colonyId, "--serverprvkey", SERVER_KEY)
                .code());
        assertEquals(0, run(concat(new String[] {"executor", "add", "--name", "e2", "--type", "cli", "--executorid",
            Identity.idOfPrivateKey(executorKey)}, owner)).code());
        assertEquals(0, run(concat(new String[] {"executor", "approve", "--name", "e2"}, owner)).code());
        Run shown = run("executor", "get", "--name", "e2", "--colonyname", "c2", "--prvkey", executorKey);
        assertTrue(shown.out().matches("(?s).*(?m)^executorname\\s+e2$.*") && shown.out()
                .matches("(?s).*(?m)^state\\s+approved$.*"), shown.out() + shown.err());
        assertEquals(0, run(concat(new String[] {"user", "add", "--name", "bob", "--userid", "b".repeat(64)}, owner))
                .code());
        assertTrue(run("user", "get", "--name", "bob", "--colonyname", "c2", "--prvkey", executorKey).out()
                .contains("bob"));
        assertEquals(0, run(concat(new String[] {"user", "remove", "--name", "bob"}, owner)).code());
        assertEquals(0, run(concat(new String[] {"executor", "remove", "--name", "e2"}, owner)).code());
        assertEquals(0, run("colony", "remove", "--name", "c2", "--serverprvkey", SERVER_KEY).code());
        Run missing = run("colony", "remove", "--name", "c2", "--serverprvkey", SERVER_KEY);
        assertEquals(1, missing.code());
        assertEquals("Error: Colony with name <c2> not found (HTTP 400)", missing.err().trim());
        assertEquals(2, run("executor", "approve", "--colonyname", "c2", "--colonyprvkey", COLONY_KEY).code(),
                "--name is required");
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    @Test
    void serverErrorsExitOneWithTheServersMessage() {
        Run denied = run("colony", "ls", "--serverprvkey", COLONY_KEY);
        assertEquals(1, denied.code());
        assertEquals("Error: Access denied, not server owner (HTTP 403)", denied.err().trim());
    }

    @Test
    void securityCommandsComputeIdsLocally() {
        Run id = runOffline("security", "id", "--prvkey", SERVER_KEY);
        assertEquals(0, id.code());
        assertEquals(Identity.idOfPrivateKey(SERVER_KEY), id.out().trim());
    }

    @Test
    void clusterInitWritesPeerTlsOnlyWhenAllThreeFilesAreGiven() {
        Run plain = runOffline("cluster", "init", "--nodes", "3");
        assertEquals(0, plain.code(), plain.err());
        assertTrue(plain.out().contains("\"raftPort\" : 7103") && !plain.out().contains("peerTls"), plain.out());
        Run tls = runOffline("cluster", "init", "--peer-cert", "/etc/colonies/{node}.crt", "--peer-key",
                "/etc/colonies/{node}.key", "--peer-ca", "/etc/colonies/ca.pem");
        assertEquals(0, tls.code(), tls.err());
        assertTrue(tls.out().contains("\"peerTls\" : {")
                && tls.out().contains("\"keyFile\" : \"/etc/colonies/{node}.key\""),
                tls.out());
        Run partial = runOffline("cluster", "init", "--peer-cert", "a.crt");
        assertEquals(2, partial.code());
        assertTrue(partial.err().contains("--peer-key") && partial.err().contains("--peer-ca"), partial.err());
    }

    @Test
    void clusterInitGeneratesPeerTlsThatEveryNodeAccepts(@TempDir Path dir) throws Exception {
        Path pki = dir.resolve("pki");
        Run first = runOffline("cluster", "init", "--nodes", "3", "--tls-dir", pki.toString());
        assertEquals(0, first.code(), first.err());
        Path file = Files.writeString(dir.resolve("cluster.json"), first.out());
        ClusterConfig cluster = ClusterConfig.load(file);
        for (String node : List.of("n1", "n2", "n3")) {
            cluster.peerTls().forNode(node).checkFiles();
        }
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(pki.resolve("ca.key")));
        String ca = Files.readString(pki.resolve("ca.pem"));
        Run again = runOffline("cluster", "init", "--nodes", "4", "--tls-dir", pki.toString());
        assertEquals(0, again.code(), again.err());
        assertEquals(ca, Files.readString(pki.resolve("ca.pem")), "the CA is reused");
        ClusterConfig.load(Files.writeString(dir.resolve("four.json"), again.out())).peerTls().forNode("n4")
                .checkFiles();
        Run both = runOffline("cluster", "init", "--tls-dir", pki.toString(), "--peer-cert", "a", "--peer-key", "b",
                "--peer-ca", "c");
        assertEquals(2, both.code(), both.err());
    }

    @Test
    void userErrorsPrintOneLineAndExitWithTheirCode() {
        Run badHex = run("process", "pss", "--colonyname", "x", "--prvkey", "nothex");
        assertEquals(2, badHex.code());
        assertEquals("Error: --prvkey must be a private key of 64 hex characters (see 'colonies security generate'),"
                + " got 6 characters\n", badHex.err());
        Run unreachable = runOffline("process", "pss", "--colonyname", "x", "--prvkey", EXECUTOR_KEY, "--host",
                "127.0.0.1", "--port", "1");
        assertEquals(1, unreachable.code());
        assertEquals("Error: cannot reach http://127.0.0.1:1/api: connection refused (is a server running there?)\n",
                unreachable.err());

        String executorKey = org.colonyos.colonies.proto.crypto.Secp256k1.generatePrivateKey();
        assertEquals(0, run("colony", "add", "--name", "waits", "--colonyid", Identity.idOfPrivateKey(COLONY_KEY),
                "--serverprvkey", SERVER_KEY).code());
        assertEquals(0, run("executor", "add", "--name", "w", "--type", "nobody", "--executorid",
                Identity.idOfPrivateKey(executorKey), "--approve", "--colonyname", "waits", "--colonyprvkey",
                COLONY_KEY).code());
        String[] exec = {"function", "exec", "--func", "f", "--colonyname", "waits", "--prvkey", executorKey,
            "--wait"};
        Run timedOut = run(concat(exec, new String[] {"--waittimeout", "1"}));
        assertEquals(4, timedOut.code(), timedOut.err());
        assertTrue(timedOut.err().startsWith("Error: gave up waiting after 1 s: process "), timedOut.err());
        Run failed = run(concat(exec, new String[] {"--maxwaittime", "1"}));
        assertEquals(3, failed.code(), failed.err());
        assertTrue(failed.err().contains("Maximum waiting time limit exceeded"), failed.err());
        for (Run errorRun : List.of(badHex, unreachable, timedOut, failed)) {
            assertTrue(!errorRun.err().contains("Exception"), errorRun.err());
        }
    }

    @Test
    void benchLocalLeavesNoTemporaryDirectoryBehind() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = localDirs(tmp);
        Run bench = runOffline("bench", "--local", "--warmup", "1", "--duration", "1", "--executors", "1",
                "--submitters", "1", "--inflight", "2");
        assertEquals(0, bench.code(), bench.err());
        assertTrue(bench.out().contains("cycles/s"), bench.out());
        assertEquals(before, localDirs(tmp));
    }

    @Test
    void benchChannelWritesAndReadsBackEveryProcesssChannel() throws Exception {
        Run bench = runOffline("bench", "channel", "--local", "--warmup", "1", "--duration", "2", "--executors",
                "2", "--submitters", "1", "--inflight", "4");
        assertEquals(0, bench.code(), bench.err());
        assertTrue(bench.out().contains("channels/s"), bench.out());
        assertTrue(bench.out().matches("(?s).*\\nerrors +0\\n.*"), bench.out());
        assertTrue(bench.out().matches("(?s).*\\ncycles/s +[1-9].*"), "channels were measured: " + bench.out());
    }

    private static List<Path> localDirs(Path tmp) throws java.io.IOException {
        try (java.util.stream.Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("colonies-local-")).sorted().toList();
        }
    }

    @Test
    void serverStartPassesTheSnapshotIntervalToTheNode(@TempDir Path dir) {
        Run zero = runOffline("server", "start", "--data-dir", dir.toString(), "--snapshot-every", "0");
        assertEquals(1, zero.code());
        assertTrue(zero.err().contains("snapshot interval must be at least 1 entry, got 0"), zero.err());
    }
}
