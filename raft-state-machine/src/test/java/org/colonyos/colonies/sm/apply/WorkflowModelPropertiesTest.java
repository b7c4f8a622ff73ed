package org.colonyos.colonies.sm.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.colonyos.colonies.proto.crypto.Sha3;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.log.ApplyReply;
import org.colonyos.colonies.proto.log.ExpireProcesses;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessGraph;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.sm.Commands;
import org.colonyos.colonies.sm.Signals;
import org.colonyos.colonies.sm.Workflows;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.colonyos.colonies.sm.state.ColoniesStore;
import org.junit.jupiter.api.Test;

/**
 * A model check of workflows over random DAGs of up to 12 nodes driven by random steps: assigns, successful and
 * failed closes, timeouts (waiting and execution, with retries), dynamic children (appended and inserted),
 * cancels and restarts from a snapshot. After every step: a process assignable or assigned has only successful
 * parents, its input is its parents' outputs, the graph's state is the rule of protocol 6.5 computed from its
 * processes, and nothing of a failed or cancelled graph runs or waits. At the end the log, replayed on a fresh
 * state, gives the same digest.
 */
class WorkflowModelPropertiesTest {
    private static final String GRAPH = "a".repeat(64);
    private static final String COLONY = "test";
    private static final long SECOND = 1_000_000_000L;

    @Test
    void graphsFollowTheirProcessesWhateverHappens() {
        qt().withExamples(300).withFixedSeed(2026L)
                .forAll(lists().of(integers().between(0, 4095)).ofSizeBetween(1, 12),
                        lists().of(integers().between(0, 999)).ofSizeBetween(1, 80))
                .checkAssert((parentMasks, steps) -> new Run().play(parentMasks, steps));
    }

    /** One random run: the state, the log so far, and the replicated clock of the next entry. */
    private static final class Run {
        private final List<LogEntry> log = new ArrayList<>();
        private ColoniesState state = fresh();
        private long time = SECOND;

        void play(List<Integer> parentMasks, List<Integer> steps) {
            apply(Commands.addColony(COLONY, tick(1)));
            apply(Commands.addExecutor(COLONY, "e1", Commands.EXECUTOR_ID, tick(1)));
            apply(Commands.approve(COLONY, "e1", tick(1)));
            apply(Workflows.submit(Commands.EXECUTOR_KEY, tick(1), GRAPH, COLONY, specs(parentMasks)));
            for (int i = 0; i < steps.size(); i++) {
                step(steps.get(i), i);
                checkInvariants();
            }
            ColoniesState replayed = fresh();
            CommandDispatcher dispatcher = new CommandDispatcher();
            for (int i = 0; i < log.size(); i++) {
                dispatcher.apply(replayed, log.get(i), i + 1, new Signals());
            }
            assertEquals(state.store().digest(), replayed.store().digest(), "a replay gives the same state");
        }

        /** Node i depends on the earlier nodes whose bits are set in its mask; some wait or run for a limit. */
        private static List<FunctionSpec> specs(List<Integer> parentMasks) {
            List<FunctionSpec> specs = new ArrayList<>();
            for (int i = 0; i < parentMasks.size(); i++) {
                List<String> parents = new ArrayList<>();
                for (int p = 0; p < i; p++) {
                    if ((parentMasks.get(i) & (1 << p)) != 0) {
                        parents.add("n" + p);
                    }
                }
                FunctionSpec spec = Workflows.node(COLONY, "n" + i, parents.toArray(String[]::new));
                int mask = parentMasks.get(i);
                specs.add(spec.withLimits(mask % 5 == 0 ? 300 : -1, mask % 3 == 0 ? 100 : -1, mask % 2));
            }
            return specs;
        }

        private void step(int step, int position) {
            int choice = step / 100;
            switch (choice) {
                case 0, 1, 2 -> assign();
                case 3, 4 -> running(step).ifPresent(p -> apply(Workflows.close(Commands.EXECUTOR_KEY, tick(1),
                        p.processId(), List.of(p.spec().nodeName(), step))));
                case 5 -> running(step).ifPresent(p -> apply(Workflows.fail(Commands.EXECUTOR_KEY, tick(1),
                        p.processId())));
                case 6 -> expire(step % 2 == 0 ? 150 : 400);
                case 7 -> running(step).ifPresent(p -> apply(Workflows.addChild(Commands.EXECUTOR_KEY, tick(1),
                        Sha3.hashHex("child " + position), GRAPH, p.processId(), waitingId(step),
                        Workflows.node(COLONY, "x" + position), step % 2 == 0)));
                case 8 -> state = DeterminismPropertiesTest.restore(state);
                default -> {
                    if (step % 10 == 0) {
                        apply(Workflows.cancel(Commands.EXECUTOR_KEY, tick(1), GRAPH));
                    } else {
                        assign();
                    }
                }
            }
        }

