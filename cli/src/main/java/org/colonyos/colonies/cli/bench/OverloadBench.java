package org.colonyos.colonies.cli.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.colonyos.colonies.cli.server.ServerLauncher;
import org.colonyos.colonies.config.ApiSettings;
import org.colonyos.colonies.config.RequestLimits;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.wire.PayloadCodec;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ProcessPayloads;
import org.colonyos.colonies.proto.wire.RpcMsg;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.ColoniesException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code colonies bench overload}: an in-process one-node server with its default caps, measured by a well-behaved
 * probe (one submit and one read at a time) first alone, then while thousands of idle keep-alive connections,
 * slow uploads and a flood of long-polls beyond the long-poll cap hold the node, and then while one caller floods
 * it past its rate. Prints the probe's latencies in each phase, what the abusers got (held, 503, 429) and the
 * heap in use.
 */
@Command(name = "overload", description = "Measure a normal client's latency while idle connections, slow uploads, "
        + "a long-poll flood and a caller flood press on the node's caps")
public final class OverloadBench implements Callable<Integer> {
    private static final String COLONY = "overload";

    @Spec
    CommandSpec spec;

    private final String colonyKey = Secp256k1.generatePrivateKey();

    @Option(names = "--idle", defaultValue = "2000", description = "Idle keep-alive connections (default "
            + "${DEFAULT-VALUE})")
    int idle;

    @Option(names = "--slow", defaultValue = "200", description = "Slow uploads (default ${DEFAULT-VALUE})")
    int slow;

    @Option(names = "--longpolls", defaultValue = "5500", description = "Long-polls in the flood (default "
            + "${DEFAULT-VALUE}; the node holds 5000)")
    int longPolls;

    @Option(names = "--pollers", defaultValue = "64", description = "Executors the flood's long-polls are spread "
            + "over (default ${DEFAULT-VALUE})")
    int pollers;

    @Option(names = "--caller-rate", defaultValue = "1000", description = "The node's rate per caller, requests/s "
            + "(default ${DEFAULT-VALUE}, below the server's default of 5000 so that one flooding client reaches it)")
    int callerRate;

