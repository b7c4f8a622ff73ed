package org.colonyos.colonies.sm.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.model.Generator;

/**
 * Generators by id, with their names per colony (unique), their packed arguments in arrival order, a count of
 * them, and an index of when each generator is due for the leader's timer: at its first pack once it holds
 * {@code trigger} arguments, else when its timeout passes while it holds any.
 *
 * <p>Not synchronised: used under the state machine's lock like {@link ColoniesState}.
 */
public final class GeneratorTables {
    private final NamedDocuments<Generator> generators;
    private final Table<String> args;
    private final Table<String> counts;
    private final Table<String> due;

    GeneratorTables(ColoniesStore store) {
        generators = new NamedDocuments<>(store, "generators", "generator_names", Generator.class,
                Generator::generatorId, Generator::colonyName, Generator::name);
        args = store.table("generator_args", String.class);
        counts = store.table("generator_counts", String.class);
        due = store.table("generator_due", String.class);
    }

    public Optional<Generator> get(String generatorId) {
        return generators.get(generatorId);
    }

    public Optional<Generator> byName(String colonyName, String name) {
        return generators.byName(colonyName, name);
    }

    /** How many generators a colony has. */
    public long countOf(String colonyName) {
        return generators.countOf(colonyName);
    }

    /** A colony's generators, by name, at most {@code count}. */
    public List<Generator> ofColony(String colonyName, int count) {
        return generators.ofColony(colonyName, count);
    }

    /** How many arguments wait in a generator's queue. */
    public int queueSize(String generatorId) {
        return counts.count(generatorId);
    }

    /** Ids of the generators due at or before a time, earliest first, at most {@code limit}. */
    public List<String> dueAt(long unixNanos, int limit) {
        return due.keysUpTo(unixNanos).limit(limit).map(Table::lastPart).toList();
    }

    /** Stores a generator, new or changed, keeping its name and due entries in step with its queue. */
    public void put(Generator generator) {
        int size = queueSize(generator.generatorId());
        Optional<Generator> before = generators.put(generator);
        IndexEntry.move(dueEntries(before.orElse(null), size), dueEntries(generator, size));
    }

    /** Removes a generator with its queue. */
    public void remove(Generator generator) {
        take(generator, queueSize(generator.generatorId()));
        generators.remove(generator);
    }

    /** Queues an argument under a key unique to its entry (the replicated time orders the queue). */
    public void pack(Generator generator, long unixNanos, String arg) {
        int size = queueSize(generator.generatorId());
        args.put(Table.key(generator.generatorId(), SortKey.ascending(unixNanos)), arg);
        counts.addToCount(generator.generatorId(), 1);
        IndexEntry.move(dueEntries(generator, size), dueEntries(generator, size + 1));
    }

    /** Removes and returns the oldest {@code count} arguments of a generator's queue. */
    public List<String> take(Generator generator, int count) {
        int size = queueSize(generator.generatorId());
        List<String> keys = args.keyStreamUnder(generator.generatorId()).limit(count).toList();
        List<String> taken = new ArrayList<>();
        for (String key : keys) {
            args.get(key).ifPresent(taken::add);
            args.remove(key);
        }
        counts.addToCount(generator.generatorId(), -taken.size());
        IndexEntry.move(dueEntries(generator, size), dueEntries(generator, size - taken.size()));
        return taken;
    }

    private List<IndexEntry> dueEntries(Generator generator, int queueSize) {
        return Optional.ofNullable(generator).flatMap(g -> dueNanos(g, queueSize)).map(at -> List.of(new IndexEntry(
                due, Table.key(SortKey.ascending(at), generator.generatorId())))).orElse(List.of());
    }

    /**
     * When a generator with {@code queueSize} arguments is due: at once (its first pack) with a full trigger, at
     * its last run (or first pack) plus its timeout with fewer, never when empty or without a timeout.
     */
    public static Optional<Long> dueNanos(Generator generator, int queueSize) {
        if (queueSize <= 0) {
            return Optional.empty();
        }
        if (queueSize >= generator.trigger()) {
            return Optional.of(GoTime.toUnixNanos(generator.firstPack()));
        }
        if (generator.timeout() <= 0) {
            return Optional.empty();
        }
        boolean neverRan = generator.lastRun().equals(GoTime.ZERO);
        return Optional.of(GoTime.toUnixNanos(neverRan ? generator.firstPack() : generator.lastRun())
                + generator.timeout() * 1_000_000_000L);
    }
}
