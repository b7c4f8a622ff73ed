package org.colonyos.colonies.sm.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.model.Process;
import org.colonyos.colonies.proto.model.ProcessState;

/**
 * Processes and every index the hot paths need, kept in step by {@link #put} and {@link #remove}:
 * <ul>
 *   <li>the assign queue {@code (colony, executorType, prioritytime, id)} of WAITING, unassigned processes
 *       that wait for no parent, so the scheduler reads candidates in order without scanning;</li>
 *   <li>{@code (colony, state, order, id)} for listings in the protocol's order per state;</li>
 *   <li>{@code (colony, submission, id)} for history queries;</li>
 *   <li>{@code (deadline, id)} for the leader's timers: RUNNING processes with an execution limit and
 *       WAITING processes with a waiting limit;</li>
 *   <li>{@code (executorId, id)} of RUNNING processes, to requeue an executor's work when it goes away;</li>
 *   <li>attribute id to process id, and a count per (colony, state) for statistics.</li>
 * </ul>
 *
 * <p>Not synchronised: used under the state machine's lock like {@link ColoniesState}.
 */
public final class ProcessTables {
    private final Table<Process> processes;
    private final Table<String> queue;
    private final Table<String> byState;
    private final Table<String> bySubmission;
    private final Table<String> deadlines;
    private final Table<String> runningByExecutor;
    private final Table<String> attributeIds;
    private final Table<String> counters;

    ProcessTables(ColoniesStore store) {
        processes = store.table("processes", Process.class);
        queue = store.mirroredTable("process_queue", String.class);
        byState = store.table("process_by_state", String.class);
        bySubmission = store.table("process_by_submission", String.class);
        deadlines = store.mirroredTable("process_deadlines", String.class);
        runningByExecutor = store.mirroredTable("process_by_executor", String.class);
        attributeIds = store.table("attribute_ids", String.class);
        counters = store.mirroredTable("process_counters", String.class);
    }

    public Optional<Process> get(String processId) {
        return processes.get(processId);
    }

    /**
     * Stores a process and moves its index entries from the previous version (if any) to this one, writing only
     * the entries that differ (most changes leave most of them in place).
     */
    public void put(Process process) {
        Process previous = processes.get(process.processId()).orElse(null);
        processes.put(process.processId(), process);
        reindex(previous, process);
    }

    /**
     * Stores a new version of a process given the version stored now, exactly as {@link #get} returned it in
     * this apply: saves re-reading it to find the index entries to move.
     */
    public void replace(Process stored, Process next) {
        if (!stored.processId().equals(next.processId())) {
            throw new IllegalArgumentException("a process cannot replace another: " + next.processId());
        }
        processes.put(next.processId(), next);
        reindex(stored, next);
    }

    /** Removes a process with its index entries, given the version stored now (as {@link #get} returned it). */
    public void remove(Process stored) {
        processes.remove(stored.processId());
        reindex(stored, null);
    }

    /** Ids of the assignable processes of a colony and executor type, best first (lazily read). */
    public Stream<String> queued(String colonyName, String executorType) {
        return queue.keyStreamUnder(Table.key(colonyName, executorType)).map(Table::lastPart);
    }

    /** Ids of a colony's processes in a state, in the protocol's order for that state (lazily read). */
    public Stream<String> inState(String colonyName, int state) {
        return byState.keyStreamUnder(Table.key(colonyName, Integer.toString(state))).map(Table::lastPart);
    }

    /** Ids of a colony's processes submitted at or after a time, oldest first (lazily read). */
    public Stream<String> submittedSince(String colonyName, long unixNanos) {
        String prefix = Table.key(colonyName, "");
        return bySubmission.keyStreamBetween(prefix + SortKey.ascending(unixNanos), colonyName + (char) 1)
                .map(Table::lastPart);
    }

