package org.colonyos.colonies.sm.apply;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.model.Blueprint;
import org.colonyos.colonies.proto.model.BlueprintDefinition;
import org.colonyos.colonies.proto.model.Cron;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.WorkflowSpec;
import org.colonyos.colonies.sm.state.ColoniesState;

/**
 * The processes and crons that reconcile blueprints: a process for the kind's handler (its executor type and
 * function, at the blueprint's location, kwargs {@code kind} and {@code blueprintName}), a {@code cleanup}
 * process when a blueprint goes, and a cron {@code reconcile-<kind>[-<location>]} running the handler for the
 * whole kind every {@value #CRON_INTERVAL_SECONDS} s, waiting for its previous run, while blueprints of that kind
 * and location exist. Stateless; called from the apply thread.
 */
final class BlueprintReconciler {
    static final int CRON_INTERVAL_SECONDS = 60;
    static final String CLEANUP_FUNCTION = "cleanup";
    static final String OWNER_NAME = "colony owner";

    private BlueprintReconciler() {
    }

    /** Submits the handler's process for one blueprint; {@code force} is passed on in the kwargs. */
    static ColonyProcess submit(ApplyContext ctx, BlueprintDefinition definition, Blueprint blueprint, String processId,
            boolean force) {
        Map<String, Object> kwargs = new TreeMap<>();
        kwargs.put("kind", blueprint.kind());
        kwargs.put("blueprintName", blueprint.metadata().name());
        if (force) {
            kwargs.put("force", true);
        }
        return submit(ctx, spec(definition, blueprint, definition.handlerFunctionName(), kwargs), processId);
    }

    /** Submits the handler type's {@code cleanup} process for a removed blueprint. */
    static void submitCleanup(ApplyContext ctx, BlueprintDefinition definition, Blueprint blueprint,
            String processId) {
        Map<String, Object> kwargs = new TreeMap<>();
        kwargs.put("kind", blueprint.kind());
        kwargs.put("blueprintName", blueprint.metadata().name());
        submit(ctx, spec(definition, blueprint, CLEANUP_FUNCTION, kwargs), processId);
    }

    private static FunctionSpec spec(BlueprintDefinition definition, Blueprint blueprint, String function,
            Map<String, Object> kwargs) {
        FunctionSpec plain = FunctionSpec.of(blueprint.metadata().colonyName(), definition.handlerExecutorType(),
                function, List.of());
        return plain.withKwargsAndEnv(kwargs, Map.of()).withConditions(plain.conditions()
                .withLocation(blueprint.metadata().locationName()));
    }

    private static ColonyProcess submit(ApplyContext ctx, FunctionSpec spec, String processId) {
        ColoniesState state = ctx.state();
        String colony = spec.conditions().colonyName();
        ColonyProcess process = ProcessApplier.created(ctx, processId, ProcessApplier.checkedSpec(spec), ctx.callerId(),
                initiatorName(state, ctx.callerId(), colony));
        return ProcessLifecycle.store(ctx, null, process.toBuilder());
    }

    /** The caller's member name, or {@value #OWNER_NAME} for the colony owner (blueprints allow both). */
    private static String initiatorName(ColoniesState state, String callerId, String colony) {
        boolean owner = state.colony(colony).map(c -> c.colonyId().equals(callerId)).orElse(false);
        return owner ? OWNER_NAME : ProcessApplier.initiatorName(state, callerId, colony);
    }

    static String cronName(Blueprint blueprint) {
        String location = blueprint.metadata().locationName();
        return "reconcile-" + blueprint.kind() + (location.isEmpty() ? "" : "-" + location);
    }

    /** Adds the kind and location's reconciliation cron unless it exists. */
    static void ensureCron(ApplyContext ctx, BlueprintDefinition definition, Blueprint blueprint, String cronId) {
        ColoniesState state = ctx.state();
        String colony = blueprint.metadata().colonyName();
        if (state.crons().byName(colony, cronName(blueprint)).isPresent()) {
            return;
        }
        Map<String, Object> kwargs = new TreeMap<>();
        kwargs.put("kind", blueprint.kind());
        FunctionSpec node = spec(definition, blueprint, definition.handlerFunctionName(), kwargs)
                .withNodeName("reconcile");
        Cron sent = Cron.of(colony, cronName(blueprint), "", CRON_INTERVAL_SECONDS,
                Json.toText(new WorkflowSpec(colony, List.of(node))), true);
        state.crons().put(sent.registered(cronId, ctx.callerId(), initiatorName(state, ctx.callerId(), colony),
                CronApplier.nextRun(sent, ctx.now())));
    }

    /** Removes the kind and location's cron when no blueprint of that kind and location is left. */
    static void removeCronIfLast(ApplyContext ctx, BlueprintDefinition definition, Blueprint removed) {
        ColoniesState state = ctx.state();
        String colony = removed.metadata().colonyName();
        boolean others = state.blueprints().blueprintsOf(colony).stream().anyMatch(b -> b.kind().equals(removed.kind())
                && b.metadata().locationName().equals(removed.metadata().locationName()));
        if (!others) {
            state.crons().byName(colony, cronName(removed)).ifPresent(state.crons()::remove);
        }
    }
}
