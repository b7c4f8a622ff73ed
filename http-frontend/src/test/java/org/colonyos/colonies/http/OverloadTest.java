package org.colonyos.colonies.http;

import static org.colonyos.colonies.http.TestServer.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.colonyos.colonies.config.ApiSettings;
import org.colonyos.colonies.config.RequestLimits;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.ColoniesException;
import org.colonyos.colonies.sdk.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request caps: a caller over its rate gets 429, long-polls and subscriptions over the node's caps get 503,
 * all at once and with a message naming the limit, while other requests keep being served and the capacity
 * comes back as the held requests end.
 */
@Timeout(120)
class OverloadTest {
    private static final String COLONY = "busy";
    @TempDir
    Path dir;
    private ColoniesServer server;
    private ColoniesClient client;
    private final String executorKey = Secp256k1.generatePrivateKey();

    private void start(RequestLimits limits) throws Exception {
        server = TestServer.start(dir, ApiSettings.DEFAULT.withRequests(limits));
        client = TestServer.client(server);
        TestServer.addColonyWithExecutor(client, COLONY, executorKey);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private static RequestLimits limits(int longPolls, int subscriptions, int rate, int burst) {
        return new RequestLimits(longPolls, subscriptions, 1000, 1 << 20, rate, burst);
    }

    @Test
    void aCallerOverItsRateGets429WhileOthersAreServed() throws Exception {
        start(limits(100, 100, 2, 20));
        String busy = Secp256k1.generatePrivateKey();
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            try {
                client.getColonies(busy);
            } catch (ColoniesException e) {
                if (e.status() == 429) {
                    refused++;
                    assertTrue(e.getMessage().startsWith("Too many requests from " + Identity.idOfPrivateKey(busy)
                            + ": at most 2 per second (burst 20)"), e.getMessage());
                } else {
                    assertEquals(403, e.status(), "an unknown caller within its rate is refused as usual");
                }
            }
        }
        assertTrue(refused >= 15 && refused <= 20, "refused " + refused + " of 40 after a burst of 20");
        assertEquals(List.of(COLONY), client.getColonies(SERVER_KEY).stream().map(Colony::name).toList(),
                "another caller is still served");
        Thread.sleep(600);
        assertEquals(403, assertThrows(ColoniesException.class, () -> client.getColonies(busy)).status(),
                "the rate refills");
    }

    @Test
    void longPollsOverTheCapGet503AndTheSlotComesBack() throws Exception {
        start(limits(3, 100, 0, 1));
        List<CompletableFuture<ColonyProcess>> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(CompletableFuture.supplyAsync(() -> client.assign(COLONY, 30, "", "", executorKey)));
        }
        awaitLongPolls(3);
        long started = System.nanoTime();
        ColoniesException over = assertThrows(ColoniesException.class,
                () -> client.assign(COLONY, 30, "", "", executorKey));
        assertTrue(System.nanoTime() - started < 5_000_000_000L, "refused at once, not after the poll's timeout");
        assertEquals(503, over.status());
        assertTrue(over.getMessage().contains("3 long-polls are already waiting"), over.getMessage());
        assertEquals(1, client.getColonies(SERVER_KEY).size(), "other requests are served meanwhile");
        ColonyProcess process = client.submit(FunctionSpec.of(COLONY, "cli", "f", List.of()), executorKey);
        Object got = CompletableFuture.anyOf(held.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertEquals(process.processId(), ((ColonyProcess) got).processId(), "a held long-poll got the process");
        held.add(CompletableFuture.supplyAsync(() -> client.assign(COLONY, 30, "", "", executorKey)));
        awaitLongPolls(3);
        for (int i = 0; i < 3; i++) {
            client.submit(FunctionSpec.of(COLONY, "cli", "f", List.of()), executorKey);
        }
        for (CompletableFuture<ColonyProcess> poll : held) {
            assertTrue(poll.get(10, TimeUnit.SECONDS) != null, "the freed slot served another long-poll");
        }
    }

    private void awaitLongPolls(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (server.metrics() == null || PrometheusText.value(PrometheusText.parse(new String(
                server.metrics().scrape(), java.nio.charset.StandardCharsets.UTF_8)), "colonies_assign_longpolls")
                < count) {
            assertTrue(System.nanoTime() < deadline, "the long-polls never showed");
            Thread.sleep(20);
        }
    }

    @Test
    void subscriptionsOverTheCapGet503AndTheSlotComesBack() throws Exception {
        start(limits(100, 2, 0, 1));
        ColonyProcess process = client.submit(FunctionSpec.of(COLONY, "cli", "f", List.of()), executorKey);
        Subscription first = client.subscribeProcess(COLONY, process.processId(), ProcessState.SUCCESS, 30,
                executorKey, p -> { });
        Subscription second = client.subscribeProcess(COLONY, process.processId(), ProcessState.SUCCESS, 30,
                executorKey, p -> { });
        ColoniesException over = assertThrows(ColoniesException.class, () -> client.subscribeProcess(COLONY,
                process.processId(), ProcessState.SUCCESS, 30, executorKey, p -> { }));
        assertEquals(503, over.status(), over.getMessage());
        assertEquals(1, client.getColonies(SERVER_KEY).size(), "other requests are served meanwhile");
        first.close();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (Subscription third = client.subscribeProcess(COLONY, process.processId(), ProcessState.SUCCESS, 30,
                    executorKey, p -> { })) {
                break;
            } catch (ColoniesException e) {
                assertTrue(System.nanoTime() < deadline, "the closed subscription's slot never came back");
                Thread.sleep(50);
            }
        }
        second.close();
    }
}
