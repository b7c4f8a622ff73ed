package org.colonyos.colonies.http;

import static org.colonyos.colonies.http.TestServer.COLONY_KEY;
import static org.colonyos.colonies.http.TestServer.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.proto.wire.PayloadCodec;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ProcessPayloads;
import org.colonyos.colonies.proto.wire.RpcMsg;
import org.colonyos.colonies.proto.wire.RpcReplyMsg;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.ColoniesException;
import org.colonyos.colonies.sdk.Subscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * WebSocket {@code /pubsub} against a real server (protocol 1.8): one-process and executor-type subscriptions,
 * the immediate frame, membership checks, the closing timeout, dropped subscriptions on disconnect, the frames of
 * bad requests, and no lost event when a change races the subscription.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class SubscriptionEndToEndTest {
    private final String executorKey = Secp256k1.generatePrivateKey();
    private final String strangerKey = Secp256k1.generatePrivateKey();
    private ColoniesServer server;
    private ColoniesClient client;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = TestServer.start(dir);
        client = TestServer.client(server);
        client.addColony(new Colony(Identity.idOfPrivateKey(COLONY_KEY), "other"), SERVER_KEY);
        client.addExecutor(Executor.of(Identity.idOfPrivateKey(strangerKey), "cli", "stranger", "other"),
                COLONY_KEY);
        client.approveExecutor("other", "stranger", COLONY_KEY);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    /** A fresh colony with the test's executor (type cli) approved in it. */
    private String colony(String name) {
        client.addColony(new Colony(Identity.idOfPrivateKey(COLONY_KEY), name), SERVER_KEY);
        client.addExecutor(Executor.of(Identity.idOfPrivateKey(executorKey), "cli", "worker", name), COLONY_KEY);
        client.approveExecutor(name, "worker", COLONY_KEY);
        return name;
    }

    private ColonyProcess submit(String colony, String type) {
        return client.submit(FunctionSpec.of(colony, type, "f", List.of()),
                colony.equals("other") ? strangerKey : executorKey);
    }

    @Test
    void aProcessAlreadyInTheStateIsSentAtOnce() {
        String colony = colony("at-once");
        ColonyProcess process = submit(colony, "cli");
        Optional<ColonyProcess> seen = client.waitForProcess(colony, process.processId(), ProcessState.WAITING, 10,
                executorKey);
        assertEquals(process.processId(), seen.orElseThrow().processId());
        assertEquals(ProcessState.WAITING, seen.get().state());
    }

    @Test
    void aLaterStateChangeIsSentLongBeforeTheTimeout() throws Exception {
        String colony = colony("later");
        ColonyProcess process = submit(colony, "cli");
        CompletableFuture<Optional<ColonyProcess>> success = CompletableFuture.supplyAsync(() ->
                client.waitForProcess(colony, process.processId(), ProcessState.SUCCESS, 60, executorKey));
        awaitSubscriptions(1);
        assertEquals(process.processId(), client.assign(colony, -1, "", "", executorKey).processId());
        long closed = System.nanoTime();
        client.closeSuccessful(process.processId(), List.of("done"), executorKey);
        ColonyProcess seen = success.get(10, TimeUnit.SECONDS).orElseThrow();
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closed) < 5_000);
        assertEquals(ProcessState.SUCCESS, seen.state());
        assertEquals(List.of("done"), seen.out());
        awaitSubscriptions(0);
    }

    @Test
    void subscriptionsDoNotTakeWakeUpsFromWaitingAssigns() throws Exception {
        String colony = colony("shared");
        BlockingQueue<ColonyProcess> seen = new LinkedBlockingQueue<>();
        try (Subscription subscription = client.subscribeProcesses(colony, "cli", ProcessState.WAITING,
                30, executorKey, seen::add)) {
            awaitSubscriptions(1);
            CompletableFuture<ColonyProcess> waiting = CompletableFuture.supplyAsync(() ->
                    client.assign(colony, 30, "", "", executorKey));
            while (server.waiters().waiting() != 1) {
                Thread.sleep(10);
            }
            ColonyProcess process = submit(colony, "cli");
            assertEquals(process.processId(), waiting.get(10, TimeUnit.SECONDS).processId());
            assertEquals(process.processId(), seen.poll(10, TimeUnit.SECONDS).processId());
            assertTrue(!subscription.ended().isDone());
        }
    }

    @Test
    void unknownProcessesAndStrangersAreRefusedWith403() {
        String colony = colony("refusals");
        String nope = "0".repeat(64);
        ColoniesException unknown = assertThrows(ColoniesException.class, () ->
                client.waitForProcess(colony, nope, ProcessState.WAITING, 5, executorKey));
        assertEquals(403, unknown.status());
        assertEquals("Invalid process with Id <" + nope + ">", unknown.getMessage());
        ColoniesException notAnId = assertThrows(ColoniesException.class, () ->
                client.waitForProcess(colony, "nope", ProcessState.WAITING, 5, executorKey));
        assertEquals(400, notAnId.status());
        assertEquals("Failed to subscribe process, invalid processid: an id is 64 lowercase hex characters",
                notAnId.getMessage());
        ColonyProcess process = submit(colony, "cli");
        ColoniesException stranger = assertThrows(ColoniesException.class, () ->
                client.waitForProcess(colony, process.processId(), ProcessState.WAITING, 5, strangerKey));
        assertEquals(403, stranger.status());
        CompletionException processes = assertThrows(CompletionException.class, () -> client.subscribeProcesses(
                colony, "cli", ProcessState.WAITING, 5, strangerKey, p -> { }).ended().join());
        assertEquals(403, ((ColoniesException) processes.getCause()).status());
    }

    @Test
    void executorTypeSubscriptionsSeeOnlyTheirColonyTypeAndState() throws Exception {
        String colony = colony("typed");
        BlockingQueue<ColonyProcess> seen = new LinkedBlockingQueue<>();
        try (Subscription subscription = client.subscribeProcesses(colony, "typed", ProcessState.WAITING,
                30, executorKey, seen::add)) {
            awaitSubscriptions(1);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                expected.add(submit(colony, "typed").processId());
                submit(colony, "untyped");
                submit("other", "typed");
            }
            List<String> received = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ColonyProcess process = seen.poll(10, TimeUnit.SECONDS);
                assertTrue(process != null, "frame " + i + " missing");
                received.add(process.processId());
            }
            assertEquals(expected, received);
            assertEquals(null, seen.poll(300, TimeUnit.MILLISECONDS), "nothing else arrives");
            assertTrue(!subscription.ended().isDone());
        }
        awaitSubscriptions(0);
    }

    @Test
    void theTimeoutClosesTheSocketAndEndsTheSubscription() throws Exception {
        String colony = colony("timeout");
        ColonyProcess process = submit(colony, "cli");
        long start = System.nanoTime();
        Optional<ColonyProcess> none = client.waitForProcess(colony, process.processId(), ProcessState.SUCCESS, 1,
                executorKey);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(none.isEmpty());
        assertTrue(tookMillis >= 900 && tookMillis < 10_000, "closed after " + tookMillis + " ms");
        awaitSubscriptions(0);
    }

    @Test
    void aClientThatLeavesIsDropped() throws Exception {
        String colony = colony("leave");
        ColonyProcess process = submit(colony, "cli");
        Subscription subscription = client.subscribeProcess(colony, process.processId(),
                ProcessState.SUCCESS, 60, executorKey, p -> { });
        awaitSubscriptions(1);
        subscription.close();
        awaitSubscriptions(0);
    }

    @Test
    void subscriptionsAreNotServedOverApi() {
        ColoniesException refused = assertThrows(ColoniesException.class, () -> client.call(
                PayloadType.SUBSCRIBE_PROCESS, new ProcessPayloads.SubscribeProcess("other", "x", "", 0, 1),
                executorKey, ColonyProcess.class));
        assertEquals(403, refused.status());
        assertEquals("invalid rpcMsg.PayloadType: subscribeprocessmsg", refused.getMessage());
    }

    @Test
    void badFramesGetTheProtocolsAnswers() throws Exception {
        RawSocket raw = RawSocket.open(server.url());
        raw.send("{\"payloadtype\":\"getcoloniesmsg\",\"payload\":\"e30=\",\"signature\":\"\"}");
        String payload = PayloadCodec.encode(PayloadType.SUBSCRIBE_PROCESSES,
                new ProcessPayloads.SubscribeProcesses("other", "cli", 0, 5));
        raw.send(new String(Json.toBytes(new RpcMsg(Identity.sign(payload, executorKey), "subscribeprocessmsg",
                payload)), StandardCharsets.UTF_8));
        RpcReplyMsg mismatch = Json.parse(raw.next().getBytes(StandardCharsets.UTF_8), RpcReplyMsg.class);
        assertTrue(mismatch.error(), "the ignored type got no reply; the mismatch got an error frame");
        assertTrue(new String(PayloadCodec.decodeBase64(mismatch.payload()), StandardCharsets.UTF_8)
                .contains("\"status\":403"));
        raw.send("not json");
        assertTrue(raw.closed.get(10, TimeUnit.SECONDS), "an unparsable envelope closes the socket");
    }

    @Test
    void racingChangesAndSubscriptionsLoseNoEvent() throws Exception {
        String colony = colony("race");
        int rounds = 20;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Optional<ColonyProcess>>> waits = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                String id = submit(colony, "race").processId();
                ids.add(id);
                waits.add(pool.submit(() -> client.waitForProcess(colony, id, ProcessState.CANCELLED, 30,
                        executorKey)));
                pool.submit(() -> client.cancelProcess(id, executorKey));
            }
            for (int i = 0; i < rounds; i++) {
                ColonyProcess seen = waits.get(i).get(40, TimeUnit.SECONDS).orElseThrow();
                assertEquals(ids.get(i), seen.processId());
                assertEquals(ProcessState.CANCELLED, seen.state());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void awaitSubscriptions(int count) throws InterruptedException {
        Eventually.until(Duration.ofSeconds(10), () -> server.subscriptions().count() == count,
                () -> "subscriptions: " + server.subscriptions().count() + ", expected " + count);
    }

    /** A bare WebSocket client: sends frames as given and queues what comes back. */
    private static final class RawSocket implements WebSocket.Listener {
        private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        private final CompletableFuture<Boolean> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static RawSocket open(String url) {
            RawSocket raw = new RawSocket();
            raw.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(url.replace("http://", "ws://") + "/pubsub"), raw).join();
            return raw;
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        String next() throws InterruptedException {
            String frame = frames.poll(10, TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("no frame");
            }
            return frame;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(true);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(true);
        }
    }
}
