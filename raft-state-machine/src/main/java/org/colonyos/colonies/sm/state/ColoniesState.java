package org.colonyos.colonies.sm.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.colonyos.colonies.config.PeerAddress;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Cron;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.ExecutorState;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.proto.model.User;

/**
 * The domain view of the replicated state: colonies, executors, users, the server owner id and the
 * replicated clock, with the indexes the hot paths need (executors and users by id). Every lookup is a
 * B-tree access; nothing scans all rows.
 *
 * <p>Not synchronised: the state machine calls mutators only from the apply thread under its write lock, and
 * readers hold its read lock.
 */
public final class ColoniesState {
    private static final String SERVER_ID = "server_id";
    private static final String CLOCK = "clock_unix_nanos";
    private static final String APPLIED_INDEX = "applied_index";
    private static final String APPLIED_TERM = "applied_term";
    private static final String MEMBER = "member";

    private final ColoniesStore store;
    private final Table<String> meta;
    /** Addresses of members added at run time, kept in {@code meta} under {@code member}. */
    private final Table<PeerAddress> members;
    private final Table<String> applied;
    private final Table<Colony> colonies;
    private final Table<Executor> executors;
    private final Table<String> executorIds;
    private final Table<User> users;
    private final Table<String> userIds;
    private final Table<String> executorLiveness;
    private final ProcessTables processes;
    private final LogTables logs;
    private final FunctionTables functions;
    private final GraphTables graphs;
    private final CronTables crons;
    private final GeneratorTables generators;
    private final FileTables files;
    private final CatalogTables catalog;
    private final BlueprintTables blueprints;

    public ColoniesState(ColoniesStore store) {
        this.store = store;
        this.meta = store.table("meta", String.class);
        this.members = store.table("meta", PeerAddress.class);
        this.applied = store.table(ColoniesStore.BOOKKEEPING, String.class);
        this.colonies = store.table("colonies", Colony.class);
        this.executors = store.mirroredTable("executors", Executor.class);
        this.executorIds = store.mirroredTable("executor_ids", String.class);
        this.users = store.table("users", User.class);
        this.userIds = store.mirroredTable("user_ids", String.class);
        this.executorLiveness = store.mirroredTable("executor_liveness", String.class);
        this.processes = new ProcessTables(store);
        this.logs = new LogTables(store);
        this.functions = new FunctionTables(store);
        this.graphs = new GraphTables(store);
        this.crons = new CronTables(store);
        this.generators = new GeneratorTables(store);
        this.files = new FileTables(store);
        this.catalog = new CatalogTables(store);
        this.blueprints = new BlueprintTables(store);
    }

    public ProcessTables processes() {
        return processes;
    }

    public GraphTables graphs() {
        return graphs;
    }

    public BlueprintTables blueprints() {
        return blueprints;
    }

    /** Locations and channels. */
    public CatalogTables catalog() {
        return catalog;
    }

    public FileTables files() {
        return files;
    }

    public CronTables crons() {
        return crons;
    }

    public GeneratorTables generators() {
        return generators;
    }

    /**
     * Whether a cron may start a run: false while it waits for its previous graph and that graph (still stored)
     * has neither succeeded nor failed.
     */
    public boolean cronMayRun(Cron cron) {
        if (!cron.waitForPrevProcessGraph() || cron.prevProcessGraphId().isEmpty()) {
            return true;
        }
        return graphs.get(cron.prevProcessGraphId())
                .map(g -> g.state() == ProcessState.SUCCESS || g.state() == ProcessState.FAILED).orElse(true);
    }

    public LogTables logs() {
        return logs;
    }

    public FunctionTables functions() {
        return functions;
    }

    public ColoniesStore store() {
        return store;
    }

    // ---- server and bookkeeping ----

    /** The server owner id, or empty when none was ever set. */
    public String serverId() {
        return meta.get(SERVER_ID).orElse("");
    }

    public void setServerId(String id) {
        meta.put(SERVER_ID, id);
    }

    /**
     * The replicated clock: the time of the last applied entry (never goes backwards). Kept with the log
     * bookkeeping: it moves with every entry, so it is exported with snapshots but not part of the digest.
     */
    public Instant clock() {
        return applied.get(CLOCK).map(nanos -> GoTime.ofUnixNanos(Long.parseLong(nanos))).orElse(GoTime.ZERO);
    }

    /**
     * Advances the replicated clock to {@code max(clock + 1 ns, leaderTime)} and returns it. Every entry thus
     * gets a distinct, increasing time: submissions of equal priority order strictly first-in first-out, and
     * log lines have unique timestamps.
     */
    public Instant advanceClock(long leaderTimeUnixNanos) {
        long current = applied.get(CLOCK).map(Long::parseLong).orElse(Long.MIN_VALUE);
        long next = Math.max(current == Long.MIN_VALUE ? current : current + 1, leaderTimeUnixNanos);
        applied.put(CLOCK, Long.toString(next));
        return GoTime.ofUnixNanos(next);
    }

    // ---- cluster members added at run time ----

    /** The addresses recorded by {@code addclustermembermsg}, in node id order. */
    public List<PeerAddress> addedMembers() {
        return members.valuesUnder(MEMBER);
    }

    public void putAddedMember(PeerAddress member) {
        members.put(Table.key(MEMBER, member.id()), member);
    }

    public void removeAddedMember(String nodeId) {
        members.remove(Table.key(MEMBER, nodeId));
    }

    // ---- assignment pauses ----

    public boolean isPaused(String colonyName) {
        return meta.get(Table.key("paused", colonyName)).isPresent();
    }

