package org.colonyos.colonies.http.cluster;

import static org.colonyos.colonies.http.cluster.TestCluster.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.colonyos.colonies.http.Eventually;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.ColoniesException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leader stops while submitters and executors, spread over all nodes, run submit → assign → close. Every
 * client call is recorded with the time its reply arrived; afterwards the history must show: every acknowledged
 * submit present exactly once, at most {@code maxretries + 1} executions per process, no process held by two
 * executors at once, and every acknowledged close visible with its output on every node (the stopped leader
 * included, once restarted). Assignments lost with the leader expire through {@code maxexectime}, so the new
 * leader's timers must run for the load to finish.
 */
@Timeout(120)
class LeaderKillHistoryTest {
    private static final String COLONY = "history";
    private static final int MAX_RETRIES = 3;
    private static final int EXECUTORS = 3;

    private final String colonyKey = Secp256k1.generatePrivateKey();
    private final Queue<Event> history = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean submitting = new AtomicBoolean(true);
    private final AtomicBoolean executing = new AtomicBoolean(true);

    private enum Kind { SUBMITTED, ASSIGNED, CLOSED }

    /** One acknowledged call: what, which process, by which executor, when the reply arrived. */
    private record Event(Kind kind, String processId, String executor, long nanos) {
    }

    @Test
    void acknowledgedWorkSurvivesTheLeaderStoppingUnderLoad(@TempDir Path dir) throws Exception {
        try (TestCluster cluster = TestCluster.start(3, dir)) {
            cluster.client(0).addColony(new Colony(Identity.idOfPrivateKey(colonyKey), COLONY), SERVER_KEY);
            List<CompletableFuture<Void>> load = new ArrayList<>();
            for (int i = 0; i < EXECUTORS; i++) {
                String key = register(cluster, "worker" + i);
                ColoniesClient client = cluster.clientOf(rotated(i, 3));
                String name = "worker" + i;
                load.add(CompletableFuture.runAsync(() -> execute(client, name, key)));
            }
            String submitterKey = register(cluster, "submitter");
            for (int i = 0; i < 2; i++) {
                ColoniesClient client = cluster.clientOf(rotated(i, 3));
                load.add(CompletableFuture.runAsync(() -> submit(client, submitterKey)));
            }
            awaitEvents(Kind.CLOSED, 30);
            int leader = cluster.awaitLeader();
            cluster.stopNode(leader);
            int closedAtStop = count(Kind.CLOSED);
            cluster.awaitLeader();
            awaitEvents(Kind.CLOSED, closedAtStop + 30);
            submitting.set(false);
            awaitAllAcknowledgedSubmitsFinished(cluster.client(cluster.otherThan(leader)), submitterKey);
            executing.set(false);
            CompletableFuture.allOf(load.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            cluster.startNode(leader);

            checkHistory(cluster, submitterKey);
        }
    }

    private static int[] rotated(int first, int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = (first + i) % size;
        }
        return order;
    }

    private String register(TestCluster cluster, String name) {
        return cluster.registerExecutor(COLONY, colonyKey, name);
    }

    private void submit(ColoniesClient client, String key) {
        FunctionSpec spec = FunctionSpec.of(COLONY, "cli", "work", List.of()).withLimits(-1, 3, MAX_RETRIES);
        while (submitting.get()) {
            try {
                ColonyProcess process = client.submit(spec, key);
                history.add(new Event(Kind.SUBMITTED, process.processId(), "", System.nanoTime()));
            } catch (ColoniesException unknownOutcome) {
                pause();
            }
        }
    }

