package org.colonyos.colonies.sm.apply;

import static org.colonyos.colonies.sm.Commands.COLONY_KEY;
import static org.colonyos.colonies.sm.Commands.EXECUTOR_ID;
import static org.colonyos.colonies.sm.Commands.EXECUTOR_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.log.ApplyReply;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessGraph;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.sm.Commands;
import org.colonyos.colonies.sm.Workflows;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Workflow commands applied to a state: release order, inputs, failure, cancel, removal, children, bad input. */
class WorkflowAppliersTest {
    private static final String GRAPH = "a".repeat(64);
    private static final String NOT_MEMBER = "Access denied, not a member of Colony with name <test>";
    private static final String OTHER_KEY = Commands.keyOf("other executor");
    private AppliedLog log;
    private ColoniesState state;
    private long time = 1_000_000_000L;

    @BeforeEach
    void setUp() {
        log = new AppliedLog();
        state = log.state;
        ok(Commands.bootstrap());
        ok(Commands.addColony("test", next()));
        ok(Commands.addExecutor("test", "e1", EXECUTOR_ID, next()));
        ok(Commands.approve("test", "e1", next()));
        ok(Commands.addColony("other", next()));
        ok(Commands.addExecutor("other", "o1", Identity.idOfPrivateKey(OTHER_KEY), next()));
        ok(Commands.approve("other", "o1", next()));
    }

    private long next() {
        time += 1_000_000_000L;
        return time;
    }

    private ApplyReply ok(LogEntry entry) {
        return log.ok(entry);
    }

    private void rejected(LogEntry entry, int status, String message) {
        assertEquals(message, log.refused(entry, status));
    }

    private ProcessGraph submit(List<FunctionSpec> specs) {
        return Json.parse(ok(Workflows.submit(EXECUTOR_KEY, next(), GRAPH, "test", specs)).getReplyJson()
                .toByteArray(), ProcessGraph.class);
    }

    private ColonyProcess assign() {
        return Json.parse(ok(Workflows.assign(EXECUTOR_KEY, next(), "test")).getReplyJson().toByteArray(),
                ColonyProcess.class);
    }

    private String idOf(String nodeName) {
        return graph().processIds().stream().filter(id -> process(id).spec().nodeName().equals(nodeName))
                .findFirst().orElseThrow();
    }

    private ColonyProcess process(String id) {
        return state.processes().get(id).orElseThrow();
    }

    private ProcessGraph graph() {
        return state.graphs().get(GRAPH).orElseThrow();
    }

    private void nothingAssignable() {
        rejected(Workflows.assign(EXECUTOR_KEY, next(), "test"), 404, "No process available for assignment");
    }

    @Test
    void aDiamondRunsInDependencyOrderAndChildrenGetTheirParentsOutputs() {
        ProcessGraph submitted = submit(Workflows.diamond("test"));
        assertEquals(ProcessState.WAITING, submitted.state());
        assertEquals(List.of(idOf("a")), submitted.rootProcessIds());
        assertEquals(List.of(idOf("a")), process(idOf("b")).parents());
        assertEquals(List.of(idOf("b"), idOf("c")), process(idOf("a")).children());
        assertEquals(1, state.graphs().count("test", ProcessState.WAITING));

        ColonyProcess a = assign();
        assertEquals("a", a.spec().nodeName());
        assertEquals(ProcessState.RUNNING, graph().state());
        assertEquals(a.startTime(), graph().startTime());
        nothingAssignable();
        ok(Workflows.close(EXECUTOR_KEY, next(), a.processId(), List.of("from a")));

        ColonyProcess b = assign();
        ColonyProcess c = assign();
        assertEquals(List.of("b", "c"), List.of(b.spec().nodeName(), c.spec().nodeName()));
        assertEquals(List.of("from a"), b.in());
        nothingAssignable();
        ok(Workflows.close(EXECUTOR_KEY, next(), c.processId(), List.of("from c")));
        nothingAssignable();
        ok(Workflows.close(EXECUTOR_KEY, next(), b.processId(), List.of("from b", 2)));

        ColonyProcess d = assign();
        assertEquals(List.of("from b", 2, "from c"), d.in(), "parents' outputs in the order of d's dependencies");
        ok(Workflows.close(EXECUTOR_KEY, next(), d.processId(), List.of()));
        assertEquals(ProcessState.SUCCESS, graph().state());
        assertEquals(GoTime.ofUnixNanos(time), graph().endTime());
        assertEquals(1, state.graphs().count("test", ProcessState.SUCCESS));
        assertEquals(0, state.graphs().count("test", ProcessState.RUNNING));
    }

