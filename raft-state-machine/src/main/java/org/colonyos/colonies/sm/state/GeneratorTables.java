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
    private final Table<Generator> generators;
    private final Table<String> names;
    private final Table<String> args;
    private final Table<String> counts;
    private final Table<String> due;

    GeneratorTables(ColoniesStore store) {
        generators = store.table("generators", Generator.class);
        names = store.table("generator_names", String.class);
        args = store.table("generator_args", String.class);
        counts = store.table("generator_counts", String.class);
        due = store.table("generator_due", String.class);
    }

    public Optional<Generator> get(String generatorId) {
        return generators.get(generatorId);
    }

    public Optional<Generator> byName(String colonyName, String name) {
        return names.get(Table.key(colonyName, name)).flatMap(generators::get);
    }

    /** A colony's generators, by name, at most {@code count}. */
    public List<Generator> ofColony(String colonyName, int count) {
        return names.keyStreamUnder(colonyName).limit(Math.max(count, 0)).map(names::get).flatMap(Optional::stream)
                .map(generators::get).flatMap(Optional::stream).toList();
    }

    /** How many arguments wait in a generator's queue. */
    public int queueSize(String generatorId) {
        return counts.count(generatorId);
    }

    /** Ids of the generators due at or before a time, earliest first, at most {@code limit}. */
    public List<String> dueAt(long unixNanos, int limit) {
        return due.keyStreamBetween("", SortKey.ascending(unixNanos) + (char) 1).limit(limit).map(Table::lastPart)
                .toList();
    }

    /** Stores a generator, new or changed, keeping its name and due entries in step with its queue. */
    public void put(Generator generator) {
        Optional<Generator> before = generators.get(generator.generatorId());
        int size = queueSize(generator.generatorId());
        generators.put(generator.generatorId(), generator);
        IndexEntry.move(entries(before.orElse(null), size), entries(generator, size));
    }

    /** Removes a generator with its queue. */
    public void remove(Generator generator) {
        take(generator, queueSize(generator.generatorId()));
        IndexEntry.move(entries(generator, 0), List.of());
        generators.remove(generator.generatorId());
    }

    /** Queues an argument under a key unique to its entry (the replicated time orders the queue). */
    public void pack(Generator generator, long unixNanos, String arg) {
        int size = queueSize(generator.generatorId());
        args.put(Table.key(generator.generatorId(), SortKey.ascending(unixNanos)), arg);
        counts.addToCount(generator.generatorId(), 1);
        IndexEntry.move(entries(generator, size), entries(generator, size + 1));
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
        IndexEntry.move(entries(generator, size), entries(generator, size - taken.size()));
        return taken;
    }

    private List<IndexEntry> entries(Generator generator, int queueSize) {
        if (generator == null) {
            return List.of();
        }
        IndexEntry name = new IndexEntry(names, Table.key(generator.colonyName(), generator.name()),
                generator.generatorId());
        return dueNanos(generator, queueSize).map(at -> List.of(name, new IndexEntry(due,
                Table.key(SortKey.ascending(at), generator.generatorId())))).orElse(List.of(name));
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