    private void execute(ColoniesClient client, String name, String key) {
        while (executing.get()) {
            ColonyProcess process;
            try {
                process = client.assign(COLONY, 1, "", "", key);
            } catch (ColoniesException noProcessOrUnavailable) {
                continue;
            }
            history.add(new Event(Kind.ASSIGNED, process.processId(), name, System.nanoTime()));
            try {
                client.closeSuccessful(process.processId(), List.of(name), key);
                history.add(new Event(Kind.CLOSED, process.processId(), name, System.nanoTime()));
            } catch (ColoniesException lostOrUnknown) {
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int count(Kind kind) {
        return (int) history.stream().filter(e -> e.kind() == kind).count();
    }

    private void awaitEvents(Kind kind, int count) throws InterruptedException {
        Eventually.until(Duration.ofSeconds(40), () -> count(kind) >= count,
                () -> "only " + count(kind) + " " + kind + " events, expected " + count);
    }

    /**
     * Waits until every acknowledged submit is final: closed with an acknowledged reply, or found SUCCESS or
     * FAILED on the server (a close applied whose reply was lost with the leader, or retries used up).
     */
    private void awaitAllAcknowledgedSubmitsFinished(ColoniesClient client, String key) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        Set<String> finalOnServer = new HashSet<>();
        while (true) {
            Set<String> closed = ids(Kind.CLOSED);
            List<String> open = ids(Kind.SUBMITTED).stream()
                    .filter(id -> !closed.contains(id) && !finalOnServer.contains(id)).sorted().toList();
            for (String id : open) {
                int state = TestCluster.retrying(() -> client.getProcess(id, key)).state();
                if (state == ProcessState.SUCCESS || state == ProcessState.FAILED) {
                    finalOnServer.add(id);
                }
            }
            if (finalOnServer.containsAll(open)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                List<String> unfinished = open.stream().filter(id -> !finalOnServer.contains(id)).toList();
                throw new AssertionError(unfinished.size() + " acknowledged submits never finished, e.g. "
                        + unfinished.get(0) + " in state " + client.getProcess(unfinished.get(0), key).state());
            }
            Thread.sleep(50);
        }
    }

    private Set<String> ids(Kind kind) {
        return history.stream().filter(e -> e.kind() == kind).map(Event::processId).collect(Collectors.toSet());
    }

    private void checkHistory(TestCluster cluster, String key) throws InterruptedException {
        List<Event> submitted = history.stream().filter(e -> e.kind() == Kind.SUBMITTED).toList();
        assertEquals(submitted.size(), ids(Kind.SUBMITTED).size(), "every submit acknowledged once, ids unique");
        Map<String, List<Event>> byProcess = history.stream().filter(e -> e.kind() != Kind.SUBMITTED)
                .collect(Collectors.groupingBy(Event::processId));
        byProcess.forEach(LeaderKillHistoryTest::checkExecutions);
        for (int node = 0; node < cluster.size(); node++) {
            ColoniesClient client = cluster.client(node);
            for (Event closed : history.stream().filter(e -> e.kind() == Kind.CLOSED).toList()) {
                ColonyProcess seen = TestCluster.retrying(() -> client.getProcess(closed.processId(), key));
                assertEquals(ProcessState.SUCCESS, seen.state(), "node " + node + " sees " + closed.processId());
                assertEquals(List.of(closed.executor()), seen.out(), "the acknowledged closer's output");
            }
        }
        System.out.printf("history: %d submits, %d assignments, %d closes acknowledged%n", submitted.size(),
                count(Kind.ASSIGNED), count(Kind.CLOSED));
    }

    /** One process's assignments and closes, in reply order. */
    private static void checkExecutions(String processId, List<Event> events) {
        List<Event> ordered = events.stream().sorted((a, b) -> Long.compare(a.nanos(), b.nanos())).toList();
        List<Event> closes = ordered.stream().filter(e -> e.kind() == Kind.CLOSED).toList();
        long assignments = ordered.stream().filter(e -> e.kind() == Kind.ASSIGNED).count();
        assertTrue(assignments <= MAX_RETRIES + 1, processId + " executed " + assignments + " times");
        assertTrue(closes.size() <= 1, processId + " closed successfully " + closes.size() + " times");
        if (closes.isEmpty()) {
            return;
        }
        Event close = closes.get(0);
        Event holder = null;
        for (Event event : ordered) {
            if (event.kind() == Kind.ASSIGNED && event.nanos() < close.nanos()) {
                holder = event;
            }
            assertTrue(event.kind() != Kind.ASSIGNED || event.nanos() < close.nanos(),
                    processId + " assigned again after its close");
        }
        assertTrue(holder != null && holder.executor().equals(close.executor()), processId
                + " was closed by " + close.executor() + " while " + (holder == null ? "nobody" : holder.executor())
                + " held the latest assignment");
    }
}
