package org.colonyos.colonies.sm.state;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.colonyos.colonies.proto.model.ProcessLog;

/**
 * Executor log lines with indexes by process, by executor name and by colony. Every log line has a unique
 * timestamp (the replicated clock moves forward by at least a nanosecond per entry), which is its key.
 *
 * <p>Retention is enforced here, deterministically: a colony keeps at most {@link #MAX_LOGS_PER_COLONY}
 * lines and the oldest go first; removing a process or colony removes its lines.
 *
 * <p>Not synchronised: used under the state machine's lock.
 */
public final class LogTables {
    /** The most log lines a colony keeps; adding one more drops the colony's oldest line. */
    public static final int MAX_LOGS_PER_COLONY = 100_000;

    private final Table<ProcessLog> logs;
    private final Table<String> byProcess;
    private final Table<String> byExecutor;
    private final Table<String> byColony;
    private final Table<String> counters;

    LogTables(ColoniesStore store) {
        logs = store.table("logs", ProcessLog.class);
        byProcess = store.table("logs_by_process", String.class);
        byExecutor = store.table("logs_by_executor", String.class);
        byColony = store.table("logs_by_colony", String.class);
        counters = store.table("log_counters", String.class);
    }

    /** Stores a line, dropping the colony's oldest line when the colony is over its limit. */
    public void add(ProcessLog log) {
        String key = SortKey.ascending(log.timestamp());
        logs.put(key, log);
        if (!log.processId().isEmpty()) {
            byProcess.put(Table.key(log.processId(), key), "");
        }
        byExecutor.put(Table.key(log.executorName(), key), "");
        byColony.put(Table.key(log.colonyName(), key), "");
        counters.addToCount(log.colonyName(), 1);
        if (count(log.colonyName()) > MAX_LOGS_PER_COLONY) {
            byColony.keyStreamUnder(log.colonyName()).findFirst().map(Table::lastPart).flatMap(logs::get)
                    .ifPresent(this::remove);
        }
    }

    /** How many lines a colony holds. */
    public int count(String colonyName) {
        return counters.count(colonyName);
    }

    /** The lines of a process, oldest first. */
    public Stream<ProcessLog> ofProcess(String processId) {
        return resolve(byProcess.keyStreamUnder(processId));
    }

    /** The lines of an executor name, oldest first. */
    public Stream<ProcessLog> ofExecutor(String executorName) {
        return resolve(byExecutor.keyStreamUnder(executorName));
    }

    /** The lines of a colony written at or after a time, oldest first. */
    public Stream<ProcessLog> ofColonySince(String colonyName, long unixNanos) {
        return resolve(byColony.keyStreamBetween(Table.key(colonyName, SortKey.ascending(unixNanos)),
                colonyName + (char) 1));
    }

    /** Removes every line of a process. */
    public void removeProcess(String processId) {
        List<ProcessLog> doomed = ofProcess(processId).toList();
        doomed.forEach(this::remove);
    }

    /** Removes every line of a colony. */
    public void removeColony(String colonyName) {
        List<ProcessLog> doomed = ofColonySince(colonyName, Long.MIN_VALUE).toList();
        doomed.forEach(this::remove);
    }

    private void remove(ProcessLog log) {
        String key = SortKey.ascending(log.timestamp());
        logs.remove(key);
        byProcess.remove(Table.key(log.processId(), key));
        byExecutor.remove(Table.key(log.executorName(), key));
        byColony.remove(Table.key(log.colonyName(), key));
        counters.addToCount(log.colonyName(), -1);
    }

    private Stream<ProcessLog> resolve(Stream<String> indexKeys) {
        return indexKeys.map(Table::lastPart).map(logs::get).flatMap(Optional::stream);
    }
}
