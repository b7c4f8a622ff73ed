package org.colonyos.colonies.sm.apply;

import java.util.ArrayList;
import java.util.List;
import org.colonyos.colonies.proto.crypto.Sha3;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.log.AddAttribute;
import org.colonyos.colonies.proto.log.AddExecutorLog;
import org.colonyos.colonies.proto.log.AddFunction;
import org.colonyos.colonies.proto.log.AddProcessLog;
import org.colonyos.colonies.proto.log.RemoveFunction;
import org.colonyos.colonies.proto.model.Attribute;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.Function;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessLog;
import org.colonyos.colonies.proto.wire.Replies;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.state.ColoniesState;

/**
 * Applies attribute, log and function commands (protocol 4.5, 4.8, 4.9). Single-threaded: called only from
 * the apply thread.
 */
final class RecordApplier {
    /** The longest log message accepted, in characters. */
    static final int MAX_LOG_MESSAGE = 64 * 1024;

    /** Attaches an attribute to a running process (the assigned executor only). */
    Object apply(AddAttribute command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        Attribute sent = Json.parse(command.getAttributeJson().toByteArray(), Attribute.class);
        ColonyProcess process = state.processes().get(sent.targetId()).orElseThrow(() ->
                Rejection.notFound("Failed to add attribute, process with Id <" + sent.targetId() + "> not found"));
        Authorizer.requireMember(state, ctx.callerId(), process.colonyName(), true);
        ProcessLifecycle.requireRunningOnCaller(ctx, process, "add attribute");
        String id = Sha3.hashHex(sent.targetId() + sent.key() + sent.attributeType());
        if (state.processes().processOfAttribute(id).isPresent()) {
            throw Rejection.badRequest("Failed to add attribute, attribute with key <" + sent.key()
                    + "> and type " + sent.attributeType() + " already exists");
        }
        Attribute stored = new Attribute(id, sent.targetId(), sent.targetColonyName(), process.processGraphId(),
                process.state(), sent.attributeType(), sent.key(), sent.value());
        List<Attribute> attributes = new ArrayList<>(process.attributes());
        attributes.add(stored);
        state.processes().replace(process, process.toBuilder().attributes(attributes).build());
        return stored;
    }

    /** Adds a log line to a running process (the assigned executor only). */
    Object apply(AddProcessLog command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        ColonyProcess process = ProcessLifecycle.existing(state, command.getProcessId());
        Authorizer.requireMember(state, ctx.callerId(), process.colonyName(), true);
        ProcessLifecycle.requireRunningOnCaller(ctx, process, "add log");
        requireLogSize(command.getMessage());
        Executor executor = state.executorById(process.colonyName(), ctx.callerId()).orElseThrow(() ->
                Rejection.forbidden("Failed to add log, caller is not an executor"));
        state.logs().add(new ProcessLog(process.processId(), process.colonyName(), executor.executorName(),
                command.getMessage(), GoTime.toUnixNanos(ctx.now())));
        return Replies.EMPTY;
    }

    /** Adds a log line about an executor itself (no process). */
    Object apply(AddExecutorLog command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        Authorizer.requireMember(state, ctx.callerId(), command.getColonyName(), true);
        Executor executor = state.executorById(command.getColonyName(), ctx.callerId())
                .orElseThrow(() -> Rejection.forbidden("Failed to add executor log, caller is not an executor"));
        if (!executor.executorName().equals(command.getExecutorName())) {
            throw Rejection.forbidden("Failed to add executor log, an executor may only log as itself");
        }
        requireLogSize(command.getMessage());
        state.logs().add(new ProcessLog("", command.getColonyName(), executor.executorName(), command.getMessage(),
                GoTime.toUnixNanos(ctx.now())));
        return Replies.EMPTY;
    }

    private static void requireLogSize(String message) {
        if (message.length() > MAX_LOG_MESSAGE) {
            throw Rejection.badRequest("Failed to add log, message longer than " + MAX_LOG_MESSAGE + " characters");
        }
    }

    /**
     * Registers a function of the calling executor. Registering a name again keeps the existing entry (its id
     * and statistics), so executors may register their functions at every start.
     */
    Object apply(AddFunction command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        Function sent = Json.parse(command.getFunctionJson().toByteArray(), Function.class);
        Authorizer.requireMember(state, ctx.callerId(), sent.colonyName(), true);
        Executor executor = state.executor(sent.colonyName(), sent.executorName()).orElseThrow(() ->
                Rejection.badRequest("Failed to add function, executor with name <" + sent.executorName()
                        + "> not found"));
        if (!executor.executorId().equals(ctx.callerId())) {
            throw Rejection.forbidden("Not allowed to add a function to another executor");
        }
        Validation.requireName(sent.funcName(), "function");
        return state.functions().get(sent.colonyName(), sent.executorName(), sent.funcName()).orElseGet(() -> {
            Function stored = sent.registered(ctx.generatedId(),
                    executor.locationName() == null ? "" : executor.locationName());
            state.functions().put(stored);
            return stored;
        });
    }

    /** Removes a function (its executor only). */
    Object apply(RemoveFunction command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        Validation.requireNonEmpty(command.getFunctionId(), "Failed to remove function, function Id is empty");
        Function function = state.functions().byId(command.getFunctionId()).orElseThrow(() ->
                Rejection.notFound("Function with Id <" + command.getFunctionId() + "> not found"));
        Authorizer.requireMember(state, ctx.callerId(), function.colonyName(), true);
        boolean own = state.executor(function.colonyName(), function.executorName())
                .map(e -> e.executorId().equals(ctx.callerId())).orElse(false);
        if (!own) {
            throw Rejection.forbidden("Not allowed to remove a function of another executor");
        }
        state.functions().remove(function);
        return Replies.EMPTY;
    }
}
