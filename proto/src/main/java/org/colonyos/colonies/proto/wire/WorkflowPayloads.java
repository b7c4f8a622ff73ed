package org.colonyos.colonies.proto.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.WorkflowSpec;

/** Payloads of the workflow domain (protocol 4.7). */
public final class WorkflowPayloads {
    private WorkflowPayloads() {
    }

    /** {@code submitworkflowspecmsg}. */
    public record SubmitWorkflowSpec(@JsonProperty("spec") WorkflowSpec spec) implements Payload {
    }

    /**
     * {@code getprocessgraphmsg}, {@code removeprocessgraphmsg} and {@code cancelprocessgraphmsg} ({@code all} is
     * ignored).
     */
    public record ProcessGraphRef(
            @JsonProperty("processgraphid") String processGraphId,
            @JsonProperty("all") boolean all) implements Payload {
    }

    /** {@code getprocessgraphsmsg}: graphs of a colony in a state, newest first, at most {@code count}. */
    public record GetProcessGraphs(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("count") int count,
            @JsonProperty("state") int state) implements Payload {
    }

    /** {@code removeallprocessgraphsmsg}: state -1 all, 0/2/3/4 one state; a missing state means WAITING. */
    public record RemoveAllProcessGraphs(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("state") int state) implements Payload {
    }

    /**
     * {@code addchildmsg}: a running process of a graph adds a process after itself; {@code insert} puts it between
     * the parent and all the parent's children, else it is appended (and, with {@code childprocessid}, also
     * becomes a parent of that child).
     */
    public record AddChild(
            @JsonProperty("processgraphid") String processGraphId,
            @JsonProperty("parentprocessid") String parentProcessId,
            @JsonProperty("childprocessid") String childProcessId,
            @JsonProperty("spec") FunctionSpec spec,
            @JsonProperty("insert") boolean insert) implements Payload {
    }
}
