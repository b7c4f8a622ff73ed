package org.colonyos.colonies.http;

import static org.colonyos.colonies.http.TestServer.COLONY_KEY;
import static org.colonyos.colonies.http.TestServer.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessGraph;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.proto.model.WorkflowSpec;
import org.colonyos.colonies.proto.wire.PayloadCodec;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ProcessPayloads;
import org.colonyos.colonies.proto.wire.RpcMsg;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.HttpEngine;
import org.colonyos.colonies.sdk.ColoniesException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long-polling assign against a real server: a waiting executor gets a later submit long before its timeout, a
 * waiter whose client disconnects is dropped, and racing submits and waiters lose no wake-up. Also the
 * execution deadline once for real: a process whose executor never closes it is requeued by the leader's
 * timer and then failed when its retries are used.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class LongPollEndToEndTest {
    private static final int EXECUTORS = 6;
    private final List<String> keys = new ArrayList<>();
    private ColoniesServer server;
    private ColoniesClient client;

    /** How the SDK carries the calls; a subclass runs every test again over the other engine. */
    HttpEngine engine() {
        return HttpEngine.JDK_CLIENT;
    }

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = TestServer.start(dir);
        client = TestServer.client(server, engine());
        for (int i = 0; i < EXECUTORS; i++) {
            keys.add(Secp256k1.generatePrivateKey());
        }
    }

    /** A fresh colony where every key is an approved executor of type cli. */
    private String colony(String name) {
        client.addColony(new Colony(Identity.idOfPrivateKey(COLONY_KEY), name), SERVER_KEY);
        for (int i = 0; i < EXECUTORS; i++) {
            client.addExecutor(Executor.of(Identity.idOfPrivateKey(keys.get(i)), "cli", "e" + i, name), COLONY_KEY);
            client.approveExecutor(name, "e" + i, COLONY_KEY);
        }
        return name;
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private static FunctionSpec spec(String colony) {
        return FunctionSpec.of(colony, "cli", "f", List.of());
    }

    @Test
    void aWaitingExecutorGetsALaterSubmitLongBeforeItsTimeout() throws Exception {
        String colony = colony("wake");
        CompletableFuture<ColonyProcess> waiting = CompletableFuture.supplyAsync(() ->
                client.assign(colony, 30, "", "", keys.get(0)));
        awaitWaiters(1);
        long submitted = System.nanoTime();
        ColonyProcess process = client.submit(spec(colony), keys.get(1));
        ColonyProcess assigned = waiting.get(10, TimeUnit.SECONDS);
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - submitted);
        assertEquals(process.processId(), assigned.processId());
        assertTrue(waitedMillis < 5_000, "woken after " + waitedMillis + " ms");
        client.closeSuccessful(assigned.processId(), List.of(), keys.get(0));
    }

    @Test
    void aWaitingExecutorGetsAChildAsSoonAsItsParentSucceeds() throws Exception {
        String colony = colony("release");
        ProcessGraph graph = client.submitWorkflow(new WorkflowSpec(colony, List.of(spec(colony).withNodeName("a"),
                spec(colony).withNodeName("b").dependingOn("a"))), keys.get(1));
        ColonyProcess parent = client.assign(colony, -1, "", "", keys.get(0));
        CompletableFuture<ColonyProcess> waiting = CompletableFuture.supplyAsync(() ->
                client.assign(colony, 30, "", "", keys.get(1)));
        awaitWaiters(1);
        long closed = System.nanoTime();
        client.closeSuccessful(parent.processId(), List.of("out of a"), keys.get(0));
        ColonyProcess child = waiting.get(10, TimeUnit.SECONDS);
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closed);
        assertEquals(graph.processIds().get(1), child.processId());
        assertEquals(List.of("out of a"), child.in());
        assertTrue(waitedMillis < 5_000, "woken after " + waitedMillis + " ms");
        client.closeSuccessful(child.processId(), List.of(), keys.get(1));
    }

    @Test
    void aWaiterWhoseClientDisconnectsIsDropped() throws Exception {
        String colony = colony("leave");
        String payload = PayloadCodec.encode(PayloadType.ASSIGN_PROCESS,
                new ProcessPayloads.AssignProcess(colony, 60, "", ""));
        byte[] body = Json.toBytes(new RpcMsg(Identity.sign(payload, keys.get(2)), "assignprocessmsg", payload));
        try (Socket socket = new Socket("127.0.0.1", server.httpPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            awaitWaiters(1);
        }
        awaitWaiters(0);
    }

    @Test
    void racingSubmitsAndWaitersLoseNoWakeUp() throws Exception {
        String colony = colony("race");
        int rounds = 60;
        ExecutorService pool = Executors.newFixedThreadPool(EXECUTORS + 1);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            Set<String> seen = java.util.Collections.synchronizedSet(new HashSet<>());
            for (int i = 0; i < EXECUTORS; i++) {
                String key = keys.get(i);
                workers.add(pool.submit(() -> drain(key, colony, seen)));
            }
            Set<String> submitted = new HashSet<>();
            for (int i = 0; i < rounds; i++) {
                submitted.add(client.submit(spec(colony), keys.get(0)).processId());
            }
            int total = 0;
            for (Future<Integer> worker : workers) {
                total += worker.get(60, TimeUnit.SECONDS);
            }
            assertEquals(rounds, total, "every process assigned exactly once");
            assertEquals(submitted, seen);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Assigns and closes until a 3 s poll comes back empty; returns how many it ran. */
    private int drain(String key, String colony, Set<String> seen) {
        ColoniesClient own = TestServer.client(server, engine());
        int ran = 0;
        while (true) {
            ColonyProcess process;
            try {
                process = own.assign(colony, 3, "", "", key);
            } catch (ColoniesException e) {
                assertEquals(404, e.status(), e.getMessage());
                return ran;
            }
            assertTrue(seen.add(process.processId()), "assigned twice: " + process.processId());
            own.closeSuccessful(process.processId(), List.of(), key);
            ran++;
        }
    }

    @Test
    void anExpiredExecutionIsRetriedThenFailedByTheLeaderTimer() throws Exception {
        String colony = colony("slow");
        ColonyProcess process = client.submit(spec(colony).withLimits(-1, 1, 1), keys.get(3));
        assertEquals(process.processId(), client.assign(colony, -1, "", "", keys.get(3)).processId());
        ColonyProcess requeued = awaitState(process.processId(), ProcessState.WAITING, 1);
        assertEquals(1, requeued.retries());
        assertEquals(process.processId(), client.assign(colony, 10, "", "", keys.get(4)).processId());
        ColonyProcess failed = awaitState(process.processId(), ProcessState.FAILED, 1);
        assertEquals(List.of("Maximum execution time limit exceeded"), failed.errors());
        ColoniesException late = org.junit.jupiter.api.Assertions.assertThrows(ColoniesException.class,
                () -> client.closeSuccessful(process.processId(), List.of(), keys.get(4)));
        assertEquals(400, late.status());
    }

    private ColonyProcess awaitState(String id, int state, int retries) throws InterruptedException {
        return Eventually.value(Duration.ofSeconds(15), () -> Optional.of(client.getProcess(id, keys.get(3)))
                .filter(p -> p.state() == state && p.retries() >= retries),
                () -> "process " + id + " never reached state " + state);
    }

    private void awaitWaiters(int count) throws InterruptedException {
        Eventually.until(Duration.ofSeconds(10), () -> server.waiters().waiting() == count,
                () -> "waiters: " + server.waiters().waiting() + ", expected " + count);
    }
}
