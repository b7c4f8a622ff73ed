package org.colonyos.colonies.sm.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Sha3;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.log.ApplyReply;
import org.colonyos.colonies.proto.log.ExpireProcesses;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.model.Conditions;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.proto.wire.ExecutorPayloads;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ProcessPayloads;
import org.colonyos.colonies.sm.Commands;
import org.colonyos.colonies.sm.Signals;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.colonyos.colonies.sm.state.ColoniesStore;
import org.colonyos.colonies.sm.state.IndexConsistency;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Scheduler invariants over random sequences of submits, assigns by random executors, closes, cancels, timer
 * expiries and restarts (snapshot export and import): never two executors on one process at once, never a
 * non-matching executor, priority-then-FIFO order, at most {@code maxretries + 1} executions, final states
 * stay final, and the same log applied twice gives the same digest and the same replies, whether each reply is
 * read as soon as its entry is applied or only after the whole log.
 */
class SchedulerPropertiesTest {
    /** Executors: two of type cli, one of type gpu (ids are repeated hex digits). */
    private static final String[] NAMES = {"x", "y", "z"};
    private static final String[] TYPES = {"cli", "cli", "gpu"};

    private static final String[] KEYS = {Commands.keyOf("x"), Commands.keyOf("y"), Commands.keyOf("z")};

    private static String idOf(int executor) {
        return Identity.idOfPrivateKey(KEYS[executor]);
    }

    /** One step: {kind, executor or target, a parameter}. */
    private static Gen<int[]> steps() {
        return integers().between(0, 6).zip(integers().between(0, 2), integers().between(0, 9),
                (kind, who, param) -> new int[] {kind, who, param});
    }

    private static List<LogEntry> setup() {
        List<LogEntry> log = new ArrayList<>();
        log.add(Commands.bootstrap());
        log.add(Commands.addColony("a", 1));
        for (int i = 0; i < NAMES.length; i++) {
            log.add(Commands.signed(Commands.COLONY_KEY, 2, PayloadType.ADD_EXECUTOR, new ExecutorPayloads.AddExecutor(
                    Executor.of(idOf(i), TYPES[i], NAMES[i], "a"))));
            log.add(Commands.approve("a", NAMES[i], 3));
        }
        return log;
    }

    /** Turns steps into log entries against a live state, checking the invariants after each. */
    private static final class Run {
        private final CommandDispatcher dispatcher = new CommandDispatcher();
        private final List<LogEntry> log = new ArrayList<>();
        private final Map<String, Integer> executions = new HashMap<>();
        private final Map<String, Integer> finalStates = new HashMap<>();
        private final List<String> ids = new ArrayList<>();
        /** Each entry's reply, read as soon as it was applied. */
        private final List<ApplyReply> replies = new ArrayList<>();
        private long time = 1_000_000_000L;
        private ColoniesState current = new ColoniesState(ColoniesStore.inMemory());

        Run() {
            setup().forEach(this::apply);
        }

        ApplyReply apply(LogEntry entry) {
            log.add(entry);
            ApplyReply reply = dispatcher.apply(current, entry, log.size(), new Signals()).proto();
            replies.add(reply);
            return reply;
        }

        void step(int[] s) {
            time += s[2] * 300_000_000L;
            int who = s[1];
            switch (s[0]) {
                case 0, 1 -> submit(who, s[2]);
                case 2 -> assign(who);
                case 3 -> close(who, s[2] % 2 == 0);
                case 4 -> target(s[2]).ifPresent(id -> apply(Commands.signed(KEYS[0], time,
                        PayloadType.CANCEL_PROCESS, new ProcessPayloads.ProcessRef(id, false))));
                case 5 -> apply(Commands.duty(time, LogEntry.newBuilder().setExpireProcesses(
                        ExpireProcesses.newBuilder().addAllProcessIds(current.processes().dueAt(time, 500)))));
                default -> current = DeterminismPropertiesTest.restore(current);
            }
            checkFinalStatesStayFinal();
        }

