package org.colonyos.colonies.sm.apply;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessGraph;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.sm.state.GraphTables;

/**
 * How a workflow follows its processes (protocol 6.5), run inside apply each time a process of a graph is stored
 * in a new state. The graph keeps a count of its processes per state, so its own state follows from the counts:
 * any FAILED makes it FAILED, else any CANCELLED makes it CANCELLED, all SUCCESS makes it SUCCESS, any SUCCESS or
 * RUNNING makes it RUNNING, else it is WAITING; its start time is set when it first runs, its end time when it
 * ends. A process that succeeds releases those of its children whose parents have all succeeded; a process that
 * fails fails every process of the graph that has not ended (successful ones keep their result), so nothing of a
 * failed graph runs afterwards. The work is proportional to the children touched (or, on failure, to the graph),
 * never to the colony.
 *
 * <p>Stateless; called only from the apply thread.
 */
final class GraphProgress {
    static final String PARENT_FAILED = "Workflow failed: process <%s> failed";

    private GraphProgress() {
    }

    /**
     * Follows one process of a graph from its stored version to its new one.
     *
     * @param before the version stored before, or null for a new process
     * @param after the version just stored
     */
    static void followed(ApplyContext ctx, ColonyProcess before, ColonyProcess after) {
        if (before != null && before.state() == after.state()) {
            return;
        }
        GraphTables graphs = ctx.state().graphs();
        String graphId = after.processGraphId();
        if (before != null) {
            graphs.addMember(graphId, before.state(), -1);
        }
        graphs.addMember(graphId, after.state(), 1);
        if (before == null && after.state() == ProcessState.WAITING) {
            return; // a new waiting process leaves its graph's state as it is: WAITING, or RUNNING for a child
        }
        Optional<ProcessGraph> stored = graphs.get(graphId);
        if (stored.isEmpty()) {
            return;
        }
        ProcessGraph graph = stored.get();
        int next = stateOf(graphs, graph);
        if (next != graph.state()) {
            graphs.replace(graph, moved(graph, next, ctx.now()));
        }
        if (after.state() == ProcessState.SUCCESS) {
            releaseChildren(ctx, after);
        } else if (after.state() == ProcessState.FAILED && graph.state() != ProcessState.FAILED) {
            failUnended(ctx, graph, after.processId());
        }
    }

    /** The state the rule of protocol 6.5 gives a graph from the counts of its processes' states. */
    static int stateOf(GraphTables graphs, ProcessGraph graph) {
        String id = graph.processGraphId();
        if (graphs.members(id, ProcessState.FAILED) > 0) {
            return ProcessState.FAILED;
        }
        if (graphs.members(id, ProcessState.CANCELLED) > 0) {
            return ProcessState.CANCELLED;
        }
        int succeeded = graphs.members(id, ProcessState.SUCCESS);
        if (succeeded == graph.processIds().size()) {
            return ProcessState.SUCCESS;
        }
        return succeeded > 0 || graphs.members(id, ProcessState.RUNNING) > 0 ? ProcessState.RUNNING
                : ProcessState.WAITING;
    }

    private static ProcessGraph moved(ProcessGraph graph, int next, Instant now) {
        Instant start = next == ProcessState.RUNNING && graph.startTime().equals(GoTime.ZERO) ? now
                : graph.startTime();
        Instant end = ProcessState.isFinal(next) ? now : GoTime.ZERO;
        return graph.withState(next, start, end);
    }

    /** Makes assignable each waiting child all of whose parents have succeeded. */
    private static void releaseChildren(ApplyContext ctx, ColonyProcess succeeded) {
        for (String childId : succeeded.children()) {
            ctx.state().processes().get(childId)
                    .filter(child -> child.state() == ProcessState.WAITING && child.waitForParents())
                    .filter(child -> allSucceeded(ctx, child.parents()))
                    .ifPresent(child -> ProcessLifecycle.store(ctx, child, child.toBuilder().waitForParents(false)));
        }
    }

    private static boolean allSucceeded(ApplyContext ctx, List<String> processIds) {
        return processIds.stream().allMatch(id -> ctx.state().processes().get(id)
                .map(p -> p.state() == ProcessState.SUCCESS).orElse(false));
    }

    /** Fails every process of the graph that is WAITING or RUNNING, naming the process that failed. */
    private static void failUnended(ApplyContext ctx, ProcessGraph graph, String failedId) {
        List<String> errors = List.of(String.format(PARENT_FAILED, failedId));
        for (String id : graph.processIds()) {
            ctx.state().processes().get(id).filter(p -> !ProcessState.isFinal(p.state()))
                    .ifPresent(p -> ProcessLifecycle.finish(ctx, p, ProcessState.FAILED, errors));
        }
    }
}
