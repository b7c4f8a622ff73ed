package org.colonyos.colonies.sm;

import java.util.ArrayList;
import java.util.List;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.WorkflowSpec;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ProcessPayloads;
import org.colonyos.colonies.proto.wire.WorkflowPayloads;

/** Builders of workflow log entries for tests, signed like {@link Commands}' (with the ids the leader would make). */
public final class Workflows {
    private Workflows() {
    }

    /** A spec of a workflow node for executor type {@code cli} that depends on {@code parents}. */
    public static FunctionSpec node(String colony, String name, String... parents) {
        return FunctionSpec.of(colony, "cli", "f-" + name, List.of()).withNodeName(name).dependingOn(parents);
    }

    /** The diamond a → b, c → d. */
    public static List<FunctionSpec> diamond(String colony) {
        return List.of(node(colony, "a"), node(colony, "b", "a"), node(colony, "c", "a"), node(colony, "d", "b", "c"));
    }

    public static LogEntry submit(String prvKey, long time, String graphId, String colony, List<FunctionSpec> specs) {
        return Commands.request(prvKey, PayloadType.SUBMIT_WORKFLOW_SPEC, new WorkflowPayloads.SubmitWorkflowSpec(
                new WorkflowSpec(colony, new ArrayList<>(specs)))).setGeneratedId(graphId)
                .setLeaderTimeUnixNanos(time).build();
    }

    public static LogEntry assign(String prvKey, long time, String colony) {
        return Commands.signed(prvKey, time, PayloadType.ASSIGN_PROCESS,
                new ProcessPayloads.AssignProcess(colony, -1, "", ""));
    }

    public static LogEntry close(String prvKey, long time, String processId, List<Object> out) {
        return Commands.signed(prvKey, time, PayloadType.CLOSE_SUCCESSFUL,
                new ProcessPayloads.ProcessOutput(processId, out));
    }

    public static LogEntry fail(String prvKey, long time, String processId) {
        return Commands.signed(prvKey, time, PayloadType.CLOSE_FAILED,
                new ProcessPayloads.CloseFailed(processId, List.of("broken")));
    }

    public static LogEntry addChild(String prvKey, long time, String childId, String graphId, String parentId,
            String extraChildId, FunctionSpec spec, boolean insert) {
        return Commands.request(prvKey, PayloadType.ADD_CHILD, new WorkflowPayloads.AddChild(graphId, parentId,
                extraChildId, spec, insert)).setGeneratedId(childId).setLeaderTimeUnixNanos(time).build();
    }

    public static LogEntry cancel(String prvKey, long time, String graphId) {
        return Commands.signed(prvKey, time, PayloadType.CANCEL_PROCESS_GRAPH,
                new WorkflowPayloads.ProcessGraphRef(graphId, false));
    }

    public static LogEntry remove(String prvKey, long time, String graphId) {
        return Commands.signed(prvKey, time, PayloadType.REMOVE_PROCESS_GRAPH,
                new WorkflowPayloads.ProcessGraphRef(graphId, false));
    }

    public static LogEntry removeAll(String prvKey, long time, String colony, int state) {
        return Commands.signed(prvKey, time, PayloadType.REMOVE_ALL_PROCESS_GRAPHS,
                new WorkflowPayloads.RemoveAllProcessGraphs(colony, state));
    }
}
