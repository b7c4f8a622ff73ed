package org.colonyos.colonies.sm.apply;

import static org.colonyos.colonies.sm.Commands.EXECUTOR_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.log.ApplyReply;
import org.colonyos.colonies.proto.log.FireCron;
import org.colonyos.colonies.proto.log.FireGenerator;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.model.Cron;
import org.colonyos.colonies.proto.model.Generator;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessGraph;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.proto.model.WorkflowSpec;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ScheduledPayloads;
import org.colonyos.colonies.sm.Commands;
import org.colonyos.colonies.sm.Workflows;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crons and generators applied with a controlled clock: firings on time and at most once per scheduled time,
 * waiting for the previous graph, leaf outputs into the next run, packing and timeouts, removal, access and
 * bad input with nothing stored.
 */
class ScheduledAppliersTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String OTHER_KEY = AppliedLog.OTHER_KEY;
    private static final String TWO_STEPS = Json.toText(new WorkflowSpec("test", List.of(Workflows.node("test", "a"),
            Workflows.node("test", "b", "a"))));
    private AppliedLog log;
    private ColoniesState state;
    private long time = 1_000 * SECOND;
    private int ids;

    @BeforeEach
    void setUp() {
        log = new AppliedLog();
        state = log.state;
        log.twoColonies(() -> at(0));
    }

    /** The clock {@code seconds} later. */
    private long at(long seconds) {
        time += seconds * SECOND + 1;
        return time;
    }

    private String nextId() {
        return String.format("%064x", ++ids);
    }

    private ApplyReply ok(LogEntry entry) {
        return log.ok(entry);
    }

    private void rejected(LogEntry entry, int status, String message) {
        String refusal = log.refused(entry, status);
        assertTrue(refusal.startsWith(message), refusal);
    }

    private LogEntry signedWithId(String key, PayloadType type, org.colonyos.colonies.proto.wire.Payload payload) {
        return Commands.request(key, type, payload).setGeneratedId(nextId()).setLeaderTimeUnixNanos(at(0)).build();
    }

    private Cron addCron(Cron cron) {
        return Json.parse(ok(signedWithId(EXECUTOR_KEY, PayloadType.ADD_CRON, new ScheduledPayloads.AddCron(cron)))
                .getReplyJson().toByteArray(), Cron.class);
    }

    private Cron cron(String id) {
        return state.crons().get(id).orElseThrow();
    }

    /** The leader's firing of a cron for its current next run, applied {@code late} seconds after that. */
    private void fire(Cron cron, long late) {
        long scheduled = GoTime.toUnixNanos(cron(cron.cronId()).nextRun());
        time = Math.max(time, scheduled + late * SECOND);
        fireAt(cron.cronId(), scheduled);
    }

    /** A firing of a cron for a scheduled time, applied now. */
    private void fireAt(String cronId, long scheduled) {
        ok(LogEntry.newBuilder().setFireCron(FireCron.newBuilder().setCronId(cronId)
                .setScheduledUnixNanos(scheduled)).setGeneratedId(nextId()).setLeaderTimeUnixNanos(at(0)).build());
    }

    private int graphs() {
        int count = 0;
        for (int s = ProcessState.WAITING; s <= ProcessState.CANCELLED; s++) {
            count += state.graphs().count("test", s);
        }
        return count;
    }

    private void runGraph(String graphId, List<Object> outputOfLast) {
        ProcessGraph graph = state.graphs().get(graphId).orElseThrow();
        for (String id : graph.processIds()) {
            ColonyProcess p = Json.parse(ok(Workflows.assign(EXECUTOR_KEY, at(0), "test")).getReplyJson().toByteArray(),
                    ColonyProcess.class);
            assertEquals(id, p.processId());
            ok(Workflows.close(EXECUTOR_KEY, at(0), id, p.children().isEmpty() ? outputOfLast : List.of()));
        }
    }

    @Test
    void anIntervalCronRunsOncePerScheduledTimeAndItsLeavesFeedTheNextRun() {
        Cron cron = addCron(Cron.of("test", "every-minute", "", 60, TWO_STEPS, false));
        assertEquals(GoTime.ofUnixNanos(time).plusSeconds(60), cron.nextRun());
        long scheduled = GoTime.toUnixNanos(cron.nextRun());
        fireAt(cron.cronId(), scheduled + SECOND);
        assertEquals(0, graphs(), "a firing for another time than the next run runs nothing");
        fire(cron, 0);
        Instant firedAt = GoTime.ofUnixNanos(time);
        fireAt(cron.cronId(), scheduled);
        assertEquals(1, graphs(), "a duplicate firing for the same time runs nothing");
        Cron ran = cron(cron.cronId());
        assertEquals(firedAt, ran.lastRun());
        assertEquals(firedAt.plusSeconds(60), ran.nextRun(), "the next run counts from the firing's time");
        runGraph(ran.prevProcessGraphId(), List.of("leaf output"));

        fire(cron, 3_600);
        assertEquals(2, graphs(), "a firing an hour late runs once, not once per missed minute");
        ProcessGraph second = state.graphs().get(cron(cron.cronId()).prevProcessGraphId()).orElseThrow();
        ColonyProcess root = state.processes().get(second.rootProcessIds().get(0)).orElseThrow();
        assertEquals(List.of("leaf output"), root.in());
        assertEquals(cron.initiatorName(), root.initiatorName());
    }

    @Test
    void anExpressionCronRunsAtItsTimes() {
        Cron cron = addCron(Cron.of("test", "hourly", "0 0 * * * *", -1, TWO_STEPS, false));
        Instant next = cron.nextRun();
        assertEquals(0, next.getEpochSecond() % 3600);
        fire(cron, 0);
        assertEquals(next.plusSeconds(3600), cron(cron.cronId()).nextRun());
    }

    @Test
    void aCronWaitingForItsPreviousGraphSkipsUntilThatEnds() {
        Cron cron = addCron(Cron.of("test", "patient", "", 10, TWO_STEPS, true));
        fire(cron, 0);
        String first = cron(cron.cronId()).prevProcessGraphId();
        assertTrue(!state.cronMayRun(cron(cron.cronId())));
        fire(cron, 0);
        assertEquals(1, graphs(), "the previous graph is still waiting");
        runGraph(first, List.of());
        fire(cron, 0);
        assertEquals(2, graphs());
    }

    @Test
    void runCronChecksMembershipFirstAndRemovalStopsRuns() {
        Cron cron = addCron(Cron.of("test", "manual", "", 3600, TWO_STEPS, false));
        String before = state.store().digest();
        rejected(signedWithId(OTHER_KEY, PayloadType.RUN_CRON, new ScheduledPayloads.CronRef(cron.cronId(), false)),
                403, "Access denied");
        assertEquals(before, state.store().digest());
        ok(signedWithId(EXECUTOR_KEY, PayloadType.RUN_CRON, new ScheduledPayloads.CronRef(cron.cronId(), false)));
        assertEquals(1, graphs());
        rejected(signedWithId(EXECUTOR_KEY, PayloadType.RUN_CRON, new ScheduledPayloads.CronRef("9".repeat(64),
                false)), 400, "cron not found");
        ok(signedWithId(EXECUTOR_KEY, PayloadType.REMOVE_CRON, new ScheduledPayloads.CronRef(cron.cronId(), false)));
        assertTrue(state.crons().dueAt(Long.MAX_VALUE, 10).isEmpty());
        at(7200);
        fireAt(cron.cronId(), GoTime.toUnixNanos(cron.nextRun()));
        assertEquals(1, graphs());
    }

    @Test
    void badCronsAreRefusedWithNothingStored() {
        String before = state.store().digest();
        rejected(signedWithId(EXECUTOR_KEY, PayloadType.ADD_CRON, new ScheduledPayloads.AddCron(Cron.of("test", "c",
                "", 0, TWO_STEPS, false))), 400, CronApplier.BAD_INTERVAL);
        rejected(signedWithId(EXECUTOR_KEY, PayloadType.ADD_CRON, new ScheduledPayloads.AddCron(Cron.of("test", "c",
                "61 * * * * *", -1, TWO_STEPS, false))), 400, "Failed to add cron, invalid cron expression");
        rejected(signedWithId(EXECUTOR_KEY, PayloadType.ADD_CRON, new ScheduledPayloads.AddCron(Cron.of("test", "c",
                "{not json", 10, "{", false))), 400, "Failed to add cron, invalid workflow spec");
        rejected(signedWithId(EXECUTOR_KEY, PayloadType.ADD_CRON, new ScheduledPayloads.AddCron(Cron.of("test", "c",
                "", 10, Json.toText(new WorkflowSpec("test", List.of(Workflows.node("test", "a", "ghost")))), false))),
                400, "Failed to add cron, invalid workflow spec: " + WorkflowPlan.UNKNOWN_DEPENDENCY);
        Cron random = new Cron("", "", "", "test", "c", "@daily", -1, true, null, null, TWO_STEPS, "", false, 0);
        rejected(signedWithId(EXECUTOR_KEY, PayloadType.ADD_CRON, new ScheduledPayloads.AddCron(random)), 400,
                "Failed to add cron, random cannot be combined");
        rejected(signedWithId(OTHER_KEY, PayloadType.ADD_CRON, new ScheduledPayloads.AddCron(Cron.of("test", "c",
                "", 10, TWO_STEPS, false))), 403, "Access denied");
        rejected(signedWithId(EXECUTOR_KEY, PayloadType.REMOVE_CRON, new ScheduledPayloads.CronRef("9".repeat(64),
                false)), 500, "Failed to remove cron");
        assertEquals(before, state.store().digest());
        addCron(Cron.of("test", "c", "", 10, TWO_STEPS, false));
        rejected(signedWithId(EXECUTOR_KEY, PayloadType.ADD_CRON, new ScheduledPayloads.AddCron(Cron.of("test", "c",
                "", 10, TWO_STEPS, false))), 400, "A cron with name <c> already exists");
    }

    private Generator addGenerator(int trigger, int timeout) {
        return Json.parse(ok(signedWithId(EXECUTOR_KEY, PayloadType.ADD_GENERATOR, new ScheduledPayloads.AddGenerator(
                Generator.of("test", "g", TWO_STEPS, trigger, timeout)))).getReplyJson().toByteArray(),
                Generator.class);
    }

    private void pack(Generator generator, String arg) {
        ok(signedWithId(EXECUTOR_KEY, PayloadType.PACK_GENERATOR, new ScheduledPayloads.PackGenerator(
                generator.generatorId(), arg)));
    }

    private void fire(Generator generator) {
        ok(LogEntry.newBuilder().setFireGenerator(FireGenerator.newBuilder().setGeneratorId(generator.generatorId()))
                .setGeneratedId(nextId()).setLeaderTimeUnixNanos(at(0)).build());
    }

    @Test
    void aGeneratorRunsOneWorkflowPerTriggerArgumentsAndFlushesTheRestOnTimeout() {
        Generator generator = addGenerator(2, 30);
        for (String arg : List.of("a1", "a2", "a3", "a4", "a5")) {
            pack(generator, arg);
        }
        assertEquals(List.of(generator.generatorId()), state.generators().dueAt(time, 10));
        fire(generator);
        fire(generator);
        assertEquals(2, graphs(), "floor(5 / 2) workflows, and a duplicate firing adds none");
        assertEquals(1, state.generators().queueSize(generator.generatorId()));
        List<List<Object>> rootArgs = state.graphs().inState("test", ProcessState.WAITING)
                .map(id -> state.graphs().get(id).orElseThrow().rootProcessIds().get(0))
                .map(id -> state.processes().get(id).orElseThrow().spec().args()).toList();
        assertTrue(rootArgs.containsAll(List.of(List.of("a1", "a2"), List.of("a3", "a4"))), rootArgs.toString());
        assertTrue(state.generators().dueAt(time, 10).isEmpty(), "the rest waits for the timeout");
        at(31);
        assertEquals(List.of(generator.generatorId()), state.generators().dueAt(time, 10));
        fire(generator);
        assertEquals(3, graphs());
        assertEquals(0, state.generators().queueSize(generator.generatorId()));
    }

    @Test
    void badGeneratorsAndStrangersAreRefused() {
        String before = state.store().digest();
        rejected(signedWithId(EXECUTOR_KEY, PayloadType.ADD_GENERATOR, new ScheduledPayloads.AddGenerator(
                Generator.of("test", "g", TWO_STEPS, 0, 10))), 400, "Failed to add generator, trigger must be");
        rejected(signedWithId(EXECUTOR_KEY, PayloadType.ADD_GENERATOR, new ScheduledPayloads.AddGenerator(
                Generator.of("test", "g", "[]", 1, 10))), 400, "Failed to add generator, invalid workflow spec");
        rejected(signedWithId(OTHER_KEY, PayloadType.ADD_GENERATOR, new ScheduledPayloads.AddGenerator(
                Generator.of("test", "g", TWO_STEPS, 1, 10))), 403, "Access denied");
        assertEquals(before, state.store().digest());
        Generator generator = addGenerator(3, 0);
        String added = state.store().digest();
        rejected(signedWithId(OTHER_KEY, PayloadType.PACK_GENERATOR, new ScheduledPayloads.PackGenerator(
                generator.generatorId(), "x")), 403, "Access denied");
        rejected(signedWithId(OTHER_KEY, PayloadType.REMOVE_GENERATOR, new ScheduledPayloads.GeneratorRef(
                generator.generatorId(), false)), 403, "Access denied");
        rejected(signedWithId(EXECUTOR_KEY, PayloadType.PACK_GENERATOR, new ScheduledPayloads.PackGenerator(
                "9".repeat(64), "x")), 500, "Failed to pack generator");
        assertEquals(added, state.store().digest());
        pack(generator, "x");
        ok(signedWithId(EXECUTOR_KEY, PayloadType.REMOVE_GENERATOR, new ScheduledPayloads.GeneratorRef(
                generator.generatorId(), false)));
        assertTrue(state.generators().dueAt(Long.MAX_VALUE, 10).isEmpty());
        fire(generator);
        assertEquals(0, graphs());
    }
}
