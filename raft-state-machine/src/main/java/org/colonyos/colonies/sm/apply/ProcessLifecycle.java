package org.colonyos.colonies.sm.apply;

import java.time.Instant;
import java.util.List;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.model.Attribute;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.ExecutorState;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.colonyos.colonies.sm.state.Table;

/**
 * The process state transitions shared by the appliers (client commands, leader timers and executor removal),
 * each storing the process, re-indexing it and recording a signal; a process of a workflow moves its graph along
 * ({@link GraphProgress}). Attributes mirror the process state.
 *
 * <p>Stateless; called only from the apply thread.
 */
final class ProcessLifecycle {
    private ProcessLifecycle() {
    }

    /** The process with this id, or a 500 (the Go server reports these as "X is nil"). */
    static ColonyProcess existing(ColoniesState state, String processId) {
        return state.processes().get(processId).orElseThrow(() ->
                Rejection.internal("Process with Id <" + processId + "> not found"));
    }

    /** The process, checked to be running on the caller (a member of its colony). */
    static ColonyProcess assignedToCaller(ApplyContext ctx, String processId, String operation) {
        ColonyProcess process = existing(ctx.state(), processId);
        Authorizer.requireMember(ctx.state(), ctx.callerId(), process.colonyName(), true);
        if (!process.isAssigned()) {
            throw Rejection.forbidden("Failed to " + operation + ", process is not assigned");
        }
        if (!process.assignedExecutorId().equals(ctx.callerId())) {
            throw Rejection.forbidden("Failed to " + operation + ", not allowed: the process is assigned to "
                    + "another executor");
        }
        return process;
    }

    /**
     * Checks that the process is RUNNING and assigned to the caller (both 403), in that order: what executors
     * must be to add attributes and log lines.
     */
    static void requireRunningOnCaller(ApplyContext ctx, ColonyProcess process, String operation) {
        if (process.state() != ProcessState.RUNNING) {
            throw Rejection.forbidden("Failed to " + operation + ", process is not running");
        }
        if (!process.assignedExecutorId().equals(ctx.callerId())) {
            throw Rejection.forbidden("Failed to " + operation + ", only the assigned executor may do that");
        }
    }

    /**
     * Stores a changed process (attributes follow its state) and signals it.
     *
     * @param stored the version stored now, as read in this apply, or null for a new process
     */
    static ColonyProcess store(ApplyContext ctx, ColonyProcess stored, ColonyProcess.Builder changed) {
        return write(ctx, stored, changed).process();
    }

    /** Stores like {@link #store} and replies with the process: the JSON just stored, not encoded again. */
    static RawJson storeAndReply(ApplyContext ctx, ColonyProcess stored, ColonyProcess.Builder changed) {
        return new RawJson(write(ctx, stored, changed).json());
    }

    private record Written(ColonyProcess process, Table.Written json) {
    }

    private static Written write(ApplyContext ctx, ColonyProcess stored, ColonyProcess.Builder changed) {
        ColonyProcess draft = changed.build();
        List<Attribute> attributes = draft.attributes().stream().map(a -> a.withState(draft.state())).toList();
        ColonyProcess process = draft.toBuilder().attributes(attributes).build();
        Table.Written json = stored == null ? ctx.state().processes().add(process)
                : ctx.state().processes().replace(stored, process);
        ctx.signals().process(process);
        if (!process.processGraphId().isEmpty()) {
            GraphProgress.followed(ctx, stored, process);
        }
        if (ProcessState.isFinal(process.state())) {
            CatalogApplier.processGone(ctx.state(), ctx.signals(), process);
        }
        return new Written(process, json);
    }

    /** Ends a stored process in a final state at the entry's time. */
    static ColonyProcess finish(ApplyContext ctx, ColonyProcess stored, int finalState, List<String> errors) {
        return finish(ctx, stored, stored.toBuilder(), finalState, errors);
    }

    /** Ends a stored process, with further changes, in a final state at the entry's time. */
    static ColonyProcess finish(ApplyContext ctx, ColonyProcess stored, ColonyProcess.Builder changes, int finalState,
            List<String> errors) {
        ColonyProcess.Builder changed = changes.state(finalState).endTime(ctx.now());
        if (errors != null) {
            changed.errors(errors);
        }
        return store(ctx, stored, changed);
    }

    /**
     * Puts a process back in the queue: unassigned and WAITING, with a new waiting deadline.
     *
     * @param countRetry true for an execution timeout (counts a retry and stamps the end time), false when its
     *        executor went away (start and end times reset)
     */
    static ColonyProcess requeue(ApplyContext ctx, ColonyProcess process, boolean countRetry) {
        Instant now = ctx.now();
        int maxWait = process.spec().maxWaitTime();
        ColonyProcess.Builder changed = process.toBuilder().state(ProcessState.WAITING).assignedTo("")
                .waitDeadline(maxWait > 0 ? now.plusSeconds(maxWait) : process.waitDeadline());
        if (countRetry) {
            changed.retries(process.retries() + 1).endTime(now);
        } else {
            changed.startTime(GoTime.ZERO).endTime(GoTime.ZERO);
        }
        return store(ctx, process, changed);
    }

    /** Requeues every process an executor is running (the executor was removed or went silent). */
    static void requeueAllOf(ApplyContext ctx, Executor executor) {
        for (String processId : ctx.state().processes().runningOn(executor.executorId())) {
            ctx.state().processes().get(processId)
                    .filter(p -> p.colonyName().equals(executor.colonyName()))
                    .ifPresent(p -> requeue(ctx, p, false));
        }
    }

    /** Unregisters an executor: state UNREGISTERED, its functions removed and its running processes requeued. */
    static void unregister(ApplyContext ctx, Executor executor) {
        ColoniesState state = ctx.state();
        state.functions().removeExecutor(executor.colonyName(), executor.executorName());
        requeueAllOf(ctx, executor);
        state.putExecutor(executor.withState(ExecutorState.UNREGISTERED));
    }
}
