package org.colonyos.colonies.sm.apply;

import java.util.List;
import java.util.Map;
import org.colonyos.colonies.proto.crypto.Sha3;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.log.AddBlueprint;
import org.colonyos.colonies.proto.log.AddBlueprintDefinition;
import org.colonyos.colonies.proto.log.ReconcileBlueprint;
import org.colonyos.colonies.proto.log.RemoveBlueprint;
import org.colonyos.colonies.proto.log.RemoveBlueprintDefinition;
import org.colonyos.colonies.proto.log.UpdateBlueprint;
import org.colonyos.colonies.proto.log.UpdateBlueprintStatus;
import org.colonyos.colonies.proto.model.Blueprint;
import org.colonyos.colonies.proto.model.BlueprintDefinition;
import org.colonyos.colonies.proto.model.BlueprintHistory;
import org.colonyos.colonies.proto.model.Location;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.wire.Replies;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.state.BlueprintTables;
import org.colonyos.colonies.sm.state.ColoniesState;

/**
 * Applies blueprint definitions and blueprints (protocol 4.14): checks against the kind's definition and schema,
 * generations and history, and reconciliation: when the kind has a handler, every created or changed blueprint
 * gets a reconciliation process at once ({@link BlueprintReconciler}), and a cron per kind and location runs one
 * every minute while blueprints of that kind and location exist. Ids of what one entry creates derive from its
 * {@code generated_id}.
 *
 * <p>Single-threaded: called only from the apply thread.
 */
final class BlueprintApplier {
    Object apply(AddBlueprintDefinition command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        BlueprintDefinition sent = Json.parse(command.getDefinitionJson().toByteArray(), BlueprintDefinition.class);
        String colony = sent.metadata().colonyName();
        Authorizer.requireColonyOwner(state, ctx.callerId(), colony);
        Validation.requireName(sent.metadata().name(), "blueprint definition");
        if (sent.blueprintKind().isEmpty()) {
            throw Rejection.badRequest("Failed to add blueprint definition, spec.names.kind is required");
        }
        if (state.blueprints().definition(colony, sent.metadata().name()).isPresent()) {
            throw Rejection.internal("Failed to add blueprint definition, a definition named <"
                    + sent.metadata().name() + "> already exists in colony <" + colony + ">");
        }
        BlueprintDefinition definition = sent.definitionId().isEmpty() ? sent.withId(ctx.generatedId()) : sent;
        state.blueprints().putDefinition(definition);
        return definition;
    }

    Object apply(RemoveBlueprintDefinition command, ApplyContext ctx) {
        BlueprintTables blueprints = ctx.state().blueprints();
        String colony = command.getColonyName();
        Authorizer.requireColonyOwner(ctx.state(), ctx.callerId(), colony);
        BlueprintDefinition definition = blueprints.definition(colony, command.getName())
                .orElseThrow(() -> Rejection.notFound("BlueprintDefinition '" + command.getName()
                        + "' not found in namespace '" + colony + "'"));
        long remaining = blueprints.blueprintsOf(colony).stream()
                .filter(b -> b.kind().equals(definition.blueprintKind())).count();
        if (remaining > 0) {
            throw Rejection.conflict("cannot remove BlueprintDefinition '" + command.getName() + "': " + remaining
                    + " blueprint(s) of kind '" + definition.blueprintKind() + "' still exist");
        }
        blueprints.removeDefinition(definition);
        return Replies.EMPTY;
    }

    Object apply(AddBlueprint command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        Blueprint sent = Json.parse(command.getBlueprintJson().toByteArray(), Blueprint.class);
        String colony = sent.metadata().colonyName();
        Authorizer.requireMemberOrOwner(state, ctx.callerId(), colony);
        BlueprintDefinition definition = checked(state, sent, "add");
        if (state.blueprints().blueprint(colony, sent.metadata().name()).isPresent()) {
            throw Rejection.conflict("Blueprint with name <" + sent.metadata().name() + "> already exists in colony <"
                    + colony + ">");
        }
        String location = sent.metadata().locationName();
        if (!location.isEmpty() && state.catalog().location(colony, location).isEmpty()) {
            state.catalog().putLocation(new Location(derivedId(ctx, "location"), location, colony, "", 0, 0));
        }
        Blueprint blueprint = sent.with(sent.blueprintId().isEmpty() ? ctx.generatedId() : sent.blueprintId(),
                sent.metadata().at(1, ctx.now(), ctx.now()));
        return store(ctx, definition, blueprint, BlueprintHistory.CREATE);
    }

    Object apply(UpdateBlueprint command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        Blueprint sent = Json.parse(command.getBlueprintJson().toByteArray(), Blueprint.class);
        String colony = sent.metadata().colonyName();
        Authorizer.requireMemberOrOwner(state, ctx.callerId(), colony);
        Blueprint stored = existing(state, colony, sent.metadata().name());
        BlueprintDefinition definition = checked(state, sent, "update");
        boolean changed = command.getForceGeneration() || !stored.spec().equals(sent.spec());
        Blueprint.Metadata metadata = sent.metadata().at(stored.metadata().generation() + (changed ? 1 : 0),
                stored.metadata().createdAt(), ctx.now()).reconciledBy(
                        stored.metadata().lastReconciliationProcess(), stored.metadata().lastReconciliationTime());
        Blueprint blueprint = sent.with(stored.blueprintId(), metadata);
        if (!changed) {
            state.blueprints().putBlueprint(blueprint);
            return blueprint;
        }
        return store(ctx, definition, blueprint, BlueprintHistory.UPDATE);
    }

