package org.colonyos.colonies.sm.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.colonyos.colonies.proto.log.ApplyReply;
import org.colonyos.colonies.proto.log.LogBatch;
import org.colonyos.colonies.sm.Signals;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.wire.ColonyPayloads;
import org.colonyos.colonies.proto.wire.ExecutorPayloads;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.UserPayloads;
import org.colonyos.colonies.sm.Commands;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.colonyos.colonies.sm.state.ColoniesStore;
import org.colonyos.colonies.sm.state.StoreProbes;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The same log applied to two fresh states gives equal digests, export → import mid-log → replay of the rest
 * gives the same digest as applying everything, and applying the entries in batches gives the same replies and
 * digest as applying them one by one, over random command sequences (accepted and rejected).
 */
class DeterminismPropertiesTest {
    private static final String[] NAMES = {"a", "b", "c"};

    private static Gen<LogEntry> commands() {
        return integers().between(0, 7).zip(integers().between(0, 2), integers().between(0, 1_000_000),
                (kind, n, time) -> command(kind, NAMES[n], time * 1_000L));
    }

    private static LogEntry command(int kind, String name, long time) {
        String id = String.valueOf(name.charAt(0)).repeat(64);
        return switch (kind) {
            case 0 -> Commands.addColony(name, time);
            case 1 -> Commands.addExecutor("a", name, id, time);
            case 2 -> Commands.approve("a", name, time);
            case 3 -> Commands.addUser("a", name, id, time);
            case 4 -> Commands.signed(Commands.COLONY_KEY, time, PayloadType.REMOVE_EXECUTOR,
                    new ExecutorPayloads.ExecutorRef("a", name));
            case 5 -> Commands.signed(Commands.COLONY_KEY, time, PayloadType.REMOVE_USER,
                    new UserPayloads.UserRef("a", name));
            case 6 -> Commands.signed(Commands.SERVER_KEY, time, PayloadType.REMOVE_COLONY,
                    new ColonyPayloads.ColonyRef(name));
            default -> Commands.addExecutor(name, "x", id, time);
        };
    }

    private static ColoniesState replay(ColoniesState state, List<LogEntry> log, int from, int to) {
        CommandDispatcher dispatcher = new CommandDispatcher();
        for (int i = from; i < to; i++) {
            dispatcher.apply(state, log.get(i), i + 1, new Signals());
            state.setApplied(1, i + 1);
        }
        return state;
    }

    private static ColoniesState fresh() {
        ColoniesState state = new ColoniesState(ColoniesStore.inMemory());
        new CommandDispatcher().apply(state, Commands.bootstrap(), 0, new Signals());
        return state;
    }

    @Test
    void sameLogSameDigestAlsoThroughASnapshot() {
        qt().withExamples(120).withFixedSeed(42L)
                .forAll(lists().of(commands()).ofSizeBetween(0, 60), integers().between(0, 60))
                .checkAssert((log, cut) -> {
                    int split = Math.min(cut, log.size());
                    String first = replay(fresh(), log, 0, log.size()).store().digest();
                    String second = replay(fresh(), log, 0, log.size()).store().digest();
                    ColoniesState restored = restore(replay(fresh(), log, 0, split));
                    String viaSnapshot = replay(restored, log, split, log.size()).store().digest();
                    if (!first.equals(second) || !first.equals(viaSnapshot)) {
                        throw new AssertionError("digests differ: " + first + " " + second + " " + viaSnapshot);
                    }
                });
    }

    @Test
    void entriesAppliedInBatchesGiveTheSameRepliesAndTheSameState() {
        qt().withExamples(100).withFixedSeed(7L)
                .forAll(lists().of(commands()).ofSizeBetween(1, 60), lists().of(integers().between(1, 8))
                        .ofSize(60))
                .checkAssert((log, sizes) -> {
                    CommandDispatcher dispatcher = new CommandDispatcher();
                    ColoniesState alone = fresh();
                    List<ApplyReply> aloneReplies = new ArrayList<>();
                    log.forEach(entry -> aloneReplies.add(dispatcher.apply(alone, entry, 1, new Signals()).proto()));
                    ColoniesState batched = fresh();
                    List<ApplyReply> batchedReplies = new ArrayList<>();
                    for (int from = 0, group = 0; from < log.size(); from += sizes.get(group++)) {
                        LogBatch batch = LogBatch.newBuilder().addAllEntries(log.subList(from,
                                Math.min(log.size(), from + sizes.get(group)))).build();
                        ApplyReply reply = dispatcher.apply(batched, LogEntry.newBuilder().setBatch(batch).build(),
                                1, new Signals()).proto();
                        assertEquals(batch.getEntriesCount(), reply.getBatchRepliesCount());
                        batchedReplies.addAll(reply.getBatchRepliesList());
                    }
                    assertEquals(aloneReplies, batchedReplies);
                    assertEquals(alone.store().digest(), batched.store().digest());
                });
    }

    static ColoniesState restore(ColoniesState state) {
        return new ColoniesState(StoreProbes.importedCopy(StoreProbes.export(state.store())));
    }
}
