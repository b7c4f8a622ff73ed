package org.colonyos.colonies.sm.apply;

import java.util.function.UnaryOperator;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.log.AddExecutor;
import org.colonyos.colonies.proto.log.ChangeExecutorId;
import org.colonyos.colonies.proto.log.RemoveExecutor;
import org.colonyos.colonies.proto.log.ReportAllocation;
import org.colonyos.colonies.proto.log.SetExecutorState;
import org.colonyos.colonies.proto.log.UpdateCapabilities;
import org.colonyos.colonies.proto.model.Allocations;
import org.colonyos.colonies.proto.model.Capabilities;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.ExecutorState;
import org.colonyos.colonies.proto.wire.Replies;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.state.ColoniesState;

/** Applies executor commands. Single-threaded: called only from the apply thread. */
final class ExecutorApplier {
    /**
     * Registers an executor in state PENDING with the entry's time as commission time. A name that is taken
     * by an UNREGISTERED executor is reused; any other taken name is refused.
     */
    Object apply(AddExecutor command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        Executor sent = Json.parse(command.getExecutorJson().toByteArray(), Executor.class);
        Authorizer.requireColonyOwner(state, ctx.callerId(), sent.colonyName());
        Validation.requireName(sent.executorName(), "executor");
        state.executor(sent.colonyName(), sent.executorName())
                .filter(existing -> existing.state() != ExecutorState.UNREGISTERED)
                .ifPresent(existing -> {
                    throw Rejection.badRequest("Executor with name <" + sent.executorName() + "> in Colony <"
                            + sent.colonyName() + "> already exists");
                });
        Executor stored = sent.withState(ExecutorState.PENDING).withCommissionTime(ctx.now());
        state.putExecutor(stored);
        return stored;
    }

    /** Approves or rejects an executor (colony owner). */
    Object apply(SetExecutorState command, ApplyContext ctx) {
        Executor executor = ownedExecutor(ctx, command.getColonyName(), command.getExecutorName());
        ctx.state().putExecutor(executor.withState(command.getStateValue()));
        return Replies.EMPTY;
    }

    /**
     * Unregisters an executor: the row is kept (state UNREGISTERED) for traceability, its functions are removed
     * and the processes it was running go back to the queue.
     */
    Object apply(RemoveExecutor command, ApplyContext ctx) {
        Executor executor = ownedExecutor(ctx, command.getColonyName(), command.getExecutorName());
        ProcessLifecycle.unregister(ctx, executor);
        return Replies.EMPTY;
    }

    Object apply(ReportAllocation command, ApplyContext ctx) {
        Allocations allocations = Json.parse(command.getAllocationsJson().toByteArray(), Allocations.class);
        return updateSelf(ctx, command.getColonyName(), command.getExecutorName(),
                "Only an executor can report allocations to itself", e -> e.withAllocations(allocations));
    }

    Object apply(UpdateCapabilities command, ApplyContext ctx) {
        Capabilities capabilities = Json.parse(command.getCapabilitiesJson().toByteArray(), Capabilities.class);
        return updateSelf(ctx, command.getColonyName(), command.getExecutorName(),
                "Only an executor can update its own capabilities", e -> e.withCapabilities(capabilities));
    }

    /** Rebinds the calling executor to a new key. */
    Object apply(ChangeExecutorId command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        Validation.requireNonEmpty(command.getExecutorId(), "Failed to change executor Id, executor Id is empty");
        Authorizer.requireMember(state, ctx.callerId(), command.getColonyName(), false);
        Executor executor = state.executorById(command.getColonyName(), ctx.callerId())
                .orElseThrow(() -> Rejection.badRequest("Failed to change executor Id, caller is not an executor"));
        Validation.requireIdLength(command.getExecutorId(), "Failed to change executor Id, invalid Id length");
        Validation.requireUnusedMemberId(state, command.getColonyName(), command.getExecutorId(),
                "Failed to change executor Id");
        state.putExecutor(executor.withId(command.getExecutorId()));
        return Replies.EMPTY;
    }

    private static Executor ownedExecutor(ApplyContext ctx, String colonyName, String executorName) {
        Executor executor = ctx.state().executor(colonyName, executorName).orElseThrow(() ->
                Rejection.internal("Executor with name <" + executorName + "> in Colony <" + colonyName
                        + "> not found"));
        Authorizer.requireColonyOwner(ctx.state(), ctx.callerId(), executor.colonyName());
        return executor;
    }

    /** Changes the named executor, which must be the caller (a member of the colony in any state). */
    private static Object updateSelf(ApplyContext ctx, String colonyName, String executorName, String notSelfMessage,
            UnaryOperator<Executor> change) {
        Authorizer.requireMember(ctx.state(), ctx.callerId(), colonyName, false);
        Executor executor = ctx.state().executor(colonyName, executorName).orElseThrow(() ->
                Rejection.badRequest("Executor with name <" + executorName + "> in Colony <" + colonyName
                        + "> not found"));
        if (!executor.executorId().equals(ctx.callerId())) {
            throw Rejection.badRequest(notSelfMessage);
        }
        ctx.state().putExecutor(change.apply(executor));
        return Replies.EMPTY;
    }
}