    /** Stores a new or changed blueprint with its history entry, reconciling it when its kind has a handler. */
    private static Blueprint store(ApplyContext ctx, BlueprintDefinition definition, Blueprint blueprint,
            String change) {
        Blueprint reconciled = blueprint;
        if (definition.hasHandler()) {
            BlueprintReconciler.ensureCron(ctx, definition, blueprint, derivedId(ctx, "cron"));
            ColonyProcess process = BlueprintReconciler.submit(ctx, definition, blueprint, derivedId(ctx, "reconcile"),
                    false);
            reconciled = blueprint.with(blueprint.blueprintId(), blueprint.metadata().reconciledBy(
                    process.processId(), ctx.now()));
        }
        ctx.state().blueprints().putBlueprint(reconciled);
        ctx.state().blueprints().addHistory(BlueprintHistory.of(derivedId(ctx, "history"), reconciled, ctx.now(),
                ctx.callerId(), change));
        return reconciled;
    }

    Object apply(UpdateBlueprintStatus command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        Authorizer.requireMember(state, ctx.callerId(), command.getColonyName(), true);
        Blueprint stored = existing(state, command.getColonyName(), command.getName());
        Map<String, Object> status = command.getStatusJson().isEmpty() ? Map.of()
                : statusOf(command.getStatusJson().toByteArray());
        state.blueprints().putBlueprint(stored.withStatus(status));
        return Replies.EMPTY;
    }

    Object apply(RemoveBlueprint command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        Authorizer.requireMemberOrOwner(state, ctx.callerId(), command.getColonyName());
        Blueprint stored = existing(state, command.getColonyName(), command.getName());
        state.blueprints().removeBlueprint(stored);
        state.blueprints().addHistory(BlueprintHistory.of(derivedId(ctx, "history"), stored, ctx.now(),
                ctx.callerId(), BlueprintHistory.DELETE));
        state.blueprints().definitionOfKind(command.getColonyName(), stored.kind())
                .filter(BlueprintDefinition::hasHandler).ifPresent(definition -> {
                    BlueprintReconciler.removeCronIfLast(ctx, definition, stored);
                    BlueprintReconciler.submitCleanup(ctx, definition, stored, derivedId(ctx, "cleanup"));
                });
        return Replies.EMPTY;
    }

    Object apply(ReconcileBlueprint command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        Authorizer.requireMember(state, ctx.callerId(), command.getColonyName(), true);
        Blueprint stored = existing(state, command.getColonyName(), command.getName());
        BlueprintDefinition definition = state.blueprints().definitionOfKind(command.getColonyName(), stored.kind())
                .filter(BlueprintDefinition::hasHandler).orElseThrow(() -> Rejection.badRequest(
                        "Failed to reconcile blueprint, kind <" + stored.kind() + "> has no handler"));
        Blueprint blueprint = command.getForce() ? stored.with(stored.blueprintId(), stored.metadata().at(
                stored.metadata().generation() + 1, stored.metadata().createdAt(), ctx.now())) : stored;
        ColonyProcess process = BlueprintReconciler.submit(ctx, definition, blueprint, derivedId(ctx, "reconcile"),
                command.getForce());
        state.blueprints().putBlueprint(blueprint.with(blueprint.blueprintId(), blueprint.metadata().reconciledBy(
                process.processId(), ctx.now())));
        return process;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> statusOf(byte[] json) {
        Object status = Json.parse(json, Object.class);
        if (!(status instanceof Map<?, ?>)) {
            throw Rejection.badRequest("Failed to update blueprint status, status must be an object");
        }
        return (Map<String, Object>) status;
    }

    private static Blueprint existing(ColoniesState state, String colony, String name) {
        return state.blueprints().blueprint(colony, name).orElseThrow(() -> Rejection.notFound(
                "Blueprint with name <" + name + "> not found in colony <" + colony + ">"));
    }

    /** The kind's definition, once the blueprint has a kind, a name and a spec its schema accepts. */
    private static BlueprintDefinition checked(ColoniesState state, Blueprint blueprint, String operation) {
        if (blueprint.kind().isEmpty()) {
            throw Rejection.badRequest("Failed to " + operation + " blueprint, kind is required");
        }
        Validation.requireName(blueprint.metadata().name(), "blueprint");
        BlueprintDefinition definition = state.blueprints().definitionOfKind(blueprint.metadata().colonyName(),
                blueprint.kind()).orElseThrow(() -> Rejection.badRequest("Failed to " + operation
                        + " blueprint, no blueprint definition of kind <" + blueprint.kind() + "> in colony <"
                        + blueprint.metadata().colonyName() + ">"));
        List<String> problems = BlueprintSchemas.problems(definition.schema(), blueprint.spec());
        if (!problems.isEmpty()) {
            throw Rejection.badRequest("Failed to " + operation + " blueprint, its spec does not match the schema of "
                    + "kind <" + blueprint.kind() + ">: " + String.join("; ", problems));
        }
        return definition;
    }

    /** An id for something an entry creates, derived from its generated id and a purpose. */
    static String derivedId(ApplyContext ctx, String purpose) {
        return Sha3.hashHex(ctx.generatedId() + "#" + purpose);
    }
}
