package org.colonyos.colonies.cli.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.colonyos.colonies.cli.ClientOptions;
import org.colonyos.colonies.cli.server.ServerLauncher;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.Process;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.HttpEngine;
import org.colonyos.colonies.sdk.ColoniesException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code colonies bench}: N executors long-poll and close while M submitters keep at most {@code --inflight}
 * processes outstanding, for a fixed time, against a server (or an in-process one-node server with
 * {@code --local}). Prints a progress line per second and then submits/s, full cycles/s (submit → assign →
 * close), assign round trip and wake-up latency (submit acknowledged → a waiting assign returns) p50/p99, and
 * with {@code --local} the share of CPU used by the server's threads. Every request is signed. With
 * {@code --cluster N} the in-process server is an N-node cluster and the load threads are spread over its
 * nodes (thread i talks to node i mod N first).
 */
@Command(name = "bench", description = "Measure submit/assign/close throughput and latencies",
        subcommands = FailoverBench.class)
public final class BenchCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    ClientOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--local", description = "Start an in-process one-node server in a temporary directory")
    boolean local;

    @Option(names = "--cluster", defaultValue = "0",
            description = "Start an in-process cluster of this many nodes and spread the load over them")
    int clusterSize;

    @Option(names = "--executors", defaultValue = "4",
            description = "Executors assigning and closing processes (default ${DEFAULT-VALUE})")
    int executors;

    @Option(names = "--submitters", defaultValue = "2", description = "Clients submitting (default ${DEFAULT-VALUE})")
    int submitters;

    @Option(names = "--inflight", defaultValue = "8", description = "Most processes submitted but not closed")
    int inflight;

    @Option(names = "--duration", defaultValue = "20", description = "Seconds of measured load")
    int durationSeconds;

    @Option(names = "--warmup", defaultValue = "20",
            description = "Seconds of load before measuring (the JIT needs them; figures start afterwards)")
    int warmupSeconds;

    @Option(names = "--http-engine", defaultValue = "KEEP_ALIVE_SOCKETS",
            description = "How the load threads call the server: ${COMPLETION-CANDIDATES} (https needs JDK_CLIENT)")
    HttpEngine engine;

    private final AtomicLong submits = new AtomicLong();
    private final AtomicLong cycles = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Latencies assignLatency = new Latencies();
    private final Latencies wakeLatency = new Latencies();
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final List<Thread> loadThreads = new ArrayList<>();
    private volatile boolean running = true;
    /** The in-process server, or null for a remote one. */
    private ServerLauncher.LocalCluster cluster;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!local && clusterSize == 0) {
            run(List.of(new ColoniesClient(List.of(options.url()), Duration.ofSeconds(30), engine)),
                    options.serverPrvKey(), out);
            return 0;
        }
        try (ServerLauncher.LocalCluster started = ServerLauncher.startLocalCluster(Math.max(1, clusterSize))) {
            cluster = started;
            run(spreadClients(started.urls(), engine), started.serverPrvKey(), out);
        }
        return 0;
    }

    /** One client per node, each trying its own node first and the others after it. */
    private static List<ColoniesClient> spreadClients(List<URI> urls, HttpEngine engine) {
        List<ColoniesClient> clients = new ArrayList<>();
        for (int first = 0; first < urls.size(); first++) {
            List<URI> order = new ArrayList<>();
            for (int i = 0; i < urls.size(); i++) {
                order.add(urls.get((first + i) % urls.size()));
            }
            clients.add(new ColoniesClient(order, Duration.ofSeconds(30), engine));
        }
        return clients;
    }

    private void run(List<ColoniesClient> clients, String serverKey, PrintWriter out) throws InterruptedException {
        ColoniesClient client = clients.get(0);
        String colony = "bench-" + Long.toHexString(System.nanoTime());
        String colonyKey = Secp256k1.generatePrivateKey();
        client.addColony(new Colony(Identity.idOfPrivateKey(colonyKey), colony), serverKey);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < executors; i++) {
            String key = Secp256k1.generatePrivateKey();
            client.addExecutor(Executor.of(Identity.idOfPrivateKey(key), "bench", "bench-" + i, colony), colonyKey);
            client.approveExecutor(colony, "bench-" + i, colonyKey);
            keys.add(key);
        }
        out.printf("bench: %d executors, %d submitters, %d in flight, %d s warm-up + %d s measured, %d node(s), "
                + "colony %s%n", executors, submitters, inflight, warmupSeconds, durationSeconds, clients.size(),
                colony);
        out.flush();
        Semaphore slots = new Semaphore(inflight);
        for (int i = 0; i < executors; i++) {
            String key = keys.get(i);
            ColoniesClient own = clients.get(i % clients.size());
            start("bench-executor-" + i, () -> executorLoop(own, colony, key, slots));
        }
        for (int i = 0; i < submitters; i++) {
            String key = keys.get(i % keys.size());
            ColoniesClient own = clients.get(i % clients.size());
            start("bench-submitter-" + i, () -> submitterLoop(own, colony, key, slots));
        }
        measure(out);
        for (Thread thread : loadThreads) {
            thread.join(5_000);
        }
        removeQuietly(client, colony, serverKey, out);
    }

    /** Removes the bench's colony (and with it its executors and processes) from the server it ran against. */
    private static void removeQuietly(ColoniesClient client, String colony, String serverKey, PrintWriter out) {
        try {
            client.removeColony(colony, serverKey);
        } catch (RuntimeException e) {
            out.printf("could not remove colony %s: %s%n", colony, e.getMessage());
        }
    }

    private void start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        loadThreads.add(thread);
        thread.start();
    }

    private void submitterLoop(ColoniesClient client, String colony, String key, Semaphore slots) {
        FunctionSpec spec = FunctionSpec.of(colony, "bench", "noop", List.of());
        while (running) {
            try {
                if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                Process process = client.submit(spec, key);
                acknowledged.put(process.processId(), System.nanoTime());
                submits.incrementAndGet();
            } catch (ColoniesException e) {
                errors.incrementAndGet();
                slots.release();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void executorLoop(ColoniesClient client, String colony, String key, Semaphore slots) {
        while (running) {
            long asked = System.nanoTime();
            try {
                Process process = client.assign(colony, 2, "", "", key);
                long now = System.nanoTime();
                assignLatency.add(now - asked);
                Long ack = acknowledged.remove(process.processId());
                if (ack != null && ack > asked) {
                    wakeLatency.add(now - ack);
                }
                client.closeSuccessful(process.processId(), List.of(), key);
                cycles.incrementAndGet();
                slots.release();
            } catch (ColoniesException e) {
                if (e.status() != 404) {
                    errors.incrementAndGet();
                }
            }
        }
    }

    private void measure(PrintWriter out) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean();
        progress(out, "warm-up", warmupSeconds);
        submits.set(0);
        cycles.set(0);
        errors.set(0);
        assignLatency.clear();
        wakeLatency.clear();
        long cpuStart = os.getProcessCpuTime();
        long loadCpuStart = loadCpu(threads);
        Supplier<String> proposals = cluster == null ? null : cluster.countProposals();
        long start = System.nanoTime();
        progress(out, "measured", durationSeconds);
        double seconds = (System.nanoTime() - start) / 1e9;
        long cycleCount = cycles.get();
        long submitCount = submits.get();
        long cpu = os.getProcessCpuTime() - cpuStart;
        long loadCpu = loadCpu(threads) - loadCpuStart;
        running = false;
        out.printf("submits/s        %.0f%n", submitCount / seconds);
        out.printf("cycles/s         %.0f   (submit -> assign -> close, %d in %.1f s)%n", cycleCount / seconds,
                cycleCount, seconds);
        out.printf("assign   p50/p99 %.2f / %.2f ms (round trip of assigns that returned a process)%n",
                assignLatency.percentileMillis(50), assignLatency.percentileMillis(99));
        out.printf("wake-up  p50/p99 %.2f / %.2f ms (%d samples: submit acknowledged -> waiting assign returns)%n",
                wakeLatency.percentileMillis(50), wakeLatency.percentileMillis(99), wakeLatency.count());
        out.printf("errors           %d%n", errors.get());
        if (proposals != null) {
            out.printf("raft entries     %s%n", proposals.get());
        }
        printCpu(out, cpu, loadCpu, seconds, cycleCount);
        out.flush();
    }

    /** CPU per cycle and the JVM's share of the cores (with an in-process server, the server threads' share). */
    private void printCpu(PrintWriter out, long cpuNanos, long loadCpuNanos, double seconds, long cycleCount) {
        int cores = Runtime.getRuntime().availableProcessors();
        double coreNanos = seconds * 1e9 * cores;
        out.printf("cpu per cycle    %.2f ms (all threads of this JVM)%n",
                cycleCount == 0 ? 0 : cpuNanos / 1e6 / cycleCount);
        String server = local || clusterSize > 0
                ? String.format(", server threads %.0f%%", 100.0 * (cpuNanos - loadCpuNanos) / coreNanos) : "";
        out.printf("cpu              %.0f%% of %d cores in this JVM%s%n", 100.0 * cpuNanos / coreNanos, cores, server);
    }

    private void progress(PrintWriter out, String phase, int seconds) throws InterruptedException {
        for (int second = 1; second <= seconds; second++) {
            Thread.sleep(1000);
            out.printf("  %s %3d s: %d submits, %d cycles, %d errors%n", phase, second, submits.get(), cycles.get(),
                    errors.get());
            out.flush();
        }
    }

    private long loadCpu(ThreadMXBean threads) {
        long total = 0;
        for (Thread thread : loadThreads) {
            long cpu = threads.getThreadCpuTime(thread.getId());
            total += Math.max(cpu, 0);
        }
        return total;
    }
}