        private void submit(int who, int param) {
            Conditions conditions = Conditions.of("a", param % 4 == 0 ? "gpu" : "cli");
            if (param % 3 == 0) {
                conditions = conditions.withExecutorNames(List.of(NAMES[who]));
            }
            FunctionSpec spec = FunctionSpec.of("a", "cli", "f", List.of()).withConditions(conditions)
                    .withPriority(param % 3).withLimits(-1, param % 2 == 0 ? 1 : -1, param % 3 - 1);
            String id = Sha3.hashHex("p" + log.size());
            ApplyReply reply = apply(Commands.request(KEYS[who], PayloadType.SUBMIT_FUNC_SPEC,
                    new ProcessPayloads.SubmitFuncSpec(spec)).setLeaderTimeUnixNanos(time).setGeneratedId(id).build());
            if (reply.getErrorStatus() == 0) {
                ids.add(id);
            }
        }

        private void assign(int who) {
            Optional<ColonyProcess> expected = best(who);
            ApplyReply reply = apply(Commands.signed(KEYS[who], time, PayloadType.ASSIGN_PROCESS,
                    new ProcessPayloads.AssignProcess("a", 10, "", "")));
            if (reply.getErrorStatus() != 0) {
                check(expected.isEmpty(), "nothing assigned although " + expected + " was waiting");
                return;
            }
            ColonyProcess got = Json.parse(reply.getReplyJson().toByteArray(), ColonyProcess.class);
            check(expected.isPresent() && expected.get().processId().equals(got.processId()),
                    "assigned " + got.processId() + " instead of " + expected);
            check(got.executorType().equals(TYPES[who]), "type mismatch");
            List<String> names = got.spec().conditions().executorNames();
            check(names == null || names.isEmpty() || names.contains(NAMES[who]), "name mismatch");
            int runs = executions.merge(got.processId(), 1, Integer::sum);
            int retries = got.spec().maxRetries();
            check(retries < 0 || runs <= retries + 1, "executed " + runs + " times with maxretries " + retries);
        }

        /** The model's answer: the waiting process with the lowest prioritytime this executor may run. */
        private Optional<ColonyProcess> best(int who) {
            return ids.stream().map(id -> current.processes().get(id)).flatMap(Optional::stream)
                    .filter(p -> p.state() == ProcessState.WAITING && !p.isAssigned())
                    .filter(p -> p.executorType().equals(TYPES[who]))
                    .filter(p -> p.spec().conditions().executorNames() == null
                            || p.spec().conditions().executorNames().contains(NAMES[who]))
                    .min(Comparator.comparingLong(ColonyProcess::priorityTime));
        }

        private void close(int who, boolean successful) {
            Optional<ColonyProcess> mine = ids.stream().map(id -> current.processes().get(id)).flatMap(Optional::stream)
                    .filter(p -> p.state() == ProcessState.RUNNING && p.assignedExecutorId().equals(idOf(who)))
                    .findFirst();
            mine.ifPresent(p -> apply(successful
                    ? Commands.signed(KEYS[who], time, PayloadType.CLOSE_SUCCESSFUL,
                            new ProcessPayloads.ProcessOutput(p.processId(), null))
                    : Commands.signed(KEYS[who], time, PayloadType.CLOSE_FAILED,
                            new ProcessPayloads.CloseFailed(p.processId(), null))));
        }

        private Optional<String> target(int param) {
            return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(param % ids.size()));
        }

        private void checkFinalStatesStayFinal() {
            for (String id : ids) {
                current.processes().get(id).ifPresent(p -> {
                    Integer before = finalStates.get(id);
                    check(before == null || before == p.state(), "final state of " + id + " changed");
                    check(p.state() != ProcessState.RUNNING || p.isAssigned(), "running but unassigned");
                    if (ProcessState.isFinal(p.state())) {
                        finalStates.put(id, p.state());
                    }
                });
            }
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    @Test
    void schedulerInvariantsHoldOverRandomHistories() {
        qt().withExamples(150).withFixedSeed(7L).forAll(lists().of(steps()).ofSizeBetween(1, 80))
                .checkAssert(steps -> {
                    Run run = new Run();
                    steps.forEach(run::step);
                    ColoniesState replayed = new ColoniesState(ColoniesStore.inMemory());
                    CommandDispatcher dispatcher = new CommandDispatcher();
                    List<AppliedReply> unread = new ArrayList<>();
                    for (int i = 0; i < run.log.size(); i++) {
                        unread.add(dispatcher.apply(replayed, run.log.get(i), i + 1, new Signals()));
                    }
                    check(replayed.store().digest().equals(run.current.store().digest()),
                            "replaying the log gave another state");
                    assertEquals(run.replies, unread.stream().map(AppliedReply::proto).toList(),
                            "replies read after the whole log differ from those read at once");
                    IndexConsistency.check(run.current);
                });
    }
}
