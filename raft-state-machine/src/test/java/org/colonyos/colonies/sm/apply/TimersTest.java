package org.colonyos.colonies.sm.apply;

import static org.colonyos.colonies.sm.Commands.EXECUTOR_ID;
import static org.colonyos.colonies.sm.Commands.EXECUTOR_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.colonyos.colonies.proto.log.ApplyReply;
import org.colonyos.colonies.proto.log.ExecutorKey;
import org.colonyos.colonies.proto.log.ExpireProcesses;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.log.UnregisterStaleExecutors;
import org.colonyos.colonies.proto.model.ExecutorState;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ProcessPayloads;
import org.colonyos.colonies.sm.Commands;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** maxwaittime, maxexectime, maxretries and executor liveness with the entry time as the only clock. */
class TimersTest {
    private static final long SECOND = 1_000_000_000L;
    private AppliedLog log;
    private ColoniesState state;
    private int submitted;

    @BeforeEach
    void setUp() {
        log = new AppliedLog();
        state = log.state;
        apply(Commands.bootstrap());
        apply(Commands.addColony("a", 1));
        apply(Commands.addExecutor("a", "x", EXECUTOR_ID, 1));
        apply(Commands.approve("a", "x", 1));
    }

    private ApplyReply apply(LogEntry entry) {
        return log.apply(entry);
    }

    private String submit(int waitSeconds, int execSeconds, int retries, long at) {
        String id = "p" + (++submitted);
        FunctionSpec spec = FunctionSpec.of("a", "cli", "f", List.of()).withLimits(waitSeconds, execSeconds, retries);
        assertEquals(0, apply(Commands.request(EXECUTOR_KEY, PayloadType.SUBMIT_FUNC_SPEC,
                new ProcessPayloads.SubmitFuncSpec(spec)).setLeaderTimeUnixNanos(at).setGeneratedId(id).build())
                .getErrorStatus());
        return id;
    }

    private void assign(long at) {
        assertEquals(0, apply(Commands.signed(EXECUTOR_KEY, at, PayloadType.ASSIGN_PROCESS,
                new ProcessPayloads.AssignProcess("a", 10, "", ""))).getErrorStatus());
    }

    /** What the leader's timer does at a time: propose every due id. */
    private void tick(long at) {
        apply(Commands.duty(at, LogEntry.newBuilder().setExpireProcesses(ExpireProcesses.newBuilder()
                .addAllProcessIds(state.processes().dueAt(at, 500)))));
    }

    private ColonyProcess process(String id) {
        return state.processes().get(id).orElseThrow();
    }

    @Test
    void aWaitingProcessFailsAfterMaxWaitTimeAndNotBefore() {
        String id = submit(10, -1, 0, 100 * SECOND);
        tick(105 * SECOND);
        assertEquals(ProcessState.WAITING, process(id).state());
        tick(111 * SECOND);
        assertEquals(ProcessState.FAILED, process(id).state());
        assertEquals(List.of(TimerApplier.WAIT_TIMEOUT), process(id).errors());
        assertTrue(state.processes().dueAt(Long.MAX_VALUE, 10).isEmpty(), "a failed process has no deadline");
    }

    @Test
    void anExpiredExecutionIsRetriedUntilMaxRetriesThenFailed() {
        String id = submit(-1, 5, 1, 100 * SECOND);
        assign(101 * SECOND);
        tick(104 * SECOND);
        assertEquals(ProcessState.RUNNING, process(id).state());
        tick(107 * SECOND);
        assertEquals(ProcessState.WAITING, process(id).state());
        assertEquals(1, process(id).retries());
        assertEquals("", process(id).assignedExecutorId());
        assign(108 * SECOND);
        tick(120 * SECOND);
        assertEquals(ProcessState.FAILED, process(id).state());
        assertEquals(List.of(TimerApplier.EXEC_TIMEOUT), process(id).errors());
    }

