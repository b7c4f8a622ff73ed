package org.colonyos.colonies.http.handlers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessGraph;
import org.colonyos.colonies.proto.model.ProcessState;

/**
 * The display layout of a {@code getprocessgraphmsg} reply (protocol 5.6): a node per process, labelled with its
 * node name and coloured by its state, on the row of its depth (the longest path from a root, 80 px per row),
 * the nodes of a row 200 px apart and centred on x = 0; an edge per parent-child pair, animated while the parent
 * runs. Roots are {@code input} nodes, processes without children {@code output} nodes. Pure; any thread.
 */
final class GraphLayout {
    static final int ROW_HEIGHT = 80;
    static final int COLUMN_WIDTH = 200;

    private GraphLayout() {
    }

    /** The graph with its layout, from its processes in the graph's order. */
    static ProcessGraph of(ProcessGraph graph, List<ColonyProcess> processes) {
        Map<String, Integer> depths = depths(processes);
        Map<Integer, Integer> rowSizes = new HashMap<>();
        depths.values().forEach(depth -> rowSizes.merge(depth, 1, Integer::sum));
        Map<Integer, Integer> placed = new HashMap<>();
        List<ProcessGraph.GraphNode> nodes = new ArrayList<>();
        List<ProcessGraph.GraphEdge> edges = new ArrayList<>();
        for (ColonyProcess process : processes) {
            int depth = depths.get(process.processId());
            int column = placed.merge(depth, 1, Integer::sum) - 1;
            int x = column * COLUMN_WIDTH - (rowSizes.get(depth) - 1) * COLUMN_WIDTH / 2;
            nodes.add(new ProcessGraph.GraphNode(process.processId(),
                    new ProcessGraph.Label(process.spec().nodeName()), new ProcessGraph.Position(x, depth * ROW_HEIGHT),
                    type(process), new ProcessGraph.Style("", colour(process.state()))));
            for (String child : process.children()) {
                edges.add(new ProcessGraph.GraphEdge(process.processId() + "-" + child, process.processId(), child,
                        process.state() == ProcessState.RUNNING));
            }
        }
        return graph.withLayout(nodes, edges);
    }

    /** Longest path from a root, by relaxing in rounds (a graph's depth is small; ends on any input). */
    private static Map<String, Integer> depths(List<ColonyProcess> processes) {
        Map<String, Integer> depths = new HashMap<>();
        processes.forEach(p -> depths.put(p.processId(), 0));
        for (int round = 0; round < processes.size(); round++) {
            boolean changed = false;
            for (ColonyProcess process : processes) {
                int next = depths.get(process.processId()) + 1;
                for (String child : process.children()) {
                    if (depths.containsKey(child) && depths.get(child) < next) {
                        depths.put(child, next);
                        changed = true;
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        return depths;
    }

    private static String type(ColonyProcess process) {
        if (process.parents().isEmpty()) {
            return "input";
        }
        return process.children().isEmpty() ? "output" : "";
    }

    private static String colour(int state) {
        return switch (state) {
            case ProcessState.RUNNING -> "#4689cd";
            case ProcessState.SUCCESS -> "#92d050";
            case ProcessState.FAILED -> "#cb4239";
            case ProcessState.CANCELLED -> "#f5a623";
            default -> "#eee8d8";
        };
    }
}