    public void setPaused(String colonyName, boolean paused) {
        if (paused) {
            meta.put(Table.key("paused", colonyName), "");
        } else {
            meta.remove(Table.key("paused", colonyName));
        }
    }

    /** Index of the last applied log entry (0 if none). */
    public long appliedIndex() {
        return applied.get(APPLIED_INDEX).map(Long::parseLong).orElse(0L);
    }

    /** Term of the last applied log entry (0 if none). */
    public long appliedTerm() {
        return applied.get(APPLIED_TERM).map(Long::parseLong).orElse(0L);
    }

    public void setApplied(long term, long index) {
        applied.put(APPLIED_TERM, Long.toString(term));
        applied.put(APPLIED_INDEX, Long.toString(index));
    }

    // ---- colonies ----

    public Optional<Colony> colony(String name) {
        return colonies.get(name);
    }

    /** All colonies, ordered by name. */
    public List<Colony> colonies() {
        return colonies.values();
    }

    public void putColony(Colony colony) {
        colonies.put(colony.name(), colony);
    }

    public void removeColony(String name) {
        colonies.remove(name);
    }

    // ---- executors ----

    public Optional<Executor> executor(String colonyName, String executorName) {
        return executors.get(Table.key(colonyName, executorName));
    }

    /** The executors of a colony, ordered by name (every state, including UNREGISTERED). */
    public List<Executor> executorsOf(String colonyName) {
        return executors.valuesUnder(colonyName);
    }

    /**
     * The executor registered with this id; when a key was registered more than once, the first in
     * (colony, name) order, deterministically.
     */
    public Optional<Executor> executorById(String executorId) {
        return firstExecutorIndexedUnder(executorId, executorId);
    }

    /** Whether any executor, in any colony and state, has this id (from the id index alone, nothing decoded). */
    public boolean hasExecutorId(String executorId) {
        return executorIds.keyStreamUnder(executorId).findFirst().isPresent();
    }

    /** The executor of a colony registered with this id (the first by name if the key is registered twice). */
    public Optional<Executor> executorById(String colonyName, String executorId) {
        return firstExecutorIndexedUnder(Table.key(executorId, colonyName), executorId);
    }

    /** The first executor of the id index under a prefix; index keys are {@code id, colony, name}. */
    private Optional<Executor> firstExecutorIndexedUnder(String prefix, String executorId) {
        return executorIds.keyStreamUnder(prefix).findFirst()
                .flatMap(ref -> executors.get(ref.substring(executorId.length() + 1)));
    }

    /** Stores an executor, keeping the id and liveness indexes in step with the previous version (if any). */
    public void putExecutor(Executor executor) {
        String key = Table.key(executor.colonyName(), executor.executorName());
        Executor previous = executors.get(key).orElse(null);
        executors.put(key, executor);
        IndexEntry.move(executorIndexEntries(previous), executorIndexEntries(executor));
    }

    public void removeExecutor(Executor executor) {
        String key = Table.key(executor.colonyName(), executor.executorName());
        Executor previous = executors.get(key).orElse(null);
        executors.remove(key);
        IndexEntry.move(executorIndexEntries(previous), List.of());
    }

    /** The id and liveness index entries of an executor version (none for null). */
    private List<IndexEntry> executorIndexEntries(Executor e) {
        if (e == null) {
            return List.of();
        }
        IndexEntry byId = new IndexEntry(executorIds, Table.key(e.executorId(), e.colonyName(), e.executorName()));
        return livenessNanos(e).map(heard -> List.of(byId, new IndexEntry(executorLiveness,
                Table.key(SortKey.ascending(heard), e.colonyName(), e.executorName())))).orElse(List.of(byId));
    }

    /** Tracked executors (see {@link #livenessNanos}) last heard from at or before a time, oldest first. */
    public List<Executor> executorsSilentSince(long unixNanos, int limit) {
        return executorLiveness.keysUpTo(unixNanos).limit(limit)
                .map(k -> k.split(String.valueOf(Table.SEPARATOR))).map(p -> executor(p[1], p[2]))
                .flatMap(Optional::stream).toList();
    }

    /**
     * When an executor was last heard from, if the stale-executor cleanup tracks it: heard from at all and not
     * UNREGISTERED (as in Go, others are never cleaned).
     */
    public static Optional<Long> livenessNanos(Executor e) {
        if (e.state() == ExecutorState.UNREGISTERED || e.lastHeardFromTime().equals(GoTime.ZERO)) {
            return Optional.empty();
        }
        return Optional.of(GoTime.toUnixNanos(e.lastHeardFromTime()));
    }

    // ---- users ----

    public Optional<User> user(String colonyName, String name) {
        return users.get(Table.key(colonyName, name));
    }

    /** The users of a colony, ordered by name. */
    public List<User> usersOf(String colonyName) {
        return users.valuesUnder(colonyName);
    }

    /** The user of this colony with this id (the first by name if several share the id). */
    public Optional<User> userById(String colonyName, String userId) {
        List<String> names = userIds.valuesUnder(Table.key(colonyName, userId));
        return names.isEmpty() ? Optional.empty() : user(colonyName, names.get(0));
    }

    /** Stores a user, keeping the id index in step with the previous version (if any). */
    public void putUser(User user) {
        user(user.colonyName(), user.name()).ifPresent(this::unindexUser);
        users.put(Table.key(user.colonyName(), user.name()), user);
        userIds.put(Table.key(user.colonyName(), user.userId(), user.name()), user.name());
    }

    public void removeUser(User user) {
        users.remove(Table.key(user.colonyName(), user.name()));
        unindexUser(user);
    }

    private void unindexUser(User user) {
        userIds.remove(Table.key(user.colonyName(), user.userId(), user.name()));
    }
}
