package org.colonyos.colonies.sm.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.colonyos.colonies.proto.crypto.Sha3;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.log.AssignProcess;
import org.colonyos.colonies.proto.log.CancelProcess;
import org.colonyos.colonies.proto.log.CloseProcess;
import org.colonyos.colonies.proto.log.RemoveAllProcesses;
import org.colonyos.colonies.proto.log.RemoveProcess;
import org.colonyos.colonies.proto.log.SetAssignmentsPaused;
import org.colonyos.colonies.proto.log.SetOutput;
import org.colonyos.colonies.proto.log.SubmitProcess;
import org.colonyos.colonies.proto.model.Attribute;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.proto.wire.Replies;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.scheduler.Scheduler;
import org.colonyos.colonies.sm.state.ColoniesState;

/** Applies the process lifecycle commands (protocol 4.6). Single-threaded: called only from the apply thread. */
final class ProcessApplier {
    private static final int MAX_PRIORITY = 50_000;

    /** Queues a new process for a member's spec, normalized as the Go server stores it. */
    Object apply(SubmitProcess command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        FunctionSpec sent = Json.parse(command.getSpecJson().toByteArray(), FunctionSpec.class);
        String colony = sent.conditions().colonyName();
        Authorizer.requireMember(state, ctx.callerId(), colony, true);
        FunctionSpec spec = checkedSpec(sent);
        ColonyProcess process = created(ctx, ctx.generatedId(), spec, ctx.callerId(),
                initiatorName(state, ctx.callerId(), colony));
        return ProcessLifecycle.storeAndReply(ctx, null, process.toBuilder());
    }

    /**
     * A submitted spec in the shape the Go server stores, its priority checked.
     *
     * @throws Rejection 400 for an unreadable resource amount or a priority out of range
     */
    static FunctionSpec checkedSpec(FunctionSpec sent) {
        FunctionSpec spec = SpecNormalizer.normalize(sent);
        if (spec.priority() < -MAX_PRIORITY || spec.priority() > MAX_PRIORITY) {
            throw Rejection.badRequest("Failed to submit function spec, priority must be in [-50000, 50000]");
        }
        return spec;
    }

