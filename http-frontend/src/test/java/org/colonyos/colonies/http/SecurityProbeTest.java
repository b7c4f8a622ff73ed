package org.colonyos.colonies.http;

import static org.colonyos.colonies.http.TestServer.COLONY_KEY;
import static org.colonyos.colonies.http.TestServer.EXECUTOR_KEY;
import static org.colonyos.colonies.http.TestServer.SERVER_KEY;
import static org.colonyos.colonies.http.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.colonyos.colonies.config.ApiSettings;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Conditions;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.Function;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessLog;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of an adversarial probe, each performed as it was found, against a one-node server with the
 * default 2 MiB body limit: every one is refused with the protocol's error and leaves the victims unharmed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class SecurityProbeTest {
    private static final int MAX_BODY = ApiSettings.DEFAULT_MAX_BODY_BYTES;
    private final String colonyBKey = Secp256k1.generatePrivateKey();
    private final String executorBKey = Secp256k1.generatePrivateKey();
    private final String pendingKey = Secp256k1.generatePrivateKey();
    private Path dataDir;
    private ColoniesServer server;
    private ColoniesClient client;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        dataDir = dir;
        server = TestServer.start(dir, ApiSettings.DEFAULT);
        client = TestServer.client(server);
        client.addColony(new Colony(Identity.idOfPrivateKey(COLONY_KEY), "a"), SERVER_KEY);
        client.addColony(new Colony(Identity.idOfPrivateKey(colonyBKey), "b"), SERVER_KEY);
        addApproved("a", "worker", EXECUTOR_KEY, COLONY_KEY);
        addApproved("b", "worker", executorBKey, colonyBKey);
        client.addExecutor(Executor.of(Identity.idOfPrivateKey(pendingKey), "cli", "pending", "a"), COLONY_KEY);
    }

    private void addApproved(String colony, String name, String key, String ownerKey) {
        client.addExecutor(Executor.of(Identity.idOfPrivateKey(key), "cli", name, colony), ownerKey);
        client.approveExecutor(colony, name, ownerKey);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private long raftLogBytes() throws IOException {
        try (Stream<Path> files = Files.walk(dataDir.resolve("raft"))) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    @Test
    void writesFromUnknownKeysLeaveNoTraceInTheLog() throws Exception {
        String big = "x".repeat(1_400_000);
        long before = raftLogBytes();
        for (int i = 0; i < 30; i++) {
            String stranger = Secp256k1.generatePrivateKey();
            FunctionSpec spec = FunctionSpec.of("a", "cli", "f", List.of(big));
            assertRefused(403, "Access denied, not a member of Colony with name <a>", () -> client.submit(spec,
                    stranger));
        }
        assertTrue(raftLogBytes() - before < 64 * 1024, "the log grew by " + (raftLogBytes() - before) + " bytes");
    }

    @Test
    void aBodyThatGrowsWhenReEncodedDoesNotBreakTheLeader() throws Exception {
        long term = server.node().currentTerm();
        String body = Probes.expandingSubmit("a", EXECUTOR_KEY);
        assertTrue(body.length() < MAX_BODY, "under the body limit: " + body.length());
        HttpResponse<String> reply = Probes.post(server.url(), body);
        assertEquals(200, reply.statusCode(), reply.body().substring(0, Math.min(300, reply.body().length())));
        ColonyProcess small = client.submit(FunctionSpec.of("a", "cli", "after", List.of()), EXECUTOR_KEY);
        assertEquals("after", small.spec().funcName());
        assertEquals(term, server.node().currentTerm(), "the leader lost its term");
    }

    @Test
    void nulCharactersCannotForgeIndexKeys() {
        String victimId = Identity.idOfPrivateKey(EXECUTOR_KEY);
        assertRefused(400, "Failed to add executor, invalid executorid: an id is 64 lowercase hex characters",
                () -> client.addExecutor(Executor.of(victimId + "\u0000a", "cli", "forged", "b"), colonyBKey));
        assertRefused(400, "Failed to add executor, invalid executorname: a name has at most 1024 characters and "
                + "no control characters", () -> client.addExecutor(Executor.of(Identity.idOfPrivateKey(
                        Secp256k1.generatePrivateKey()), "cli", "x\u0000y", "b"), colonyBKey));
        FunctionSpec jumper = FunctionSpec.of("a", "cli", "f", List.of()).withConditions(Conditions.of("a",
                "cli\u00000"));
        assertRefused(400, "Failed to submit function spec, invalid executortype: a name has at most 1024 "
                + "characters and no control characters", () -> client.submit(jumper, EXECUTOR_KEY));
        assertEquals("worker", client.getExecutor("a", "worker", EXECUTOR_KEY).executorName(),
                "the victim still acts in its colony");
    }

    @Test
    void idsInUseCannotBeTakenOver() {
        String approvedId = Identity.idOfPrivateKey(EXECUTOR_KEY);
        assertRefused(409, "Failed to change executor Id, the Id is already in use",
                () -> client.changeExecutorId("a", approvedId, pendingKey));
        assertEquals("worker", client.getExecutorById("a", approvedId, EXECUTOR_KEY).executorName());

        Function mine = client.addFunction(new Function("", "worker", "cli", "a", "mine", "", List.of(), 0, 0, 0,
                0, 0, 0, 0, ""), EXECUTOR_KEY);
        Function copied = client.addFunction(new Function(mine.functionId(), "worker", "cli", "b", "theirs", "",
                List.of(), 0, 0, 0, 0, 0, 0, 0, ""), executorBKey);
        assertTrue(!copied.functionId().equals(mine.functionId()), "the function id was chosen by the caller");
        client.removeFunction(mine.functionId(), EXECUTOR_KEY);
        assertTrue(client.getFunctions("a", "worker", EXECUTOR_KEY) == null
                || client.getFunctions("a", "worker", EXECUTOR_KEY).isEmpty());
    }

    @Test
    void priorityIsRangeCheckedWithoutOverflow() {
        assertRefused(400, "Failed to submit function spec, priority must be in [-50000, 50000]",
                () -> client.submit(FunctionSpec.of("a", "cli", "f", List.of()).withPriority(Integer.MIN_VALUE),
                        EXECUTOR_KEY));
    }

    @Test
    void logsByExecutorNameStayInTheCallersColony() {
        ColonyProcess theirs = client.submit(FunctionSpec.of("b", "cli", "secret", List.of()), executorBKey);
        ColonyProcess assigned = client.assign("b", 5, "", "", executorBKey);
        assertEquals(theirs.processId(), assigned.processId());
        client.addLog(assigned.processId(), "secret of b", executorBKey);
        List<ProcessLog> seen = client.getLogs("a", "", "worker", 100, 0, false, EXECUTOR_KEY);
        assertTrue(seen == null || seen.stream().noneMatch(line -> line.message().contains("secret")),
                "a member of a read b's lines: " + seen);
        List<ProcessLog> own = client.getLogs("b", "", "worker", 100, 0, false, executorBKey);
        assertTrue(own.stream().anyMatch(line -> line.message().equals("secret of b")));
    }
}
