package org.colonyos.colonies.sm.apply;

import static org.colonyos.colonies.sm.Commands.COLONY_KEY;
import static org.colonyos.colonies.sm.Commands.EXECUTOR_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.model.Blueprint;
import org.colonyos.colonies.proto.model.BlueprintDefinition;
import org.colonyos.colonies.proto.model.BlueprintHistory;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.proto.wire.BlueprintPayloads;
import org.colonyos.colonies.proto.wire.Payload;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Blueprints applied to the state: definitions and their statuses, schema checks, generations and history,
 * reconciliation processes with the handler's function, executor type, location and kwargs, the cron per kind
 * and location, status updates, cleanup, and a replay that gives the same state.
 */
class BlueprintAppliersTest {
    private static final long SECOND = 1_000_000_000L;
    private static final Map<String, Object> SCHEMA = Map.of("type", "object", "properties",
            Map.of("replicas", Map.of("type", "integer")), "required", List.of("replicas"));
    private AppliedLog log;
    private ColoniesState state;
    private long time = 1_000 * SECOND;

    @BeforeEach
    void setUp() {
        log = new AppliedLog();
        state = log.state;
        log.twoColonies(() -> tick());
        log.ok(entry(COLONY_KEY, PayloadType.ADD_BLUEPRINT_DEFINITION, new BlueprintPayloads.AddDefinition(
                definition("deployments", "Deployment", true))));
    }

    private long tick() {
        time += SECOND;
        return time;
    }

    private LogEntry entry(String key, PayloadType type, Payload payload) {
        return log.signed(key, type, payload, tick());
    }

    private static BlueprintDefinition definition(String name, String kind, boolean handler) {
        return new BlueprintDefinition("", "BlueprintDefinition", Blueprint.Metadata.of("test", name), Map.of(
                "names", Map.of("kind", kind), "schema", SCHEMA, "handler", handler
                        ? Map.of("executorType", "reconciler", "functionName", "reconcile") : Map.of()));
    }

    private static Blueprint blueprint(String name, String location, int replicas) {
        return new Blueprint("", "Deployment", Blueprint.Metadata.of("test", name).withLocation(location),
                Map.of("replicas", replicas), null);
    }

    private Blueprint add(String key, Blueprint blueprint) {
        return Json.parse(log.ok(entry(key, PayloadType.ADD_BLUEPRINT, new BlueprintPayloads.AddBlueprint(blueprint)))
                .getReplyJson().toByteArray(), Blueprint.class);
    }

    private ColonyProcess process(String id) {
        return state.processes().get(id).orElseThrow();
    }

    @Test
    void definitionsBelongToTheColonyOwner() {
        log.refused(entry(EXECUTOR_KEY, PayloadType.ADD_BLUEPRINT_DEFINITION, new BlueprintPayloads.AddDefinition(
                definition("other", "Other", false))), 403);
        assertTrue(log.refused(entry(COLONY_KEY, PayloadType.ADD_BLUEPRINT_DEFINITION,
                new BlueprintPayloads.AddDefinition(definition("deployments", "Deployment", true))), 500)
                .contains("already exists"));
        log.refused(entry(COLONY_KEY, PayloadType.ADD_BLUEPRINT_DEFINITION, new BlueprintPayloads.AddDefinition(
                new BlueprintDefinition("", "", Blueprint.Metadata.of("test", "nokind"), Map.of()))), 400);
        assertEquals("Deployment", state.blueprints().definition("test", "deployments").orElseThrow()
                .blueprintKind());
        log.refused(entry(COLONY_KEY, PayloadType.REMOVE_BLUEPRINT_DEFINITION, new BlueprintPayloads.NamespacedRef(
                "test", "missing")), 404);
        add(EXECUTOR_KEY, blueprint("web", "", 1));
        log.refused(entry(COLONY_KEY, PayloadType.REMOVE_BLUEPRINT_DEFINITION, new BlueprintPayloads.NamespacedRef(
                "test", "deployments")), 409);
    }

