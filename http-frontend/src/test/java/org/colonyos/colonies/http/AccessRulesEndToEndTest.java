package org.colonyos.colonies.http;

import static org.colonyos.colonies.http.TestServer.COLONY_KEY;
import static org.colonyos.colonies.http.TestServer.EXECUTOR_KEY;
import static org.colonyos.colonies.http.TestServer.SERVER_KEY;
import static org.colonyos.colonies.http.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.model.Allocations;
import org.colonyos.colonies.proto.model.Capabilities;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.ExecutorState;
import org.colonyos.colonies.proto.model.User;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the SDK against a real one-node server: for every access rule, an allowed and a forbidden caller,
 * plus the identity messages' replies and their Go-compatible errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class AccessRulesEndToEndTest {
    private static final String COLONY = "test";
    private final String userKey = Secp256k1.generatePrivateKey();
    private final String pendingKey = Secp256k1.generatePrivateKey();
    private final String strangerKey = Secp256k1.generatePrivateKey();
    private ColoniesServer server;
    private ColoniesClient client;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = TestServer.start(dir);
        client = TestServer.client(server);
        client.addColony(new Colony(Identity.idOfPrivateKey(COLONY_KEY), COLONY), SERVER_KEY);
        client.addExecutor(Executor.of(Identity.idOfPrivateKey(EXECUTOR_KEY), "cli", "approved", COLONY), COLONY_KEY);
        client.approveExecutor(COLONY, "approved", COLONY_KEY);
        client.addExecutor(Executor.of(Identity.idOfPrivateKey(pendingKey), "cli", "pending", COLONY), COLONY_KEY);
        client.addUser(new User(COLONY, Identity.idOfPrivateKey(userKey), "alice", "a@x.org", "1"), COLONY_KEY);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void unsignedMessagesNeedNoKey() {
        assertEquals("test", client.version().buildVersion());
        assertEquals(server.httpPort(), client.serverInfo().backends().get(0).port());
    }

    @Test
    void serverOwnerRule() {
        assertEquals(List.of(COLONY), client.getColonies(SERVER_KEY).stream().map(Colony::name).toList());
        assertRefused(403, "Access denied, not server owner", () -> client.getColonies(COLONY_KEY));
        assertRefused(403, "Access denied, not server owner", () ->
                client.addColony(new Colony(Identity.idOfPrivateKey(COLONY_KEY), "other"), EXECUTOR_KEY));
        assertRefused(400, "A Colony with name <test> already exists", () ->
                client.addColony(new Colony(Identity.idOfPrivateKey(COLONY_KEY), COLONY), SERVER_KEY));
    }

    @Test
    void colonyOwnerRule() {
        Executor added = client.addExecutor(Executor.of("e".repeat(64), "cli", "co-test", COLONY), COLONY_KEY);
        assertEquals(ExecutorState.PENDING, added.state());
        assertNotEquals(GoTime.ZERO, added.commissionTime());
        assertRefused(403, "Access denied, not colony owner", () -> client.rejectExecutor(COLONY, "co-test",
                EXECUTOR_KEY));
        client.rejectExecutor(COLONY, "co-test", COLONY_KEY);
        assertEquals(ExecutorState.REJECTED, client.getExecutor(COLONY, "co-test", EXECUTOR_KEY).state());
        assertRefused(403, "Access denied, not colony owner", () ->
                client.addUser(new User(COLONY, "b".repeat(64), "bob", "", ""), userKey));
    }

    @Test
    void memberRuleNeedsAnApprovedExecutorOrAUser() {
        assertEquals(COLONY, client.getColony(COLONY, EXECUTOR_KEY).name());
        assertEquals(COLONY, client.getColony(COLONY, userKey).name());
        String denied = "Access denied, not a member of Colony with name <test>";
        assertRefused(403, denied, () -> client.getColony(COLONY, pendingKey));
        assertRefused(403, denied, () -> client.getColony(COLONY, COLONY_KEY));
        assertRefused(403, denied, () -> client.getExecutorById(COLONY, Identity.idOfPrivateKey(EXECUTOR_KEY),
                strangerKey));
        assertRefused(404, "Executor with Id <" + "0".repeat(64) + "> not found", () ->
                client.getExecutorById(COLONY, "0".repeat(64), EXECUTOR_KEY));
    }

    @Test
    void memberInAnyStateRule() {
        assertTrue(client.getExecutors(COLONY, pendingKey).size() >= 2);
        assertEquals("alice", client.getUser(COLONY, "alice", pendingKey).name());
        assertRefused(403, "Access denied, not a member of Colony with name <test>", () ->
                client.getUsers(COLONY, strangerKey));
        assertRefused(404, "User with Id <" + "0".repeat(64) + "> not found", () ->
                client.getUserById(COLONY, "0".repeat(64), userKey));
    }

    @Test
    void selfExecutorRule() {
        Allocations allocations = new Allocations(Map.of("p", new Allocations.Project(1, 2, 3, 4, 5, 6)));
        client.reportAllocations(COLONY, "pending", allocations, pendingKey);
        assertEquals(allocations, client.getExecutor(COLONY, "pending", EXECUTOR_KEY).allocations());
        assertRefused(400, "Only an executor can report allocations to itself", () ->
                client.reportAllocations(COLONY, "pending", allocations, EXECUTOR_KEY));
        Capabilities caps = new Capabilities(null, List.of(new Capabilities.Software("java", "jdk", "17")));
        client.updateCapabilities(COLONY, "approved", caps, EXECUTOR_KEY);
        assertEquals(caps, client.getExecutor(COLONY, "approved", EXECUTOR_KEY).capabilities());
        assertRefused(400, "Only an executor can update its own capabilities", () ->
                client.updateCapabilities(COLONY, "approved", caps, pendingKey));
        assertRefused(403, "Access denied, not a member of Colony with name <test>", () ->
                client.updateCapabilities(COLONY, "approved", caps, strangerKey));
    }

    @Test
    void selfUserRuleAndIdChanges() {
        String tempKey = Secp256k1.generatePrivateKey();
        client.addUser(new User(COLONY, Identity.idOfPrivateKey(tempKey), "temp", "", ""), COLONY_KEY);
        String newKey = Secp256k1.generatePrivateKey();
        assertRefused(400, "Failed to change user Id, caller is not a user of colony <test>", () ->
                client.changeUserId(COLONY, Identity.idOfPrivateKey(newKey), EXECUTOR_KEY));
        client.changeUserId(COLONY, Identity.idOfPrivateKey(newKey), tempKey);
        assertEquals("temp", client.getUserById(COLONY, Identity.idOfPrivateKey(newKey), newKey).name());
        assertRefused(403, "Access denied, not a member of Colony with name <test>", () ->
                client.getUsers(COLONY, tempKey));
        client.removeUser(COLONY, "temp", COLONY_KEY);
        assertRefused(400, "Failed to remove user, user with name <temp> not found", () ->
                client.removeUser(COLONY, "temp", COLONY_KEY));
    }

    @Test
    void removedExecutorsAreUnregisteredAndLoseMembership() {
        String key = Secp256k1.generatePrivateKey();
        client.addExecutor(Executor.of(Identity.idOfPrivateKey(key), "cli", "gone", COLONY), COLONY_KEY);
        client.approveExecutor(COLONY, "gone", COLONY_KEY);
        assertEquals(COLONY, client.getColony(COLONY, key).name());
        client.removeExecutor(COLONY, "gone", COLONY_KEY);
        assertEquals(ExecutorState.UNREGISTERED, client.getExecutor(COLONY, "gone", EXECUTOR_KEY).state());
        assertRefused(403, "Access denied, not a member of Colony with name <test>", () ->
                client.getColony(COLONY, key));
        assertRefused(500, "Executor with name <nobody> in Colony <test> not found", () ->
                client.approveExecutor(COLONY, "nobody", COLONY_KEY));
    }

    @Test
    void colonyAndServerIdChangesTransferOwnership() {
        String newColonyKey = Secp256k1.generatePrivateKey();
        client.addColony(new Colony(Identity.idOfPrivateKey(COLONY_KEY), "moving"), SERVER_KEY);
        client.changeColonyId("moving", Identity.idOfPrivateKey(newColonyKey), COLONY_KEY);
        assertRefused(403, "Access denied, not colony owner", () ->
                client.changeColonyId("moving", Identity.idOfPrivateKey(COLONY_KEY), COLONY_KEY));
        client.changeColonyId("moving", Identity.idOfPrivateKey(COLONY_KEY), newColonyKey);
        client.removeColony("moving", SERVER_KEY);
        assertRefused(400, "Colony with name <moving> not found", () -> client.removeColony("moving", SERVER_KEY));

        String newServerKey = Secp256k1.generatePrivateKey();
        client.changeServerId(Identity.idOfPrivateKey(newServerKey), SERVER_KEY);
        assertRefused(403, "Access denied, not server owner", () -> client.getColonies(SERVER_KEY));
        client.changeServerId(Identity.idOfPrivateKey(SERVER_KEY), newServerKey);
        assertEquals(1, client.getColonies(SERVER_KEY).size());
    }
}
