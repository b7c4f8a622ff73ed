package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.colonyos.colonies.proto.json.GoTime;

/**
 * A workflow: the processes created from one {@link WorkflowSpec} (or added to it by its running processes) and
 * their combined state (protocol 5.6). {@code processids} lists every process of the graph; {@code nodes} and
 * {@code edges} are a display layout, filled only in a {@code getprocessgraphmsg} reply. Lists are never
 * {@code null}. Immutable.
 */
public record ProcessGraph(
        @JsonProperty("processgraphid") String processGraphId,
        @JsonProperty("initiatorid") String initiatorId,
        @JsonProperty("initiatorname") String initiatorName,
        @JsonProperty("colonyname") String colonyName,
        @JsonProperty("rootprocessids") List<String> rootProcessIds,
        @JsonProperty("state") int state,
        @JsonProperty("submissiontime") Instant submissionTime,
        @JsonProperty("starttime") Instant startTime,
        @JsonProperty("endtime") Instant endTime,
        @JsonProperty("processids") List<String> processIds,
        @JsonProperty("nodes") List<GraphNode> nodes,
        @JsonProperty("edges") List<GraphEdge> edges) {

    public ProcessGraph {
        rootProcessIds = rootProcessIds == null ? List.of() : rootProcessIds;
        submissionTime = submissionTime == null ? GoTime.ZERO : submissionTime;
        startTime = startTime == null ? GoTime.ZERO : startTime;
        endTime = endTime == null ? GoTime.ZERO : endTime;
        processIds = processIds == null ? List.of() : processIds;
        nodes = nodes == null ? List.of() : nodes;
        edges = edges == null ? List.of() : edges;
    }

    /** The graph in another state, with its start and end times as they stand. */
    public ProcessGraph withState(int newState, Instant newStart, Instant newEnd) {
        return new ProcessGraph(processGraphId, initiatorId, initiatorName, colonyName, rootProcessIds, newState,
                submissionTime, newStart, newEnd, processIds, nodes, edges);
    }

    /** The graph with another list of processes. */
    public ProcessGraph withProcessIds(List<String> ids) {
        return new ProcessGraph(processGraphId, initiatorId, initiatorName, colonyName, rootProcessIds, state,
                submissionTime, startTime, endTime, ids, nodes, edges);
    }

    /** The graph with a display layout. */
    public ProcessGraph withLayout(List<GraphNode> layoutNodes, List<GraphEdge> layoutEdges) {
        return new ProcessGraph(processGraphId, initiatorId, initiatorName, colonyName, rootProcessIds, state,
                submissionTime, startTime, endTime, processIds, layoutNodes, layoutEdges);
    }

    /** A node of the display layout: one per process, labelled with its node name, coloured by its state. */
    public record GraphNode(
            @JsonProperty("id") String id,
            @JsonProperty("data") Label data,
            @JsonProperty("position") Position position,
            @JsonProperty("type") String type,
            @JsonProperty("style") Style style) {
    }

    /** The text shown on a node. */
    public record Label(@JsonProperty("label") String label) {
    }

    /** Where a node is drawn, in pixels. */
    public record Position(@JsonProperty("x") int x, @JsonProperty("y") int y) {
    }

    /** How a node is drawn. */
    public record Style(@JsonProperty("color") String color, @JsonProperty("background") String background) {
    }

    /** An edge of the display layout, parent to child; animated while the parent runs. */
    public record GraphEdge(
            @JsonProperty("id") String id,
            @JsonProperty("source") String source,
            @JsonProperty("target") String target,
            @JsonProperty("animated") boolean animated) {
    }
}