    @Option(names = "--duration", defaultValue = "8", description = "Seconds the probe runs per phase (default "
            + "${DEFAULT-VALUE})")
    int seconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RequestLimits limits = RequestLimits.DEFAULT;
        ApiSettings api = ApiSettings.DEFAULT.withRequests(new RequestLimits(limits.maxLongPolls(),
                limits.maxSubscriptions(), limits.maxQueuedWrites(), limits.maxQueuedWriteBytes(), callerRate,
                callerRate));
        try (ServerLauncher.LocalCluster server = ServerLauncher.startLocalCluster(1, api);
                Abusers abusers = new Abusers(server.url())) {
            ColoniesClient client = new ColoniesClient(server.url());
            String probeKey = setUp(client, server.serverPrvKey());
            out.printf("bench overload: %d idle connections, %d slow uploads, %d long-polls over %d executors, "
                    + "caller rate %d/s%n", idle, slow, longPolls, pollers, callerRate);
            probe(client, probeKey);
            report(out, "alone (after warm-up)", probe(client, probeKey));
            out.printf("heap in use after GC: %d MiB%n", heapMib());
            int idleServed = abusers.idleKeepAlives(idle);
            abusers.slowUploads(slow);
            List<String> polls = abusers.unreadPosts(assignRequests(client, server.serverPrvKey()), 3_000);
            out.printf("abusers: %d idle connections served once and held, %d slow uploads, long-polls: %d held, "
                    + "answered at once %s%n", idleServed, slow, longPolls - polls.size(), countByLine(polls));
            report(out, "held by abusers", probe(client, probeKey));
            out.printf("heap in use after GC: %d MiB%n", heapMib());
            String flooder = member(client, "flooder", "flood");
            report(out, "one caller flooding", flooding(client, flooder, () -> probe(client, probeKey), out));
        }
        out.flush();
        return 0;
    }

    /** The colony, the probe's executor (its processes have a type nobody serves, so they stay queued). */
    private String setUp(ColoniesClient client, String serverKey) {
        client.addColony(new Colony(Identity.idOfPrivateKey(colonyKey), COLONY), serverKey);
        return member(client, "probe", "probe");
    }

    /** A new approved executor of this name and type; its key. */
    private String member(ColoniesClient client, String name, String type) {
        String key = Secp256k1.generatePrivateKey();
        client.addExecutor(Executor.of(Identity.idOfPrivateKey(key), type, name, COLONY), colonyKey);
        client.approveExecutor(COLONY, name, colonyKey);
        return key;
    }

    /** Signed 60-second assign requests, spread over {@link #pollers} executors of a type nothing is queued for. */
    private List<byte[]> assignRequests(ColoniesClient client, String serverKey) {
        List<byte[]> requests = new ArrayList<>();
        String payload = PayloadCodec.encode(PayloadType.ASSIGN_PROCESS,
                new ProcessPayloads.AssignProcess(COLONY, 60, "", ""));
        for (int p = 0; p < pollers; p++) {
            String key = member(client, "poller-" + p, "flood");
            byte[] request = Json.toBytes(new RpcMsg(Identity.sign(payload, key), PayloadType.ASSIGN_PROCESS
                    .wireName(), payload));
            for (int i = p; i < longPolls; i += pollers) {
                requests.add(request);
            }
        }
        return requests;
    }

    /** The probe: one submit and one read at a time for {@link #seconds}; their latencies and failures. */
    private Probe probe(ColoniesClient client, String key) {
        Latencies writes = new Latencies();
        Latencies reads = new Latencies();
        long failures = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            try {
                long started = System.nanoTime();
                ColonyProcess process = client.submit(FunctionSpec.of(COLONY, "unserved", "probe", List.of()), key);
                long submitted = System.nanoTime();
                client.getProcess(process.processId(), key);
                writes.add(submitted - started);
                reads.add(System.nanoTime() - submitted);
            } catch (ColoniesException e) {
                failures++;
            }
        }
        return new Probe(writes, reads, failures);
    }

    /** The probe's figures in one phase. */

    private record Probe(Latencies writes, Latencies reads, long failures) {
    }

    private interface ProbeRun {
        Probe run();
    }

    /** Runs the probe while 8 threads of one caller read as fast as they can; prints what the flood got. */
    private static Probe flooding(ColoniesClient client, String key, ProbeRun probe, PrintWriter out)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong served = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        ExecutorService flood = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8; i++) {
            flood.execute(() -> {
                while (!stop.get()) {
                    try {
                        client.getColony(COLONY, key);
                        served.incrementAndGet();
                    } catch (ColoniesException e) {
                        refused.addAndGet(e.status() == 429 ? 1 : 0);
                    }
                }
            });
        }
        long started = System.nanoTime();
        Probe result = probe.run();
        stop.set(true);
        flood.shutdown();
        flood.awaitTermination(30, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;
        out.printf("caller flood: %.0f requests/s served, %.0f/s refused with 429%n", served.get() / elapsed,
                refused.get() / elapsed);
        return result;
    }

    private static void report(PrintWriter out, String phase, Probe probe) {
        out.printf("probe %-22s submit p50 %6.2f ms p99 %6.2f ms | read p50 %6.2f ms p99 %6.2f ms | %d cycles, "
                + "%d failed%n", phase, probe.writes().percentileMillis(50), probe.writes().percentileMillis(99),
                probe.reads().percentileMillis(50), probe.reads().percentileMillis(99), probe.writes().count(),
                probe.failures());
        out.flush();
    }

    private static Map<String, Integer> countByLine(List<String> lines) {
        Map<String, Integer> counts = new TreeMap<>();
        lines.forEach(line -> counts.merge(line, 1, Integer::sum));
        return counts;
    }

    private static long heapMib() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }
}