    /** Ids of processes whose deadline is at or before a time, earliest first, at most {@code limit}. */
    public List<String> dueAt(long unixNanos, int limit) {
        return deadlines.keyStreamBetween("", SortKey.ascending(unixNanos) + (char) 1).limit(limit)
                .map(Table::lastPart).toList();
    }

    /** Ids of the processes an executor is running. */
    public List<String> runningOn(String executorId) {
        return runningByExecutor.keyStreamUnder(executorId).map(Table::lastPart).toList();
    }

    /** The process an attribute belongs to. */
    public Optional<String> processOfAttribute(String attributeId) {
        return attributeIds.get(attributeId);
    }

    /** How many processes of a colony are in a state. */
    public int count(String colonyName, int state) {
        return counters.count(countKey(colonyName, state));
    }

    private static String countKey(String colonyName, int state) {
        return Table.key(colonyName, Integer.toString(state));
    }

    /** Moves the index entries and the state count of {@code before} to those of {@code after}; either may be null. */
    private void reindex(Process before, Process after) {
        IndexEntry.move(indexEntries(before), indexEntries(after));
        Optional<String> oldCount = Optional.ofNullable(before).map(p -> countKey(p.colonyName(), p.state()));
        Optional<String> newCount = Optional.ofNullable(after).map(p -> countKey(p.colonyName(), p.state()));
        if (!oldCount.equals(newCount)) {
            oldCount.ifPresent(key -> counters.addToCount(key, -1));
            newCount.ifPresent(key -> counters.addToCount(key, 1));
        }
    }

    /** The index entries of a process version (none for null). */
    private List<IndexEntry> indexEntries(Process p) {
        if (p == null) {
            return List.of();
        }
        String id = p.processId();
        String colony = p.colonyName();
        List<IndexEntry> entries = new ArrayList<>();
        entries.add(new IndexEntry(byState, Table.key(colony, Integer.toString(p.state()), stateOrder(p), id)));
        entries.add(new IndexEntry(bySubmission, Table.key(colony, SortKey.ascending(nanos(p.submissionTime())),
                id)));
        if (isQueued(p)) {
            entries.add(new IndexEntry(queue, Table.key(colony, p.executorType(), SortKey.ascending(p.priorityTime()),
                    id)));
        }
        deadline(p).ifPresent(due -> entries.add(new IndexEntry(deadlines, Table.key(SortKey.ascending(due), id))));
        if (p.state() == ProcessState.RUNNING && p.isAssigned()) {
            entries.add(new IndexEntry(runningByExecutor, Table.key(p.assignedExecutorId(), id)));
        }
        p.attributes().forEach(attribute -> entries.add(new IndexEntry(attributeIds, attribute.attributeId(), id)));
        return entries;
    }

    /** True when the scheduler may hand the process out. */
    public static boolean isQueued(Process p) {
        return p.state() == ProcessState.WAITING && !p.isAssigned() && !p.waitForParents();
    }

    /**
     * The instant (Unix nanoseconds) at which a timer must look at the process: the execution deadline of a
     * RUNNING process whose {@code maxexectime} is not -1 (a zero deadline is due at once, as in Go), or the
     * waiting deadline of a WAITING process with {@code maxwaittime > 0}.
     */
    public static Optional<Long> deadline(Process p) {
        if (p.state() == ProcessState.RUNNING && p.spec().maxExecTime() != -1) {
            return Optional.of(nanos(p.execDeadline()));
        }
        if (p.state() == ProcessState.WAITING && p.spec().maxWaitTime() > 0) {
            return Optional.of(nanos(p.waitDeadline()));
        }
        return Optional.empty();
    }

    private static String stateOrder(Process p) {
        return switch (p.state()) {
            case ProcessState.WAITING -> SortKey.ascending(p.priorityTime());
            case ProcessState.RUNNING -> SortKey.ascending(nanos(p.startTime()));
            default -> SortKey.descending(nanos(p.endTime()));
        };
    }

    private static long nanos(Instant time) {
        return GoTime.toUnixNanos(time);
    }
}