        private void assign() {
            ApplyReply reply = apply(Workflows.assign(Commands.EXECUTOR_KEY, tick(1), COLONY));
            if (reply.getErrorStatus() == 0) {
                ColonyProcess assigned = Json.parse(reply.getReplyJson().toByteArray(), ColonyProcess.class);
                List<Object> expectedIn = new ArrayList<>();
                for (String parent : assigned.parents()) {
                    ColonyProcess p = process(parent);
                    assertEquals(ProcessState.SUCCESS, p.state(), "assigned before a parent succeeded");
                    expectedIn.addAll(p.out());
                }
                assertEquals(expectedIn, assigned.in());
            }
        }

        private void expire(int seconds) {
            long now = tick(seconds);
            apply(Commands.duty(now, LogEntry.newBuilder().setExpireProcesses(ExpireProcesses.newBuilder()
                    .addAllProcessIds(state.processes().dueAt(now, 500)))));
        }

        private Optional<ColonyProcess> running(int step) {
            List<ColonyProcess> running = processes().stream().filter(p -> p.state() == ProcessState.RUNNING).toList();
            return running.isEmpty() ? Optional.empty() : Optional.of(running.get(step % running.size()));
        }

        /** Sometimes the id of a waiting process to hold back with the new child, else none. */
        private String waitingId(int step) {
            List<ColonyProcess> waiting = processes().stream().filter(p -> p.state() == ProcessState.WAITING).toList();
            return waiting.isEmpty() || step % 3 != 0 ? "" : waiting.get(step % waiting.size()).processId();
        }

        private void checkInvariants() {
            ProcessGraph graph = state.graphs().get(GRAPH).orElseThrow();
            List<ColonyProcess> processes = processes();
            assertEquals(graph.processIds().size(), processes.size());
            assertEquals(rule(processes), graph.state(), "graph state is the rule over its processes");
            for (ColonyProcess p : processes) {
                boolean ready = p.state() == ProcessState.RUNNING
                        || p.state() == ProcessState.WAITING && !p.waitForParents();
                if (ready) {
                    assertTrue(p.parents().stream().allMatch(id -> process(id).state() == ProcessState.SUCCESS),
                            "ready before its parents succeeded: " + p.spec().nodeName());
                }
                if (graph.state() == ProcessState.FAILED || graph.state() == ProcessState.CANCELLED) {
                    assertTrue(ProcessState.isFinal(p.state()), "a process of an ended graph goes on");
                }
            }
        }

        /** Protocol 6.5's graph state, computed from the processes themselves. */
        private static int rule(List<ColonyProcess> processes) {
            if (processes.stream().anyMatch(p -> p.state() == ProcessState.FAILED)) {
                return ProcessState.FAILED;
            }
            if (processes.stream().anyMatch(p -> p.state() == ProcessState.CANCELLED)) {
                return ProcessState.CANCELLED;
            }
            if (processes.stream().allMatch(p -> p.state() == ProcessState.SUCCESS)) {
                return ProcessState.SUCCESS;
            }
            return processes.stream().anyMatch(p -> p.state() == ProcessState.SUCCESS
                    || p.state() == ProcessState.RUNNING) ? ProcessState.RUNNING : ProcessState.WAITING;
        }

        private List<ColonyProcess> processes() {
            return state.graphs().get(GRAPH).orElseThrow().processIds().stream().map(this::process).toList();
        }

        private ColonyProcess process(String id) {
            return state.processes().get(id).orElseThrow();
        }

        private long tick(int seconds) {
            time += seconds * SECOND;
            return time;
        }

        private ApplyReply apply(LogEntry entry) {
            log.add(entry);
            return new CommandDispatcher().apply(state, entry, log.size(), new Signals()).proto();
        }

        private static ColoniesState fresh() {
            ColoniesState state = new ColoniesState(ColoniesStore.inMemory());
            new CommandDispatcher().apply(state, Commands.bootstrap(), 0, new Signals());
            return state;
        }
    }
}
