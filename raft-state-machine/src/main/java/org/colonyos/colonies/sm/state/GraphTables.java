package org.colonyos.colonies.sm.state;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.model.ProcessGraph;
import org.colonyos.colonies.proto.model.ProcessState;

/**
 * Process graphs (workflows) and their indexes, kept in step by {@link #add}, {@link #replace} and
 * {@link #remove}:
 * <ul>
 *   <li>{@code (colony, state, submission desc, id)} for listings in the protocol's order (newest first);</li>
 *   <li>a count per (colony, state) for statistics;</li>
 *   <li>a count per (graph, process state) of the graph's processes, so a graph's state follows from a
 *       process transition without reading the graph's other processes ({@link #addMember}).</li>
 * </ul>
 *
 * <p>Not synchronised: used under the state machine's lock like {@link ColoniesState}.
 */
public final class GraphTables {
    private final Table<ProcessGraph> graphs;
    private final Table<String> byState;
    private final Table<String> counters;
    private final Table<String> members;

    GraphTables(ColoniesStore store) {
        graphs = store.table("process_graphs", ProcessGraph.class);
        byState = store.table("graphs_by_state", String.class);
        counters = store.mirroredTable("graph_counters", String.class);
        members = store.table("graph_members", String.class);
    }

    public Optional<ProcessGraph> get(String graphId) {
        return graphs.get(graphId);
    }

    /** Stores a new graph (its id never stored before) and indexes it; returns it as written. */
    public Table.Written add(ProcessGraph graph) {
        Table.Written json = graphs.put(graph.processGraphId(), graph);
        reindex(null, graph);
        return json;
    }

    /** Stores a new version of a graph given the version stored now; returns it as written. */
    public Table.Written replace(ProcessGraph stored, ProcessGraph next) {
        if (!stored.processGraphId().equals(next.processGraphId())) {
            throw new IllegalArgumentException("a graph cannot replace another: " + next.processGraphId());
        }
        Table.Written json = graphs.put(next.processGraphId(), next);
        reindex(stored, next);
        return json;
    }

    /** Removes a graph with its index entries and member counts (its processes are the caller's to remove). */
    public void remove(ProcessGraph stored) {
        graphs.remove(stored.processGraphId());
        reindex(stored, null);
        for (int s = ProcessState.WAITING; s <= ProcessState.CANCELLED; s++) {
            members.remove(Table.key(stored.processGraphId(), Integer.toString(s)));
        }
    }

    /** Ids of a colony's graphs in a state, newest first (lazily read). */
    public Stream<String> inState(String colonyName, int state) {
        return byState.keyStreamUnder(Table.key(colonyName, Integer.toString(state))).map(Table::lastPart);
    }

    /** How many graphs of a colony are in a state. */
    public int count(String colonyName, int state) {
        return counters.count(Table.key(colonyName, Integer.toString(state)));
    }

    /** How many processes of a graph are in a state. */
    public int members(String graphId, int processState) {
        return members.count(Table.key(graphId, Integer.toString(processState)));
    }

    /** Counts a process of a graph into a state ({@code delta} 1) or out of it ({@code delta} -1). */
    public void addMember(String graphId, int processState, int delta) {
        members.addToCount(Table.key(graphId, Integer.toString(processState)), delta);
    }

    private void reindex(ProcessGraph before, ProcessGraph after) {
        IndexEntry.move(indexEntries(before), indexEntries(after));
        Optional<String> oldCount = Optional.ofNullable(before).map(GraphTables::countKey);
        Optional<String> newCount = Optional.ofNullable(after).map(GraphTables::countKey);
        if (!oldCount.equals(newCount)) {
            oldCount.ifPresent(key -> counters.addToCount(key, -1));
            newCount.ifPresent(key -> counters.addToCount(key, 1));
        }
    }

    private static String countKey(ProcessGraph graph) {
        return Table.key(graph.colonyName(), Integer.toString(graph.state()));
    }

    private List<IndexEntry> indexEntries(ProcessGraph graph) {
        if (graph == null) {
            return List.of();
        }
        return List.of(new IndexEntry(byState, Table.key(graph.colonyName(), Integer.toString(graph.state()),
                SortKey.descending(GoTime.toUnixNanos(graph.submissionTime())), graph.processGraphId())));
    }
}
