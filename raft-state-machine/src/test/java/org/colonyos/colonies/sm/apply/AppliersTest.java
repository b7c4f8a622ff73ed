package org.colonyos.colonies.sm.apply;

import static org.colonyos.colonies.sm.Commands.COLONY_ID;
import static org.colonyos.colonies.sm.Commands.COLONY_KEY;
import static org.colonyos.colonies.sm.Commands.EXECUTOR_ID;
import static org.colonyos.colonies.sm.Commands.EXECUTOR_KEY;
import static org.colonyos.colonies.sm.Commands.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.colonyos.colonies.config.PeerAddress;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.log.ApplyReply;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.ExecutorState;
import org.colonyos.colonies.proto.wire.ColonyPayloads;
import org.colonyos.colonies.proto.wire.ExecutorPayloads;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ServerPayloads;
import org.colonyos.colonies.sm.Commands;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Appliers: replay commands to build a state, apply one more, assert the state and the reply. */
class AppliersTest {
    private AppliedLog log;
    private ColoniesState state;

    @BeforeEach
    void setUp() {
        log = new AppliedLog();
        state = log.state;
        apply(Commands.bootstrap());
        apply(Commands.addColony("test", 1_000));
    }

    private ApplyReply apply(LogEntry entry) {
        return log.apply(entry);
    }

    private static void assertRejected(ApplyReply reply, int status, String message) {
        assertEquals(status, reply.getErrorStatus(), reply.toString());
        assertEquals(message, reply.getErrorMessage());
    }

    private static LogEntry member(String host, int httpPort) {
        return Commands.signed(SERVER_KEY, 0, PayloadType.ADD_CLUSTER_MEMBER,
                new ServerPayloads.AddClusterMember("n4", host, 7101, httpPort));
    }

    private static LogEntry removeColony(String prvKey) {
        return Commands.signed(prvKey, 0, PayloadType.REMOVE_COLONY, new ColonyPayloads.ColonyRef("test"));
    }

    @Test
    void addColonyChecksOwnerIdLengthAndUniqueness() {
        assertRejected(apply(Commands.signed(COLONY_KEY, 0, PayloadType.ADD_COLONY,
                new ColonyPayloads.AddColony(new Colony(COLONY_ID, "x")))), 403, "Access denied, not server owner");
        assertRejected(apply(Commands.signed(SERVER_KEY, 0, PayloadType.ADD_COLONY,
                new ColonyPayloads.AddColony(new Colony("abc", "x")))), 400,
                "Failed to add colony, invalid colony Id length");
        assertRejected(apply(Commands.addColony("test", 2_000)), 400, "A Colony with name <test> already exists");
        assertEquals(1, state.colonies().size());
    }

    @Test
    void addClusterMemberValidatesTheAddressAsTheClusterFileDoes() {
        assertRejected(apply(member("10.0.0.4", 0)), 400,
                "Failed to add cluster member, node 'n4': httpPort must be set in a cluster of several nodes");
        assertRejected(apply(member("10.0.0.4", 70000)), 400,
                "Failed to add cluster member, node 'n4': httpPort 70000 is not in 0..65535");
        assertRejected(apply(member(" ", 1)), 400, "Failed to add cluster member, node 'n4' has an empty host");
        assertEquals(0, state.addedMembers().size());
        assertEquals(0, apply(member("h", 1)).getErrorStatus());
        assertEquals(List.of("n4"), state.addedMembers().stream().map(PeerAddress::id).toList());
    }

    @Test
    void executorsStartPendingWithTheEntryTimeAndNeedTheColonyOwner() {
        assertEquals(0, apply(Commands.addExecutor("test", "e1", EXECUTOR_ID, 5_000_000_000L)).getErrorStatus());
        Executor stored = state.executor("test", "e1").orElseThrow();
        assertEquals(ExecutorState.PENDING, stored.state());
        assertEquals(GoTime.ofUnixNanos(5_000_000_000L), stored.commissionTime());
        assertEquals(stored, state.executorById(EXECUTOR_ID).orElseThrow());

        assertRejected(apply(Commands.addExecutor("test", "e1", EXECUTOR_ID, 0)), 400,
                "Executor with name <e1> in Colony <test> already exists");
        LogEntry approveByStranger = Commands.signed(EXECUTOR_KEY, 0, PayloadType.APPROVE_EXECUTOR,
                new ExecutorPayloads.ExecutorRef("test", "e1"));
        assertRejected(apply(approveByStranger), 403, "Access denied, not colony owner");
        assertRejected(apply(Commands.approve("test", "nope", 0)), 500,
                "Executor with name <nope> in Colony <test> not found");
        apply(Commands.approve("test", "e1", 0));
        assertEquals(ExecutorState.APPROVED, state.executor("test", "e1").orElseThrow().state());
    }

    @Test
    void removedExecutorsStayAsUnregisteredAndTheirNameCanBeReused() {
        apply(Commands.addExecutor("test", "e1", EXECUTOR_ID, 0));
        apply(Commands.signed(COLONY_KEY, 0, PayloadType.REMOVE_EXECUTOR, new ExecutorPayloads.ExecutorRef("test",
                "e1")));
        assertEquals(ExecutorState.UNREGISTERED, state.executor("test", "e1").orElseThrow().state());
        assertEquals(0, apply(Commands.addExecutor("test", "e1", EXECUTOR_ID, 0)).getErrorStatus());
        assertEquals(ExecutorState.PENDING, state.executor("test", "e1").orElseThrow().state());
    }

    @Test
    void removingAColonyCascadesAndARejectedRequestChangesNothing() {
        apply(Commands.addExecutor("test", "e1", EXECUTOR_ID, 0));
        apply(Commands.addUser("test", "u1", "b".repeat(64), 0));
        String before = state.store().digest();
        assertRejected(apply(removeColony(EXECUTOR_KEY)), 403, "Access denied, not server owner");
        assertEquals(before, state.store().digest(), "a rejected request changed the state");

        apply(removeColony(SERVER_KEY));
        assertTrue(state.colony("test").isEmpty());
        assertTrue(state.executorById(EXECUTOR_ID).isEmpty());
        assertTrue(state.userById("test", "b".repeat(64)).isEmpty());
        assertRejected(apply(removeColony(SERVER_KEY)), 400, "Colony with name <test> not found");
    }

    @Test
    void changeColonyIdTransfersOwnership() {
        String newOwner = "a".repeat(64);
        apply(Commands.signed(COLONY_KEY, 0, PayloadType.CHANGE_COLONY_ID,
                new ColonyPayloads.ChangeColonyId("test", newOwner)));
        assertEquals(newOwner, state.colony("test").orElseThrow().colonyId());
        assertRejected(apply(Commands.addExecutor("test", "e2", EXECUTOR_ID, 0)), 403,
                "Access denied, not colony owner");
    }

    @Test
    void theReplicatedClockNeverGoesBackwardsAndMovesAtLeastOneNanosecondPerEntry() {
        apply(Commands.addColony("a", 9_000));
        assertEquals(GoTime.ofUnixNanos(9_000), state.clock());
        apply(Commands.addColony("b", 3_000));
        assertEquals(GoTime.ofUnixNanos(9_001), state.clock());
        apply(Commands.addColony("c", 20_000));
        assertEquals(GoTime.ofUnixNanos(20_000), state.clock());
    }
}