    /**
     * A new WAITING process of a normalized spec, submitted by an initiator at the entry's time: prioritytime,
     * waiting deadline and ENV attributes set as in Go, nothing else. Not stored.
     */
    static ColonyProcess created(ApplyContext ctx, String id, FunctionSpec spec, String initiatorId,
            String initiatorName) {
        Instant now = ctx.now();
        String colony = spec.conditions().colonyName();
        List<Attribute> env = new ArrayList<>();
        spec.env().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> env.add(new Attribute(
                Sha3.hashHex(id + e.getKey() + Attribute.ENV), id, colony, "", ProcessState.WAITING,
                Attribute.ENV, e.getKey(), e.getValue())));
        return new ColonyProcess(id, initiatorId, initiatorName, "", false, ProcessState.WAITING,
                spec.priority() * -ColonyProcess.PRIORITY_STEP_NANOS + GoTime.toUnixNanos(now), now, GoTime.ZERO,
                GoTime.ZERO, spec.maxWaitTime() > 0 ? now.plusSeconds(spec.maxWaitTime()) : GoTime.ZERO,
                GoTime.ZERO, 0, env, spec, false, List.of(), List.of(), "", List.of(), List.of(), List.of());
    }

    /** The name of the caller as a member of the colony: its executor name, else its user name. */
    static String initiatorName(ColoniesState state, String callerId, String colony) {
        return state.executorById(colony, callerId).map(Executor::executorName)
                .or(() -> state.userById(colony, callerId).map(u -> u.name()))
                .orElseThrow(() -> Rejection.internal("Could not derive InitiatorName"));
    }

    /**
     * Hands the best matching process to the calling executor. The attempt itself refreshes the executor's
     * {@code lastheardfromtime}, also when nothing matches (a deliberate, deterministic write before the 404).
     */
    Object apply(AssignProcess command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        String colony = command.getColonyName();
        Authorizer.requireMember(state, ctx.callerId(), colony, true);
        Executor executor = state.executorById(colony, ctx.callerId())
                .orElseThrow(() -> Rejection.internal("Failed to assign process, executor not found"));
        if (state.isPaused(colony)) {
            throw Rejection.unavailable("No processes available: colony assignments are paused");
        }
        state.putExecutor(executor.withLastHeardFromTime(ctx.now()));
        ColonyProcess process = Scheduler.pick(state.processes(), executor, colony, command.getAvailableCpuMillis(),
                command.getAvailableMemMib()).orElseThrow(() ->
                        Rejection.notFound("No process available for assignment"));
        int maxExec = process.spec().maxExecTime();
        ColonyProcess.Builder assigned = process.toBuilder().state(ProcessState.RUNNING)
                .assignedTo(executor.executorId()).startTime(ctx.now())
                .execDeadline(maxExec > 0 ? ctx.now().plusSeconds(maxExec) : process.execDeadline());
        if (!process.parents().isEmpty()) {
            assigned.in(parentsOutput(state, process));
        }
        return ProcessLifecycle.storeAndReply(ctx, process, assigned);
    }

    /** The outputs of a process's parents, concatenated in the order of its parents (its input in a workflow). */
    private static List<Object> parentsOutput(ColoniesState state, ColonyProcess process) {
        List<Object> in = new ArrayList<>();
        for (String parentId : process.parents()) {
            state.processes().get(parentId).ifPresent(parent -> in.addAll(parent.out()));
        }
        return in;
    }

    /** Closes a running process as successful or failed (the assigned executor only). */
    Object apply(CloseProcess command, ApplyContext ctx) {
        String operation = command.getSuccessful() ? "close process as successful" : "close process as failed";
        ColonyProcess process = ProcessLifecycle.assignedToCaller(ctx, command.getProcessId(), operation);
        if (process.state() != ProcessState.RUNNING) {
            throw Rejection.badRequest("Tried to set " + ProcessState.name(process.state()) + " process as "
                    + (command.getSuccessful() ? "successful" : "failed"));
        }
        if (!command.getSuccessful()) {
            ProcessLifecycle.finish(ctx, process, ProcessState.FAILED, command.getErrorsList());
            return Replies.EMPTY;
        }
        List<Object> out = outOf(command.getOutJson().toByteArray());
        ColonyProcess.Builder changed = process.toBuilder();
        if (!out.isEmpty()) {
            changed.out(out);
        }
        countCall(ctx, ProcessLifecycle.finish(ctx, process, changed, ProcessState.SUCCESS, null));
        return Replies.EMPTY;
    }

    /** Updates the statistics of the function the closing executor registered under the process's name. */
    private static void countCall(ApplyContext ctx, ColonyProcess process) {
        ColoniesState state = ctx.state();
        state.executorById(process.colonyName(), process.assignedExecutorId())
                .flatMap(e -> state.functions().get(e.colonyName(), e.executorName(), process.spec().funcName()))
                .ifPresent(f -> state.functions().put(f.withCall(
                        seconds(process.submissionTime(), process.startTime()),
                        seconds(process.startTime(), process.endTime()))));
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    /** Replaces the output of a running process (the assigned executor only). */
    Object apply(SetOutput command, ApplyContext ctx) {
        ColonyProcess process = ProcessLifecycle.assignedToCaller(ctx, command.getProcessId(), "set output");
        if (process.state() != ProcessState.RUNNING) {
            throw Rejection.forbidden("Failed to set output, process is not running");
        }
        List<Object> out = outOf(command.getOutJson().toByteArray());
        if (!out.isEmpty()) {
            ctx.state().processes().replace(process, process.toBuilder().out(out).build());
        }
        return Replies.EMPTY;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> outOf(byte[] json) {
        return json.length == 0 ? List.of() : Json.parse(json, List.class);
    }

    /** Removes a process that is not running and not part of a workflow, with its log lines. */
    Object apply(RemoveProcess command, ApplyContext ctx) {
        ColonyProcess process = ProcessLifecycle.existing(ctx.state(), command.getProcessId());
        Authorizer.requireMember(ctx.state(), ctx.callerId(), process.colonyName(), true);
        if (!process.processGraphId().isEmpty()) {
            throw Rejection.badRequest("Failed to remove process, cannot remove a process part of a workflow, "
                    + "remove the workflow instead");
        }
        if (process.state() == ProcessState.RUNNING) {
            throw Rejection.badRequest("Failed to remove process, cannot remove a running process");
        }
        delete(ctx.state(), process);
        return Replies.EMPTY;
    }

    private static void delete(ColoniesState state, ColonyProcess process) {
        state.processes().remove(process);
        state.logs().removeProcess(process.processId());
        CatalogApplier.processGone(state, null, process);
    }

    /** Removes the colony's standalone processes in a state (-1: every state), colony owner only. */
    Object apply(RemoveAllProcesses command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        Authorizer.requireColonyOwner(state, ctx.callerId(), command.getColonyName());
        Validation.requireRemovableState(command.getState(), "processes");
        removeAllIn(state, command.getColonyName(), command.getState());
        return Replies.EMPTY;
    }

    /** Removes every standalone process of a colony in a state; {@link ProcessState#ALL} means every state. */
    static void removeAllIn(ColoniesState state, String colony, int target) {
        for (int s : ProcessState.selectedBy(target)) {
            List<ColonyProcess> doomed = state.processes().inState(colony, s).map(state.processes()::get)
                    .flatMap(Optional::stream).filter(p -> p.processGraphId().isEmpty()).toList();
            doomed.forEach(p -> delete(state, p));
        }
    }

    /** Cancels a process that has not ended (any member may cancel). */
    Object apply(CancelProcess command, ApplyContext ctx) {
        ColonyProcess process = ProcessLifecycle.existing(ctx.state(), command.getProcessId());
        Authorizer.requireMember(ctx.state(), ctx.callerId(), process.colonyName(), true);
        if (!process.processGraphId().isEmpty()) {
            throw Rejection.badRequest("Failed to cancel process, the process is part of a workflow, cancel the "
                    + "workflow instead");
        }
        if (ProcessState.isFinal(process.state())) {
            throw Rejection.badRequest("Failed to cancel process, process is already "
                    + ProcessState.name(process.state()));
        }
        ProcessLifecycle.finish(ctx, process, ProcessState.CANCELLED, null);
        return Replies.EMPTY;
    }

    /** Pauses or resumes assignments in a colony (colony owner); resuming wakes the colony's waiting polls. */
    Object apply(SetAssignmentsPaused command, ApplyContext ctx) {
        Authorizer.requireColonyOwner(ctx.state(), ctx.callerId(), command.getColonyName());
        ctx.state().setPaused(command.getColonyName(), command.getPaused());
        if (!command.getPaused()) {
            ctx.signals().resumed(command.getColonyName());
        }
        return Replies.EMPTY;
    }
}