    @Test
    void aFailedProcessFailsEveryUnendedProcessOfItsGraph() {
        submit(Workflows.diamond("test"));
        ok(Workflows.close(EXECUTOR_KEY, next(), assign().processId(), List.of()));
        ColonyProcess b = assign();
        ColonyProcess c = assign();
        ok(Workflows.fail(EXECUTOR_KEY, next(), b.processId()));

        assertEquals(ProcessState.FAILED, graph().state());
        assertEquals(ProcessState.SUCCESS, process(idOf("a")).state(), "a result that was reached is kept");
        assertEquals(ProcessState.FAILED, process(c.processId()).state());
        ColonyProcess d = process(idOf("d"));
        assertEquals(ProcessState.FAILED, d.state());
        assertEquals(List.of(String.format(GraphProgress.PARENT_FAILED, b.processId())), d.errors());
        nothingAssignable();
        rejected(Workflows.close(EXECUTOR_KEY, next(), c.processId(), List.of()), 400,
                "Tried to set failed process as successful");
        assertEquals(1, state.graphs().count("test", ProcessState.FAILED));
    }

    @Test
    void cancellingAGraphCancelsWhatHasNotEndedAndOnlyOnce() {
        submit(Workflows.diamond("test"));
        ColonyProcess a = assign();
        ok(Workflows.cancel(EXECUTOR_KEY, next(), GRAPH));
        assertEquals(ProcessState.CANCELLED, graph().state());
        assertTrue(graph().processIds().stream().allMatch(id -> process(id).state() == ProcessState.CANCELLED));
        nothingAssignable();
        rejected(Workflows.close(EXECUTOR_KEY, next(), a.processId(), List.of()), 400,
                "Tried to set cancelled process as successful");
        rejected(Workflows.cancel(EXECUTOR_KEY, next(), GRAPH), 400,
                "Failed to cancel process graph, process graph is already cancelled");
    }

    @Test
    void removingAGraphRemovesItsProcessesButNotWhileItRuns() {
        submit(Workflows.diamond("test"));
        ColonyProcess a = assign();
        rejected(Workflows.remove(EXECUTOR_KEY, next(), GRAPH), 400,
                "Failed to remove process graph, cannot remove a running process graph");
        rejected(Commands.signed(EXECUTOR_KEY, next(), org.colonyos.colonies.proto.wire.PayloadType.REMOVE_PROCESS,
                new org.colonyos.colonies.proto.wire.ProcessPayloads.ProcessRef(a.processId(), false)), 400,
                "Failed to remove process, cannot remove a process part of a workflow, remove the workflow instead");
        ok(Workflows.cancel(EXECUTOR_KEY, next(), GRAPH));
        List<String> ids = graph().processIds();
        ok(Workflows.remove(EXECUTOR_KEY, next(), GRAPH));
        assertTrue(state.graphs().get(GRAPH).isEmpty());
        assertTrue(ids.stream().allMatch(id -> state.processes().get(id).isEmpty()));
        assertEquals(0, state.graphs().count("test", ProcessState.CANCELLED));
        assertEquals(0, state.processes().count("test", ProcessState.CANCELLED));
        rejected(Workflows.remove(EXECUTOR_KEY, next(), GRAPH), 500,
                "Failed to remove process graph, process graph with id <" + GRAPH + "> not found");
    }

