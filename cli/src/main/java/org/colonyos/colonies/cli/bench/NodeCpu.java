package org.colonyos.colonies.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.colonyos.colonies.cli.server.ClusterProcesses;
import org.colonyos.colonies.cli.server.ThreadRoles;

/**
 * Where the CPU of each node process of a deployed bench goes over the measured window: the node's CPU time
 * (exact, from the OS, between {@link #start} and {@link #stop}) and its split by thread role (from thread dumps
 * taken just before the window and just after it, so the split covers a second or two more than the window).
 *
 * <p>Not thread-safe: the bench's measuring thread.
 */
final class NodeCpu {
    private final ClusterProcesses nodes;
    private final List<Optional<Map<String, Double>>> threadsAtStart;
    private final long[] cpuAtStart;
    private final long[] cpuUsed;

    private NodeCpu(ClusterProcesses nodes, List<Optional<Map<String, Double>>> threadsAtStart) {
        this.nodes = nodes;
        this.threadsAtStart = threadsAtStart;
        this.cpuAtStart = new long[nodes.size()];
        this.cpuUsed = new long[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            cpuAtStart[i] = nodes.cpuNanos(i);
        }
    }

    /** Takes each node's thread dump, then starts the window. */
    static NodeCpu start(ClusterProcesses nodes) throws InterruptedException {
        List<Optional<Map<String, Double>>> threads = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            threads.add(threadCpu(nodes, i));
        }
        return new NodeCpu(nodes, threads);
    }

    /** Ends the window; returns the CPU time all nodes used in it, in nanoseconds. */
    long stop() {
        long total = 0;
        for (int i = 0; i < nodes.size(); i++) {
            cpuUsed[i] = nodes.cpuNanos(i) - cpuAtStart[i];
            total += cpuUsed[i];
        }
        return total;
    }

    /** Prints one line per node: its CPU a cycle, and that split by thread role (dumps taken now). */
    void print(PrintWriter out, long cycles, String leader) throws InterruptedException {
        for (int i = 0; i < nodes.size(); i++) {
            double msPerCycle = cycles == 0 ? 0 : cpuUsed[i] / 1e6 / cycles;
            Optional<Map<String, Double>> before = threadsAtStart.get(i);
            Optional<Map<String, Double>> after = threadCpu(nodes, i);
            String split = before.isPresent() && after.isPresent()
                    ? ThreadRoles.perCycle(before.get(), after.get(), msPerCycle) : "no thread dump (jcmd)";
            String node = nodes.nodeId(i) + (nodes.nodeId(i).equals(leader) ? " (leader)" : "");
            out.printf("node %-13s %.2f ms cpu/cycle: %s%n", node, msPerCycle, split);
        }
    }

    private static Optional<Map<String, Double>> threadCpu(ClusterProcesses nodes, int index)
            throws InterruptedException {
        try {
            return nodes.threadCpu(index);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
