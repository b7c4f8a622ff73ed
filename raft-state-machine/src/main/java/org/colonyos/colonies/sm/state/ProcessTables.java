package org.colonyos.colonies.sm.state;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.model.Attribute;
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
        processes = new Table<>(store.raw("processes"), Process.class);
        queue = new Table<>(store.raw("process_queue"), String.class);
        byState = new Table<>(store.raw("process_by_state"), String.class);
        bySubmission = new Table<>(store.raw("process_by_submission"), String.class);
        deadlines = new Table<>(store.raw("process_deadlines"), String.class);
        runningByExecutor = new Table<>(store.raw("process_by_executor"), String.class);
        attributeIds = new Table<>(store.raw("attribute_ids"), String.class);
        counters = new Table<>(store.raw("process_counters"), String.class);
    }

    public Optional<Process> get(String processId) {
        return processes.get(processId);
    }

    /** Stores a process and moves its index entries from the previous version (if any) to this one. */
    public void put(Process process) {
        processes.get(process.processId()).ifPresent(this::unindex);
        processes.put(process.processId(), process);
        index(process);
    }

    /** Removes a process with its index entries. */
    public void remove(Process process) {
        processes.get(process.processId()).ifPresent(this::unindex);
        processes.remove(process.processId());
    }

    /** Ids of the assignable processes of a colony and executor type, best first (lazily read). */
    public Stream<String> queued(String colonyName, String executorType) {
        return queue.keyStreamUnder(Table.key(colonyName, executorType)).map(ProcessTables::lastPart);
    }

    /** Ids of a colony's processes in a state, in the protocol's order for that state (lazily read). */
    public Stream<String> inState(String colonyName, int state) {
        return byState.keyStreamUnder(Table.key(colonyName, Integer.toString(state))).map(ProcessTables::lastPart);
    }

    /** Ids of a colony's processes submitted at or after a time, oldest first (lazily read). */
    public Stream<String> submittedSince(String colonyName, long unixNanos) {
        String prefix = Table.key(colonyName, "");
        return bySubmission.keyStreamBetween(prefix + SortKey.ascending(unixNanos), colonyName + (char) 1)
                .map(ProcessTables::lastPart);
    }

    /** Ids of processes whose deadline is at or before a time, earliest first, at most {@code limit}. */
    public List<String> dueAt(long unixNanos, int limit) {
        return deadlines.keyStreamBetween("", SortKey.ascending(unixNanos) + (char) 1).limit(limit)
                .map(ProcessTables::lastPart).toList();
    }

    /** Ids of the processes an executor is running. */
    public List<String> runningOn(String executorId) {
        return runningByExecutor.keyStreamUnder(executorId).map(ProcessTables::lastPart).toList();
    }

    /** The process an attribute belongs to. */
    public Optional<String> processOfAttribute(String attributeId) {
        return attributeIds.get(attributeId);
    }

    /** How many processes of a colony are in a state. */
    public int count(String colonyName, int state) {
        return counters.get(Table.key(colonyName, Integer.toString(state))).map(Integer::parseInt).orElse(0);
    }

    private void index(Process p) {
        for (String key : indexKeys(p)) {
            tableOf(key).put(key.substring(2), "");
        }
        for (Attribute attribute : p.attributes()) {
            attributeIds.put(attribute.attributeId(), p.processId());
        }
        addToCount(p, 1);
    }

    private void unindex(Process p) {
        for (String key : indexKeys(p)) {
            tableOf(key).remove(key.substring(2));
        }
        for (Attribute attribute : p.attributes()) {
            attributeIds.remove(attribute.attributeId());
        }
        addToCount(p, -1);
    }

    private void addToCount(Process p, int delta) {
        String key = Table.key(p.colonyName(), Integer.toString(p.state()));
        int next = count(p.colonyName(), p.state()) + delta;
        if (next == 0) {
            counters.remove(key);
        } else {
            counters.put(key, Integer.toString(next));
        }
    }

    /** Index keys, each prefixed with a one-letter table tag and a separator. */
    private static List<String> indexKeys(Process p) {
        String id = p.processId();
        String colony = p.colonyName();
        Stream.Builder<String> keys = Stream.builder();
        keys.add("s" + Table.SEPARATOR + Table.key(colony, Integer.toString(p.state()), stateOrder(p), id));
        keys.add("h" + Table.SEPARATOR + Table.key(colony, SortKey.ascending(nanos(p.submissionTime())), id));
        if (isQueued(p)) {
            keys.add("q" + Table.SEPARATOR + Table.key(colony, p.executorType(),
                    SortKey.ascending(p.priorityTime()), id));
        }
        deadline(p).ifPresent(due -> keys.add("d" + Table.SEPARATOR + Table.key(SortKey.ascending(due), id)));
        if (p.state() == ProcessState.RUNNING && p.isAssigned()) {
            keys.add("e" + Table.SEPARATOR + Table.key(p.assignedExecutorId(), id));
        }
        return keys.build().toList();
    }

    private Table<String> tableOf(String taggedKey) {
        return switch (taggedKey.charAt(0)) {
            case 's' -> byState;
            case 'h' -> bySubmission;
            case 'q' -> queue;
            case 'd' -> deadlines;
            case 'e' -> runningByExecutor;
            default -> throw new IllegalStateException("unknown index tag " + taggedKey.charAt(0));
        };
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

    private static long nanos(java.time.Instant time) {
        return GoTime.toUnixNanos(time);
    }

    private static String lastPart(String key) {
        return key.substring(key.lastIndexOf(Table.SEPARATOR) + 1);
    }
}