    @Test
    void removeAllTakesOneStateOrEveryStateAndIsForTheColonyOwner() {
        submit(Workflows.diamond("test"));
        rejected(Workflows.removeAll(EXECUTOR_KEY, next(), "test", ProcessState.ALL), 403,
                "Access denied, not colony owner");
        rejected(Workflows.removeAll(COLONY_KEY, next(), "test", ProcessState.RUNNING), 400,
                "Not possible to remove running process graphs");
        ok(Workflows.removeAll(COLONY_KEY, next(), "test", ProcessState.SUCCESS));
        assertTrue(state.graphs().get(GRAPH).isPresent());
        ok(Workflows.removeAll(COLONY_KEY, next(), "test", ProcessState.WAITING));
        assertTrue(state.graphs().get(GRAPH).isEmpty());
        assertEquals(0, state.processes().count("test", ProcessState.WAITING));
    }

    @Test
    void anAppendedChildWaitsForItsParentAndCanHoldBackAWaitingProcess() {
        submit(List.of(Workflows.node("test", "a"), Workflows.node("test", "b", "a")));
        ColonyProcess a = assign();
        String extra = "e".repeat(64);
        ok(Workflows.addChild(EXECUTOR_KEY, next(), extra, GRAPH, a.processId(), idOf("b"),
                Workflows.node("test", "x"), false));
        assertEquals(List.of(idOf("b"), extra), process(a.processId()).children());
        assertEquals(List.of(a.processId(), extra), process(idOf("b")).parents());
        assertEquals(3, graph().processIds().size());
        ok(Workflows.close(EXECUTOR_KEY, next(), a.processId(), List.of("a")));

        ColonyProcess x = assign();
        assertEquals(extra, x.processId());
        assertEquals(List.of("a"), x.in());
        nothingAssignable();
        ok(Workflows.close(EXECUTOR_KEY, next(), extra, List.of("x")));
        assertEquals(List.of("a", "x"), assign().in());
    }

    @Test
    void anInsertedChildTakesItsParentsPlaceBeforeAllItsChildren() {
        submit(Workflows.diamond("test"));
        ColonyProcess a = assign();
        String inserted = "f".repeat(64);
        ok(Workflows.addChild(EXECUTOR_KEY, next(), inserted, GRAPH, a.processId(), "",
                Workflows.node("test", "i"), true));
        assertEquals(List.of(inserted), process(a.processId()).children());
        assertEquals(List.of(idOf("b"), idOf("c")), process(inserted).children());
        assertEquals(List.of(inserted), process(idOf("b")).parents());
        ok(Workflows.close(EXECUTOR_KEY, next(), a.processId(), List.of()));
        assertEquals(inserted, assign().processId());
        nothingAssignable();
    }

    @Test
    void onlyTheExecutorRunningAGraphProcessMayAddAChild() {
        submit(Workflows.diamond("test"));
        String child = "c".repeat(64);
        FunctionSpec spec = Workflows.node("test", "x");
        rejected(Workflows.addChild(EXECUTOR_KEY, next(), child, GRAPH, idOf("a"), "", spec, false), 400,
                "Failed to add child, the parent process is not running");
        ColonyProcess a = assign();
        rejected(Workflows.addChild(COLONY_KEY, next(), child, GRAPH, a.processId(), "", spec, false), 403,
                NOT_MEMBER);
        rejected(Workflows.addChild(OTHER_KEY, next(), child, GRAPH, a.processId(), "", spec, false), 403,
                NOT_MEMBER);
        String colleagueKey = Commands.keyOf("colleague");
        ok(Commands.addExecutor("test", "e2", Identity.idOfPrivateKey(colleagueKey), next()));
        ok(Commands.approve("test", "e2", next()));
        rejected(Workflows.addChild(colleagueKey, next(), child, GRAPH, a.processId(), "", spec, false), 400,
                "Failed to add child, the parent process is not assigned to the caller");
        rejected(Workflows.addChild(EXECUTOR_KEY, next(), child, GRAPH, a.processId(), idOf("a"), spec, false),
                400, "Failed to add child, process <" + idOf("a") + "> has already started");
        rejected(Workflows.addChild(EXECUTOR_KEY, next(), child, "b".repeat(64), a.processId(), "", spec, false),
                400, "Failed to add child, the parent process is not part of process graph <" + "b".repeat(64) + ">");
        rejected(Workflows.addChild(EXECUTOR_KEY, next(), child, GRAPH, "9".repeat(64), "", spec, false), 500,
                "Process with Id <" + "9".repeat(64) + "> not found");
        assertEquals(4, graph().processIds().size());
        assertTrue(state.processes().get(child).isEmpty());
    }

