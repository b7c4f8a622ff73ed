package org.colonyos.colonies.sm.apply;

import java.time.Instant;
import java.util.List;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.log.ExecutorKey;
import org.colonyos.colonies.proto.log.ExpireProcesses;
import org.colonyos.colonies.proto.log.TouchExecutor;
import org.colonyos.colonies.proto.log.UnregisterStaleExecutors;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.proto.wire.Replies;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.colonyos.colonies.sm.state.ProcessTables;

/**
 * Applies the commands of time-driven work (protocol 6.4 and executor liveness, 4.3). The leader's timers
 * propose them with the ids they saw; apply re-checks every id against the entry's time, so a timer that fires
 * twice, late or on a deposed leader changes nothing. Single-threaded: called only from the apply thread.
 */
final class TimerApplier {
    static final String EXEC_TIMEOUT = "Maximum execution time limit exceeded";
    static final String WAIT_TIMEOUT = "Maximum waiting time limit exceeded";
    /** The shortest silence that makes an executor stale, whatever a proposal says (TimerSettings enforces it). */
    static final long MIN_STALE_NANOS = 60_000_000_000L;

    /**
     * For each process past its deadline: a RUNNING one is requeued with one more retry, or failed once its
     * retries are used up ({@code maxretries} -1 = unlimited); a WAITING one is failed.
     */
    Object apply(ExpireProcesses command, ApplyContext ctx) {
        Instant now = ctx.now();
        for (String id : command.getProcessIdsList()) {
            ColonyProcess process = ctx.state().processes().get(id).orElse(null);
            if (process == null || !isDue(process, now)) {
                continue;
            }
            if (process.state() == ProcessState.WAITING) {
                ProcessLifecycle.finish(ctx, process, ProcessState.FAILED, List.of(WAIT_TIMEOUT));
            } else if (process.spec().maxRetries() > -1 && process.retries() >= process.spec().maxRetries()) {
                ProcessLifecycle.finish(ctx, process, ProcessState.FAILED, List.of(EXEC_TIMEOUT));
            } else {
                ProcessLifecycle.requeue(ctx, process, true);
            }
        }
        return Replies.EMPTY;
    }

    private static boolean isDue(ColonyProcess process, Instant now) {
        return ProcessTables.deadline(process).map(due -> due < GoTime.toUnixNanos(now)).orElse(false);
    }

    /**
     * Unregisters the listed executors that are still silent for longer than the given duration (at least
     * {@link #MIN_STALE_NANOS}, so an injected duty cannot unregister executors that poll normally).
     */
    Object apply(UnregisterStaleExecutors command, ApplyContext ctx) {
        long cutoff = GoTime.toUnixNanos(ctx.now()) - Math.max(command.getStaleAfterNanos(), MIN_STALE_NANOS);
        for (ExecutorKey key : command.getExecutorsList()) {
            ctx.state().executor(key.getColonyName(), key.getExecutorName())
                    .filter(e -> ColoniesState.livenessNanos(e).map(heard -> heard < cutoff).orElse(false))
                    .ifPresent(e -> ProcessLifecycle.unregister(ctx, e));
        }
        return Replies.EMPTY;
    }

    /** Records that the calling executor polled (an assign that found nothing). */
    Object apply(TouchExecutor command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        Executor executor = state.executorById(command.getColonyName(), ctx.callerId())
                .orElseThrow(() -> Rejection.forbidden("Failed to record liveness, caller is not an executor"));
        state.putExecutor(executor.withLastHeardFromTime(ctx.now()));
        return Replies.EMPTY;
    }
}
