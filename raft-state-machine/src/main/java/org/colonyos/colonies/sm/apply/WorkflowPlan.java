package org.colonyos.colonies.sm.apply;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.sm.Rejection;

/**
 * The dependency graph of a workflow's function specs, checked before anything is stored: every spec has a
 * unique {@code nodename}, every dependency names one of them, and the dependencies form no cycle. Positions
 * refer to the specs' order in the workflow; parents keep the order of {@code dependencies} (duplicates
 * dropped), children the order of the specs.
 *
 * <p>Immutable and deterministic.
 *
 * @param parents the positions of each spec's parents
 * @param children the positions of each spec's children
 */
record WorkflowPlan(List<List<Integer>> parents, List<List<Integer>> children) {
    static final String MISSING_NODENAME = "Nodename is missing, check function spec for errors";
    static final String UNKNOWN_DEPENDENCY = "Failed to submit workflow, invalid dependencies, are you depending "
            + "on a nodename that does not exits?";

    /**
     * The plan of a workflow's specs.
     *
     * @throws Rejection 400 for no specs or a cycle, 500 (the Go server's status and texts) for a missing or
     *         duplicate node name or an unknown dependency
     */
    static WorkflowPlan of(List<FunctionSpec> specs) {
        if (specs.isEmpty()) {
            throw Rejection.badRequest("Failed to submit workflow, the workflow has no function specs");
        }
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i) == null) {
                throw Rejection.badRequest("Failed to submit workflow, function spec " + i + " is null");
            }
        }
        Map<String, Integer> positions = positions(specs);
        List<List<Integer>> parents = new ArrayList<>();
        List<List<Integer>> children = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            children.add(new ArrayList<>());
        }
        for (int i = 0; i < specs.size(); i++) {
            List<Integer> mine = new ArrayList<>();
            List<String> dependencies = specs.get(i).conditions().dependencies();
            for (String name : dependencies == null ? List.<String>of() : dependencies) {
                Integer parent = name == null ? null : positions.get(name);
                if (parent == null) {
                    throw Rejection.internal(UNKNOWN_DEPENDENCY);
                }
                if (!mine.contains(parent)) {
                    mine.add(parent);
                }
            }
            parents.add(List.copyOf(mine));
        }
        for (int i = 0; i < specs.size(); i++) {
            for (int parent : parents.get(i)) {
                children.get(parent).add(i);
            }
        }
        requireAcyclic(specs, parents, children);
        return new WorkflowPlan(List.copyOf(parents), children.stream().map(List::copyOf).toList());
    }

    private static Map<String, Integer> positions(List<FunctionSpec> specs) {
        Map<String, Integer> positions = new TreeMap<>();
        for (int i = 0; i < specs.size(); i++) {
            String name = specs.get(i).nodeName();
            if (name == null || name.isEmpty()) {
                throw Rejection.internal(MISSING_NODENAME);
            }
            if (positions.putIfAbsent(name, i) != null) {
                throw Rejection.internal("Duplicate nodename: " + name);
            }
        }
        return positions;
    }

    /** Kahn's algorithm in spec order: the specs left unreached lie on or behind a cycle. */
    private static void requireAcyclic(List<FunctionSpec> specs, List<List<Integer>> parents,
            List<List<Integer>> children) {
        int[] waitingFor = new int[specs.size()];
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < specs.size(); i++) {
            waitingFor[i] = parents.get(i).size();
            if (waitingFor[i] == 0) {
                ready.add(i);
            }
        }
        int reached = 0;
        while (!ready.isEmpty()) {
            reached++;
            for (int child : children.get(ready.poll())) {
                if (--waitingFor[child] == 0) {
                    ready.add(child);
                }
            }
        }
        if (reached < specs.size()) {
            for (int i = 0; i < specs.size(); i++) {
                if (waitingFor[i] > 0) {
                    throw Rejection.badRequest("Failed to submit workflow, invalid dependencies, the dependencies "
                            + "of <" + specs.get(i).nodeName() + "> lead into a cycle");
                }
            }
        }
    }

    /** Positions of the specs without parents, in spec order. */
    List<Integer> roots() {
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < parents.size(); i++) {
            if (parents.get(i).isEmpty()) {
                roots.add(i);
            }
        }
        return roots;
    }
}
