package org.colonyos.colonies.http;

import static org.colonyos.colonies.http.PrometheusText.value;
import static org.colonyos.colonies.http.TestServer.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.colonyos.colonies.config.ApiSettings;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.ColoniesException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} against a real node: the scrape is valid Prometheus text, and its counters, histograms
 * and gauges move with the requests, processes and assignments that happen.
 */
@Timeout(120)
class MetricsEndToEndTest {
    private static final String COLONY = "metrics";
    @TempDir
    Path dir;
    private ColoniesServer server;
    private ColoniesClient client;
    private final String executorKey = Secp256k1.generatePrivateKey();

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir);
        client = TestServer.client(server);
        TestServer.addColonyWithExecutor(client, COLONY, executorKey);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Double> scrape() throws Exception {
        HttpResponse<String> response = get(server.url() + "/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                response.headers().toString());
        return PrometheusText.parse(response.body());
    }

    private static String processes(String state) {
        return "colonies_processes{colony=\"" + COLONY + "\",state=\"" + state + "\"}";
    }

    @Test
    void requestsAreCountedByTypeAndStatusWithLatencies() throws Exception {
        Map<String, Double> before = scrape();
        String okColonies = "colonies_requests_total{status=\"200\",type=\"getcoloniesmsg\"}";
        String refused = "colonies_requests_total{status=\"403\",type=\"getcoloniesmsg\"}";
        String latencies = "colonies_request_duration_seconds_count{type=\"getcoloniesmsg\"}";
        client.getColonies(SERVER_KEY);
        client.getColonies(SERVER_KEY);
        assertThrows(ColoniesException.class, () -> client.getColonies(Secp256k1.generatePrivateKey()));
        Map<String, Double> after = scrape();
        assertEquals(value(before, okColonies) + 2, value(after, okColonies));
        assertEquals(value(before, refused) + 1, value(after, refused));
        assertEquals(value(before, latencies) + 3, value(after, latencies));
        assertEquals(value(after, latencies), value(after,
                "colonies_request_duration_seconds_bucket{le=\"+Inf\",type=\"getcoloniesmsg\"}"));
        assertEquals(1.0, value(after, "colonies_raft_role{role=\"leader\"}"));
        assertTrue(after.keySet().stream().anyMatch(k -> k.startsWith("jvm_memory_used_bytes")), "JVM metrics");
    }

    @Test
    void processGaugesAndWakeUpsFollowTheWork() throws Exception {
        Map<String, Double> before = scrape();
        assertEquals(0.0, value(before, processes("waiting")));
        assertEquals(1.0, value(before, "colonies_executors{colony=\"" + COLONY + "\",state=\"approved\"}"));
        CompletableFuture<ColonyProcess> waiting = CompletableFuture.supplyAsync(() -> client.assign(COLONY, 30, "", "",
                executorKey));
        awaitLongPolls(1);
        client.submit(FunctionSpec.of(COLONY, "cli", "f", List.of()), executorKey);
        ColonyProcess assigned = waiting.get();
        client.submit(FunctionSpec.of(COLONY, "cli", "f", List.of()), executorKey);
        Map<String, Double> after = scrape();
        assertEquals(1.0, value(after, processes("running")), assigned.processId());
        assertEquals(1.0, value(after, processes("waiting")));
        assertEquals(1.0, value(after, "colonies_waiting_queue_depth"));
        assertEquals(value(before, "colonies_assign_wakeup_seconds_count") + 1,
                value(after, "colonies_assign_wakeup_seconds_count"));
        assertTrue(value(after, "colonies_raft_proposal_writes_count")
                >= value(before, "colonies_raft_proposal_writes_count") + 3, "proposals were observed");
        assertTrue(value(after, "colonies_raft_applied_index") > value(before, "colonies_raft_applied_index"),
                "the writes moved the applied index");
        client.closeSuccessful(assigned.processId(), List.of(), executorKey);
        assertEquals(1.0, value(scrape(), processes("successful")));
    }

    @Test
    void snapshotsAreCountedWithTheirSizeAndIndex() throws Exception {
        Map<String, Double> before = scrape();
        long index = server.node().takeSnapshot();
        Map<String, Double> after = scrape();
        assertTrue(value(after, "colonies_snapshots_total") >= value(before, "colonies_snapshots_total") + 1);
        assertEquals((double) index, value(after, "colonies_snapshot_last_index"));
        assertTrue(value(after, "colonies_snapshot_last_size_bytes") > 0);
        assertTrue(value(after, "colonies_snapshot_last_duration_seconds") > 0);
    }

    private void awaitLongPolls(int count) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (value(scrape(), "colonies_assign_longpolls") < count) {
            assertTrue(System.nanoTime() < deadline, "the long-poll never showed");
            Thread.sleep(20);
        }
    }

    @Test
    void metricsCanBeTurnedOff() throws Exception {
        try (ColoniesServer quiet = TestServer.start(dir.resolve("quiet"), ApiSettings.DEFAULT.withMetrics(false))) {
            assertEquals(404, get(quiet.url() + "/metrics").statusCode());
            assertEquals(200, get(quiet.url() + "/health").statusCode());
        }
    }
}