    @Test
    void aBlueprintIsCheckedAgainstItsKindAndSchema() {
        Blueprint noKind = new Blueprint("", "", Blueprint.Metadata.of("test", "x"), Map.of("replicas", 1), null);
        assertTrue(log.refused(entry(EXECUTOR_KEY, PayloadType.ADD_BLUEPRINT, new BlueprintPayloads.AddBlueprint(
                noKind)), 400).contains("kind is required"));
        Blueprint unknownKind = new Blueprint("", "Pod", Blueprint.Metadata.of("test", "x"), Map.of(), null);
        assertTrue(log.refused(entry(EXECUTOR_KEY, PayloadType.ADD_BLUEPRINT, new BlueprintPayloads.AddBlueprint(
                unknownKind)), 400).contains("no blueprint definition of kind <Pod>"));
        Blueprint wrongType = new Blueprint("", "Deployment", Blueprint.Metadata.of("test", "x"),
                Map.of("replicas", "two"), null);
        assertTrue(log.refused(entry(EXECUTOR_KEY, PayloadType.ADD_BLUEPRINT, new BlueprintPayloads.AddBlueprint(
                wrongType)), 400).contains("does not match the schema"));
        Blueprint missing = new Blueprint("", "Deployment", Blueprint.Metadata.of("test", "x"), Map.of(), null);
        log.refused(entry(EXECUTOR_KEY, PayloadType.ADD_BLUEPRINT, new BlueprintPayloads.AddBlueprint(missing)),
                400);
        log.refused(entry(AppliedLog.OTHER_KEY, PayloadType.ADD_BLUEPRINT, new BlueprintPayloads.AddBlueprint(
                blueprint("x", "", 1))), 403);
        assertTrue(state.blueprints().blueprintsOf("test").isEmpty());
    }

    @Test
    void addingReconcilesAndStartsTheCronOfItsKindAndLocation() {
        Blueprint web = add(COLONY_KEY, blueprint("web", "edge", 2));
        assertEquals(1, web.metadata().generation());
        assertTrue(state.catalog().location("test", "edge").isPresent(), "an unknown location is created");
        ColonyProcess reconcile = process(web.metadata().lastReconciliationProcess());
        assertEquals("reconcile", reconcile.spec().funcName());
        assertEquals("reconciler", reconcile.spec().conditions().executorType());
        assertEquals("edge", reconcile.spec().conditions().locationName());
        assertEquals(Map.of("kind", "Deployment", "blueprintName", "web"), reconcile.spec().kwargs());
        assertEquals(ProcessState.WAITING, reconcile.state());
        assertEquals(60, state.crons().byName("test", "reconcile-Deployment-edge").orElseThrow().interval());
        assertEquals(409, log.apply(entry(EXECUTOR_KEY, PayloadType.ADD_BLUEPRINT, new BlueprintPayloads.AddBlueprint(
                blueprint("web", "edge", 3)))).getErrorStatus());
        assertEquals(List.of(BlueprintHistory.CREATE), state.blueprints().history(web.blueprintId(), 10).stream()
                .map(BlueprintHistory::changeType).toList());
    }

    @Test
    void generationsFollowSpecChangesAndHistoryKeepsThem() {
        Blueprint web = add(EXECUTOR_KEY, blueprint("web", "", 1));
        int processes = state.processes().inState("test", ProcessState.WAITING).toList().size();
        log.ok(entry(EXECUTOR_KEY, PayloadType.UPDATE_BLUEPRINT, new BlueprintPayloads.UpdateBlueprint(
                blueprint("web", "", 1), false)));
        assertEquals(1, state.blueprints().blueprint("test", "web").orElseThrow().metadata().generation());
        assertEquals(processes, state.processes().inState("test", ProcessState.WAITING).toList().size());
        log.ok(entry(EXECUTOR_KEY, PayloadType.UPDATE_BLUEPRINT, new BlueprintPayloads.UpdateBlueprint(
                blueprint("web", "", 5), false)));
        Blueprint updated = state.blueprints().blueprint("test", "web").orElseThrow();
        assertEquals(2, updated.metadata().generation());
        assertEquals(web.blueprintId(), updated.blueprintId(), "the id is kept");
        assertEquals(processes + 1, state.processes().inState("test", ProcessState.WAITING).toList().size());
        log.ok(entry(EXECUTOR_KEY, PayloadType.UPDATE_BLUEPRINT, new BlueprintPayloads.UpdateBlueprint(
                blueprint("web", "", 5), true)));
        assertEquals(3, state.blueprints().blueprint("test", "web").orElseThrow().metadata().generation());
        assertEquals(List.of(3L, 2L, 1L), state.blueprints().history(web.blueprintId(), 10).stream()
                .map(BlueprintHistory::generation).toList(), "newest first");
        assertEquals(2, state.blueprints().history(web.blueprintId(), 2).size());
        log.refused(entry(EXECUTOR_KEY, PayloadType.UPDATE_BLUEPRINT, new BlueprintPayloads.UpdateBlueprint(
                blueprint("nothere", "", 1), false)), 404);
    }