    @Test
    void maxExecTimeZeroExpiresAtTheFirstTickAfterAssignmentAsInGo() {
        String id = submit(-1, 0, 0, 100 * SECOND);
        assign(101 * SECOND);
        tick(101 * SECOND + 1_000);
        assertEquals(ProcessState.FAILED, process(id).state());
    }

    @Test
    void unlimitedRetriesRequeueForeverAndMinusOneNeverExpires() {
        String forever = submit(-1, 1, -1, 100 * SECOND);
        for (int round = 0; round < 5; round++) {
            assign((101 + round * 10) * SECOND);
            tick((105 + round * 10) * SECOND);
            assertEquals(ProcessState.WAITING, process(forever).state());
        }
        assertEquals(5, process(forever).retries());
        String never = submit(-1, -1, 0, 200 * SECOND);
        assign(201 * SECOND);
        assign(202 * SECOND);
        tick(100_000 * SECOND);
        assertEquals(ProcessState.RUNNING, process(never).state());
    }

    @Test
    void aLateOrRepeatedExpiryChangesNothing() {
        String id = submit(-1, 5, 3, 100 * SECOND);
        assign(101 * SECOND);
        String digest = state.store().digest();
        apply(Commands.duty(102 * SECOND, LogEntry.newBuilder().setExpireProcesses(ExpireProcesses.newBuilder()
                .addProcessIds(id).addProcessIds("unknown"))));
        assertEquals(digest, state.store().digest(), "not yet due: nothing changes");
        tick(110 * SECOND);
        apply(Commands.duty(111 * SECOND, LogEntry.newBuilder().setExpireProcesses(ExpireProcesses.newBuilder()
                .addProcessIds(id))));
        assertEquals(1, process(id).retries(), "the second proposal found nothing due");
    }

    @Test
    void silentExecutorsAreUnregisteredAndTheirWorkRequeued() {
        String id = submit(-1, -1, 0, 100 * SECOND);
        assign(101 * SECOND);
        assertEquals(1, state.executorsSilentSince(102 * SECOND, 10).size());
        UnregisterStaleExecutors.Builder stale = UnregisterStaleExecutors.newBuilder().setStaleAfterNanos(600 * SECOND)
                .addExecutors(ExecutorKey.newBuilder().setColonyName("a").setExecutorName("x"));
        apply(Commands.duty(500 * SECOND, LogEntry.newBuilder().setUnregisterStaleExecutors(stale)));
        assertEquals(ExecutorState.APPROVED, state.executor("a", "x").orElseThrow().state(), "not stale yet");
        apply(Commands.duty(800 * SECOND, LogEntry.newBuilder().setUnregisterStaleExecutors(stale)));
        assertEquals(ExecutorState.UNREGISTERED, state.executor("a", "x").orElseThrow().state());
        assertEquals(ProcessState.WAITING, process(id).state());
        assertEquals("", process(id).assignedExecutorId());
        assertTrue(state.executorsSilentSince(Long.MAX_VALUE, 10).isEmpty());
    }

    @Test
    void aStaleDutyCannotShortenTheMinimumSilence() {
        submit(-1, -1, 0, 100 * SECOND);
        assign(101 * SECOND);
        UnregisterStaleExecutors.Builder injected = UnregisterStaleExecutors.newBuilder().setStaleAfterNanos(1)
                .addExecutors(ExecutorKey.newBuilder().setColonyName("a").setExecutorName("x"));
        apply(Commands.duty(130 * SECOND, LogEntry.newBuilder().setUnregisterStaleExecutors(injected)));
        assertEquals(ExecutorState.APPROVED, state.executor("a", "x").orElseThrow().state(),
                "silent for 29 s only");
        apply(Commands.duty(162 * SECOND, LogEntry.newBuilder().setUnregisterStaleExecutors(injected)));
        assertEquals(ExecutorState.UNREGISTERED, state.executor("a", "x").orElseThrow().state());
    }
}
