package org.colonyos.colonies.cli.server;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A server process's CPU time by the role of its threads, read from a thread dump ({@code jcmd <pid>
 * Thread.print}, whose thread lines carry {@code cpu=...ms}): the HTTP event loops, the JIT compilers, apply,
 * the Raft log, the rest of Raft, snapshots, the collector, and the rest. Two dumps tell where a node's CPU went
 * between them.
 *
 * <p>Stateless and thread-safe.
 */
public final class ThreadRoles {
    /** A thread line of a dump: its quoted name, then (among other fields) its CPU time. */
    private static final Pattern THREAD = Pattern.compile("^\"(.*)\" .*\\bcpu=([0-9.]+)ms\\b");
    /** The roles by a part of the thread name, the first match wins; every other thread is {@code other}. */
    private static final List<Map.Entry<String, String>> ROLES = List.of(
            Map.entry("StateMachineUpdater", "apply"),
            Map.entry("SegmentedRaftLogWorker", "raft-log"),
            Map.entry("@group-", "raft"),
            Map.entry("-client-thread", "raft"),
            Map.entry("grpc", "raft"),
            Map.entry("multiThreadIoEventLoopGroup", "http"),
            Map.entry("CompilerThread", "jit"),
            Map.entry("GC Thread", "gc"),
            Map.entry("G1 ", "gc"),
            Map.entry("-snapshot", "snapshot"));

    private ThreadRoles() {
    }

    /** The CPU milliseconds of a thread dump's threads, summed by role. */
    public static Map<String, Double> cpuByRole(String threadDump) {
        Map<String, Double> byRole = new TreeMap<>();
        threadDump.lines().forEach(line -> {
            Matcher thread = THREAD.matcher(line);
            if (thread.find()) {
                byRole.merge(role(thread.group(1)), Double.parseDouble(thread.group(2)), Double::sum);
            }
        });
        return byRole;
    }

    /** The role of a thread, by its name. */
    public static String role(String threadName) {
        return ROLES.stream().filter(role -> threadName.contains(role.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("other");
    }

    /**
     * Each role's share of the CPU used between two dumps, as milliseconds a cycle of {@code msPerCycle} (the
     * process's CPU a cycle, measured apart), largest first: {@code http 0.66, jit 0.37, apply 0.32, ...}.
     */
    public static String perCycle(Map<String, Double> before, Map<String, Double> after, double msPerCycle) {
        Map<String, Double> used = new TreeMap<>();
        after.forEach((role, ms) -> used.put(role, ms - before.getOrDefault(role, 0.0)));
        double total = used.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total <= 0) {
            return "no CPU used";
        }
        return used.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(role -> String.format(Locale.ROOT, "%s %.2f", role.getKey(), role.getValue() / total * msPerCycle))
                .collect(Collectors.joining(", "));
    }
}