    @Test
    void statusReconcileAndRemoval() {
        add(EXECUTOR_KEY, blueprint("a", "north", 1));
        add(EXECUTOR_KEY, blueprint("b", "north", 1));
        log.ok(entry(EXECUTOR_KEY, PayloadType.UPDATE_BLUEPRINT_STATUS, new BlueprintPayloads.UpdateStatus("test",
                "a", Map.of("ready", 1))));
        Blueprint a = state.blueprints().blueprint("test", "a").orElseThrow();
        assertEquals(Map.of("ready", 1), a.status());
        assertEquals(Map.of("replicas", 1), a.spec(), "only the status changes");
        log.refused(entry(COLONY_KEY, PayloadType.UPDATE_BLUEPRINT_STATUS, new BlueprintPayloads.UpdateStatus("test",
                "a", Map.of())), 403);
        log.refused(entry(EXECUTOR_KEY, PayloadType.UPDATE_BLUEPRINT_STATUS, new BlueprintPayloads.UpdateStatus(
                "test", "zz", Map.of())), 404);

        ColonyProcess forced = Json.parse(log.ok(entry(EXECUTOR_KEY, PayloadType.RECONCILE_BLUEPRINT,
                new BlueprintPayloads.Reconcile("test", "a", true))).getReplyJson().toByteArray(), ColonyProcess.class);
        assertEquals(Map.of("kind", "Deployment", "blueprintName", "a", "force", true), forced.spec().kwargs());
        assertEquals(2, state.blueprints().blueprint("test", "a").orElseThrow().metadata().generation());

        log.ok(entry(EXECUTOR_KEY, PayloadType.REMOVE_BLUEPRINT, new BlueprintPayloads.NamespacedRef("test", "a")));
        assertTrue(state.crons().byName("test", "reconcile-Deployment-north").isPresent(), "b is still there");
        log.ok(entry(EXECUTOR_KEY, PayloadType.REMOVE_BLUEPRINT, new BlueprintPayloads.NamespacedRef("test", "b")));
        assertTrue(state.crons().byName("test", "reconcile-Deployment-north").isEmpty(), "gone with the last one");
        assertEquals(2, state.processes().inState("test", ProcessState.WAITING).map(this::process)
                .filter(p -> p.spec().funcName().equals(BlueprintReconciler.CLEANUP_FUNCTION)).count());
        log.refused(entry(EXECUTOR_KEY, PayloadType.REMOVE_BLUEPRINT, new BlueprintPayloads.NamespacedRef("test",
                "a")), 404);
        assertEquals(state.store().digest(), log.replayed().state.store().digest(), "a replay gives the same state");
    }

    @Test
    void reconcilingNeedsAHandler() {
        log.ok(entry(COLONY_KEY, PayloadType.ADD_BLUEPRINT_DEFINITION, new BlueprintPayloads.AddDefinition(
                definition("plain", "Plain", false))));
        Blueprint plain = new Blueprint("", "Plain", Blueprint.Metadata.of("test", "p"), Map.of("replicas", 1), null);
        assertEquals("", add(EXECUTOR_KEY, plain).metadata().lastReconciliationProcess(), "no handler, no process");
        assertTrue(log.refused(entry(EXECUTOR_KEY, PayloadType.RECONCILE_BLUEPRINT, new BlueprintPayloads.Reconcile(
                "test", "p", false)), 400).contains("has no handler"));
    }
}
