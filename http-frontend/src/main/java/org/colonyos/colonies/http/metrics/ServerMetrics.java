package org.colonyos.colonies.http.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.IntSupplier;
import java.util.function.ToDoubleFunction;
import org.colonyos.colonies.http.rpc.RpcDispatcher;
import org.colonyos.colonies.sm.node.RaftFacts;
import org.colonyos.colonies.sm.node.ReplicatedNode;

/**
 * The Prometheus metrics of one node ({@code GET /metrics}), all named {@code colonies_…} except the JVM's:
 * requests by payload type and status with latency histograms, assign wake-up latency, Raft facts and
 * proposals, snapshots, connection and long-poll load, and the replicated state's processes, executors,
 * workflows, crons and generators per colony (read from the local state when scraped). Built on the Prometheus
 * Java client with a registry of its own, so several nodes in one JVM keep apart.
 *
 * <p>Thread-safe: the observers are called from event-loop, Ratis and wake-up threads; a scrape may run
 * beside them.
 */
public final class ServerMetrics implements RpcDispatcher.RequestObserver, ReplicatedNode.ProposalListener {
    /** Request latency buckets, seconds: 100 µs to a minute (long-polls fall in the top ones). */
    private static final double[] LATENCY_BOUNDS = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
        0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
    private static final double[] BATCH_BOUNDS = {1, 2, 4, 8, 16, 32, 64, 128, 256};
    private static final double NANOS_PER_SECOND = 1e9;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests;
    private final Histogram requestSeconds;
    private final Histogram wakeUpSeconds;
    private final Histogram batchSizes;
    private final Counter proposals;
    private final Counter forwardedWrites;

    /** What the HTTP server knows of its load at this moment. */
    public record Load(IntSupplier connections, IntSupplier subscriptions, IntSupplier longPolls) {
    }

    /**
     * Registers the metrics of {@code node}, whose proposals it then hears of.
     *
     * @param load the HTTP server's open connections, {@code /pubsub} sockets and waiting long-polls
     */
    public ServerMetrics(ReplicatedNode node, Load load) {
        requests = Counter.builder().name("colonies_requests_total").help("API requests by payload type and "
                + "HTTP status").labelNames("type", "status").withoutExemplars().register(registry);
        requestSeconds = histogram("colonies_request_duration_seconds", "Time from a request's arrival to its "
                + "reply, by payload type", LATENCY_BOUNDS, "type");
        wakeUpSeconds = histogram("colonies_assign_wakeup_seconds", "Time from the apply of a process a waiting "
                + "executor could run to that executor's assign reply", LATENCY_BOUNDS);
        batchSizes = histogram("colonies_raft_proposal_writes", "Writes carried by each Raft entry this node "
                + "proposes", BATCH_BOUNDS);
        proposals = Counter.builder().name("colonies_raft_proposals_total").help("Raft entries this node "
                + "proposed, by whether they went to the leader on another node").labelNames("forwarded")
                .withoutExemplars().register(registry);
        forwardedWrites = Counter.builder().name("colonies_raft_forwarded_writes_total").help("Writes this node "
                + "sent to the leader on another node").withoutExemplars().register(registry);
        gauge("colonies_http_connections", "Open HTTP connections", load.connections());
        gauge("colonies_pubsub_subscriptions", "Open /pubsub WebSockets", load.subscriptions());
        gauge("colonies_assign_longpolls", "Assign long-polls waiting", load.longPolls());
        RaftMetrics.register(registry, node);
        StateMetrics.register(registry, node);
        JvmMetrics.builder().register(registry);
        node.setProposalListener(this);
    }

    private Histogram histogram(String name, String help, double[] bounds, String... labels) {
        return Histogram.builder().name(name).help(help).classicOnly().classicUpperBounds(bounds)
                .labelNames(labels).withoutExemplars().register(registry);
    }

    private void gauge(String name, String help, IntSupplier value) {
        GaugeWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsInt()))
                .register(registry);
    }

    @Override
    public void completed(String payloadType, int status, long nanos) {
        requests.labelValues(payloadType, Integer.toString(status)).inc();
        requestSeconds.labelValues(payloadType).observe(nanos / NANOS_PER_SECOND);
    }

    @Override
    public void proposed(int writes, boolean forwarded) {
        batchSizes.observe(writes);
        proposals.labelValues(Boolean.toString(forwarded)).inc();
        if (forwarded) {
            forwardedWrites.inc(writes);
        }
    }

    /** Records one assign wake-up latency. */
    public void wokeUp(long nanos) {
        wakeUpSeconds.observe(nanos / NANOS_PER_SECOND);
    }

    /** The content type of {@link #scrape()}. */
    public String contentType() {
        return writer.getContentType();
    }

    /** All metrics in the Prometheus text format. */
    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The Raft facts of a node as gauges and counters. */
    private static final class RaftMetrics {
        private static final String[] ROLES = {"LEADER", "FOLLOWER", "CANDIDATE", "LISTENER"};

        static void register(PrometheusRegistry registry, ReplicatedNode node) {
            GaugeWithCallback.builder().name("colonies_raft_role").help("1 for this node's current Raft role")
                    .labelNames("role").callback(cb -> {
                        String role = node.raftFacts().role();
                        for (String each : ROLES) {
                            cb.call(each.equals(role) ? 1 : 0, each.toLowerCase(java.util.Locale.ROOT));
                        }
                    }).register(registry);
            fact(registry, "colonies_raft_term", "Current Raft term", node, RaftFacts::term);
            fact(registry, "colonies_raft_commit_index", "Highest committed log index", node,
                    RaftFacts::commitIndex);
            fact(registry, "colonies_raft_applied_index", "Highest applied log index", node,
                    RaftFacts::appliedIndex);
            fact(registry, "colonies_snapshot_last_index", "Log index of the last snapshot", node,
                    facts -> facts.snapshots().lastIndex());
            fact(registry, "colonies_snapshot_last_duration_seconds", "Duration of the last snapshot export", node,
                    facts -> facts.snapshots().lastNanos() / NANOS_PER_SECOND);
            fact(registry, "colonies_snapshot_last_size_bytes", "Size of the last snapshot file", node,
                    facts -> facts.snapshots().lastBytes());
            count(registry, "colonies_raft_leader_changes_total", "Leader changes this node learned of", node,
                    RaftFacts::leaderChanges);
            count(registry, "colonies_snapshots_total", "Snapshot exports completed", node,
                    facts -> facts.snapshots().count());
        }

        private static void fact(PrometheusRegistry registry, String name, String help, ReplicatedNode node,
                ToDoubleFunction<RaftFacts> value) {
            GaugeWithCallback.builder().name(name).help(help)
                    .callback(cb -> cb.call(value.applyAsDouble(node.raftFacts()))).register(registry);
        }

        private static void count(PrometheusRegistry registry, String name, String help, ReplicatedNode node,
                ToDoubleFunction<RaftFacts> value) {
            CounterWithCallback.builder().name(name).help(help)
                    .callback(cb -> cb.call(value.applyAsDouble(node.raftFacts()))).register(registry);
        }
    }
}
