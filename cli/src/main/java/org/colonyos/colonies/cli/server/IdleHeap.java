package org.colonyos.colonies.cli.server;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a server process give back the heap it no longer needs. The collector keeps what a burst of load, a
 * store rebuilt from a snapshot or a snapshot export made it commit: a node restarted at 100,000 waiting
 * processes stayed at about 700 MB resident with 60 MB of live heap. At start this sets three of the JVM's
 * manageable flags: after {@value #IDLE_SECONDS} s without a collection G1 runs a concurrent one
 * ({@code G1PeriodicGCInterval}), and it shrinks the heap to at most 30 % free ({@code MaxHeapFreeRatio}, with
 * {@code MinHeapFreeRatio} 10). Under load collections run every few seconds, so the periodic one never starts.
 * A flag given on the command line ({@code COLONIES_JAVA_OPTS}) is left as given; a JVM without these flags is
 * left alone.
 *
 * <p>Threading: called once, by the thread that starts the server.
 */
final class IdleHeap {
    private static final Logger LOG = LoggerFactory.getLogger(IdleHeap.class);
    static final int IDLE_SECONDS = 30;

    private IdleHeap() {
    }

    /** The flags and values set at start, in the order they are set (the minimum first: it bounds the maximum). */
    static Map<String, String> defaults() {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("G1PeriodicGCInterval", String.valueOf(IDLE_SECONDS * 1_000L));
        flags.put("MinHeapFreeRatio", "10");
        flags.put("MaxHeapFreeRatio", "30");
        return flags;
    }

    /** Sets each of {@link #defaults()} that still has the JVM's default value. */
    static void apply() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        for (Map.Entry<String, String> flag : defaults().entrySet()) {
            try {
                if (vm.getVMOption(flag.getKey()).getOrigin() == VMOption.Origin.DEFAULT) {
                    vm.setVMOption(flag.getKey(), flag.getValue());
                }
            } catch (IllegalArgumentException e) {
                LOG.debug("JVM flag {} left alone: {}", flag.getKey(), e.getMessage());
            }
        }
    }
}
