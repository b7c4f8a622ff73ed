package org.colonyos.colonies.sm.scheduler;

import java.util.List;
import java.util.Optional;
import org.colonyos.colonies.proto.model.Conditions;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.Resources;
import org.colonyos.colonies.sm.state.ProcessTables;

/**
 * Which process an executor gets (protocol 6.1): the first process in the colony's queue for the executor's
 * type, in {@code prioritytime} order (higher priority first, then first-in first-out), that the executor
 * may run: no executor names or the executor's name among them, location empty or the executor's
 * (ignoring case), CPU and memory within what the executor offers, and node/process counts within 127.
 *
 * <p>Pure and deterministic: reads the state's sorted indexes only. Safe under the state lock.
 */
public final class Scheduler {
    private static final int MAX_COUNT = 127;

    private Scheduler() {
    }

    /** The process to assign, if any; {@code cpuMillis}/{@code memMiB} of -1 mean unlimited. */
    public static Optional<ColonyProcess> pick(ProcessTables processes, Executor executor, String colonyName,
            long cpuMillis, long memMiB) {
        return processes.queued(colonyName, executor.executorType())
                .map(processes::get)
                .flatMap(Optional::stream)
                .filter(p -> matches(p, executor, cpuMillis, memMiB))
                .findFirst();
    }

    /** True when the executor may run the process, given what it offers. */
    public static boolean matches(ColonyProcess process, Executor executor, long cpuMillis, long memMiB) {
        Conditions c = process.spec().conditions();
        List<String> names = c.executorNames();
        if (names != null && !names.isEmpty() && !names.contains(executor.executorName())) {
            return false;
        }
        String location = c.locationName() == null ? "" : c.locationName();
        String executorLocation = executor.locationName() == null ? "" : executor.locationName();
        if (!location.isEmpty() && !location.equalsIgnoreCase(executorLocation)) {
            return false;
        }
        if (c.nodes() > MAX_COUNT || c.processes() > MAX_COUNT || c.processesPerNode() > MAX_COUNT) {
            return false;
        }
        long cpu = Resources.specCpuMillis(c.cpu());
        long mem = Resources.memMiB(c.mem(), 0).orElse(0L);
        return (cpuMillis == Resources.UNLIMITED || cpu <= cpuMillis)
                && (memMiB == Resources.UNLIMITED || mem <= memMiB);
    }
}