    @Test
    void badWorkflowsAreRefusedWithNothingStored() {
        String before = state.store().digest();
        rejected(Workflows.submit(EXECUTOR_KEY, next(), GRAPH, "test", List.of()), 400,
                "Failed to submit workflow, the workflow has no function specs");
        rejected(Workflows.submit(EXECUTOR_KEY, next(), GRAPH, "test", List.of(Workflows.node("test", ""))), 500,
                WorkflowPlan.MISSING_NODENAME);
        rejected(Workflows.submit(EXECUTOR_KEY, next(), GRAPH, "test", List.of(Workflows.node("test", "a"),
                Workflows.node("test", "a"))), 500, "Duplicate nodename: a");
        rejected(Workflows.submit(EXECUTOR_KEY, next(), GRAPH, "test", List.of(Workflows.node("test", "a", "z"))),
                500, WorkflowPlan.UNKNOWN_DEPENDENCY);
        rejected(Workflows.submit(EXECUTOR_KEY, next(), GRAPH, "test", List.of(Workflows.node("test", "r"),
                Workflows.node("test", "a", "r", "c"), Workflows.node("test", "b", "a"),
                Workflows.node("test", "c", "b"))), 400,
                "Failed to submit workflow, invalid dependencies, the dependencies of <a> lead into a cycle");
        rejected(Workflows.submit(EXECUTOR_KEY, next(), GRAPH, "test", List.of(Workflows.node("test", "s", "s"))),
                400, "Failed to submit workflow, invalid dependencies, the dependencies of <s> lead into a cycle");
        rejected(Workflows.submit(OTHER_KEY, next(), GRAPH, "test", Workflows.diamond("test")), 403,
                NOT_MEMBER);
        rejected(Workflows.submit(EXECUTOR_KEY, next(), GRAPH, "test", List.of(Workflows.node("test", "a")
                .withPriority(50_001))), 400, "Failed to submit function spec, priority must be in [-50000, 50000]");
        assertEquals(before, state.store().digest());
    }

    @Test
    void aMemberOfAnotherColonyCannotTouchTheGraph() {
        submit(Workflows.diamond("test"));
        String before = state.store().digest();
        rejected(Workflows.cancel(OTHER_KEY, next(), GRAPH), 403, NOT_MEMBER);
        rejected(Workflows.remove(OTHER_KEY, next(), GRAPH), 403, NOT_MEMBER);
        rejected(Workflows.removeAll(OTHER_KEY, next(), "test", ProcessState.ALL), 403,
                "Access denied, not colony owner");
        assertEquals(before, state.store().digest());
    }

    @Test
    void workflowSpecsRunInTheWorkflowsColonyWithoutAnExecutionLimitWhenTheyHaveNone() {
        FunctionSpec elsewhere = Workflows.node("other", "a").withLimits(5, 0, 0);
        submit(List.of(elsewhere));
        ColonyProcess a = process(graph().processIds().get(0));
        assertEquals("test", a.colonyName());
        assertEquals(-1, a.spec().maxExecTime());
        assertEquals(5, a.spec().maxWaitTime());
        assertFalse(a.waitForParents());
        assertNotEquals(GRAPH, a.processId());
    }
}
