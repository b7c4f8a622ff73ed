package org.colonyos.colonies.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.colonyos.colonies.cli.UsageException;
import org.colonyos.colonies.cli.server.ClusterProcesses;
import org.colonyos.colonies.cli.server.ServerLauncher;
import org.colonyos.colonies.cli.server.TempDirs;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.ColoniesException;

/**
 * One bench run: N executors long-poll and close while M submitters keep at most {@code --inflight} units of
 * work outstanding, for a fixed time, against a server or an in-process one (one node or a cluster, the load
 * threads spread over its nodes: thread i talks to node i mod N first). Prints a progress line per second and
 * then units and process cycles per second, the assign round trip, the wake-up latency (submit acknowledged → a
 * waiting assign returns it), the end-to-end latency (submit acknowledged → the unit's last process closed), and
 * CPU figures. Every request is signed. Used once, from the command's thread; its counters are thread-safe.
 */
final class LoadRun {
    private final LoadOptions load;
    private final Workload workload;
    private final AtomicLong submits = new AtomicLong();
    private final AtomicLong cycles = new AtomicLong();
    private final AtomicLong finished = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Latencies assignLatency = new Latencies();
    private final Latencies wakeLatency = new Latencies();
    private final Latencies endLatency = new Latencies();
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final List<Thread> loadThreads = new ArrayList<>();
    private volatile boolean running = true;
    /** The in-process server, or null for a remote one. */
    private ServerLauncher.LocalCluster cluster;
    /** The node processes of {@code --deployed}, or null. */
    private volatile ClusterProcesses deployed;
    /** The leader of the node processes when the load started. */
    private volatile String deployedLeader;

    LoadRun(LoadOptions load, Workload workload) {
        this.load = load;
        this.workload = workload;
    }

    /** Runs the bench against the server of {@code client} or an in-process one, and prints the figures. */
    void run(ClientOptions client, PrintWriter out) throws Exception {
        if (load.deployed) {
            runDeployed(out);
            return;
        }
        if (!load.inProcess()) {
            run(List.of(new ColoniesClient(List.of(client.url()), Duration.ofSeconds(30), load.engine,
                    client.tls())),
                    client.serverPrvKey(), out);
            return;
        }
        try (ServerLauncher.LocalCluster started = ServerLauncher.startLocalCluster(Math.max(1, load.clusterSize))) {
            cluster = started;
            run(spreadClients(started.urls()), started.serverPrvKey(), out);
        }
    }

    /**
     * Starts the nodes as server processes of their own in a temporary directory (removed afterwards) and sends the
     * load to the nodes {@code --via} names.
     */
    private void runDeployed(PrintWriter out) throws Exception {
        if (load.clusterSize < 1) {
            throw new UsageException("--deployed needs --cluster N, the number of node processes");
        }
        String serverKey = Secp256k1.generatePrivateKey();
        Path dir = Files.createTempDirectory("colonies-deployed-");
        try (ClusterProcesses nodes = ClusterProcesses.start(load.clusterSize, Identity.idOfPrivateKey(serverKey),
                dir)) {
            deployed = nodes;
            List<URI> urls = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                urls.add(nodes.url(i));
            }
            ColoniesClient any = new ColoniesClient(urls, Duration.ofSeconds(30));
            String leader = Await.eventually(() -> Await.leaderKnown(any.getCluster(serverKey)), 120).leader().name();
            Await.eventually(() -> any.getStatistics(serverKey), 120);
            deployedLeader = leader;
            URI leaderUrl = nodes.url(nodes.indexOf(leader));
            List<URI> targets = switch (load.via) {
                case all -> urls;
                case leader -> List.of(leaderUrl);
                case followers -> urls.stream().filter(url -> !url.equals(leaderUrl)).toList();
            };
            out.printf("deployed: %d node processes in %s, leader %s, load via %s%n", nodes.size(), dir, leader,
                    load.via);
            run(spreadClients(targets), serverKey, out);
        } finally {
            deployed = null;
            TempDirs.delete(dir);
        }
    }

    /** One client per node, each trying its own node first and the others after it. */
    private List<ColoniesClient> spreadClients(List<URI> urls) {
        List<ColoniesClient> clients = new ArrayList<>();
        for (int first = 0; first < urls.size(); first++) {
            List<URI> order = new ArrayList<>();
            for (int i = 0; i < urls.size(); i++) {
                order.add(urls.get((first + i) % urls.size()));
            }
            clients.add(new ColoniesClient(order, Duration.ofSeconds(30), load.engine));
        }
        return clients;
    }

    private void run(List<ColoniesClient> clients, String serverKey, PrintWriter out) throws InterruptedException {
        ColoniesClient client = clients.get(0);
        String colony = "bench-" + Long.toHexString(System.nanoTime());
        String colonyKey = Secp256k1.generatePrivateKey();
        client.addColony(new Colony(Identity.idOfPrivateKey(colonyKey), colony), serverKey);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < load.executors; i++) {
            String key = Secp256k1.generatePrivateKey();
            client.addExecutor(Executor.of(Identity.idOfPrivateKey(key), Workload.EXECUTOR_TYPE, "bench-" + i,
                    colony), colonyKey);
            client.approveExecutor(colony, "bench-" + i, colonyKey);
            keys.add(key);
        }
        out.printf("bench: %s, %d executors, %d submitters, %d in flight, %d s warm-up + %d s measured, %d node(s), "
                + "colony %s%n", workload.units(), load.executors, load.submitters, load.inflight, load.warmupSeconds,
                load.durationSeconds, clients.size(), colony);
        out.flush();
        Semaphore slots = new Semaphore(load.inflight);
        for (int i = 0; i < load.executors; i++) {
            String key = keys.get(i);
            ColoniesClient own = clients.get(i % clients.size());
            start("bench-executor-" + i, () -> executorLoop(own, colony, key, slots));
        }
        for (int i = 0; i < load.submitters; i++) {
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
        while (running) {
            try {
                if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                acknowledged.put(workload.submit(client, colony, key), System.nanoTime());
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
                ColonyProcess process = client.assign(colony, 2, "", "", key);
                long now = System.nanoTime();
                assignLatency.add(now - asked);
                Long ack = acknowledged.get(process.processId());
                if (ack != null && ack > asked) {
                    wakeLatency.add(now - ack);
                }
                if (!workload.work(client, process, key)) {
                    errors.incrementAndGet();
                }
                client.closeSuccessful(process.processId(), List.of(), key);
                cycles.incrementAndGet();
                workload.finishedBy(process).ifPresent(unit -> finish(unit, slots));
            } catch (ColoniesException e) {
                if (e.status() != 404) {
                    errors.incrementAndGet();
                }
            }
        }
    }

    private void finish(String unit, Semaphore slots) {
        Long ack = acknowledged.remove(unit);
        if (ack != null) {
            endLatency.add(System.nanoTime() - ack);
        }
        finished.incrementAndGet();
        slots.release();
    }
    private void measure(PrintWriter out) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean();
        progress(out, "warm-up", load.warmupSeconds);
        NodeCpu nodeCpu = deployed == null ? null : NodeCpu.start(deployed);
        submits.set(0);
        cycles.set(0);
        finished.set(0);
        errors.set(0);
        assignLatency.clear();
        wakeLatency.clear();
        endLatency.clear();
        long cpuStart = os.getProcessCpuTime();
        long loadCpuStart = loadCpu(threads);
        Supplier<String> proposals = cluster == null ? null : cluster.countProposals();
        long start = System.nanoTime();
        progress(out, "measured", load.durationSeconds);
        double seconds = (System.nanoTime() - start) / 1e9;
        long cycleCount = cycles.get();
        long submitCount = submits.get();
        long finishedCount = finished.get();
        long cpu = os.getProcessCpuTime() - cpuStart;
        long loadCpu = loadCpu(threads) - loadCpuStart;
        long serverCpu = nodeCpu == null ? 0 : nodeCpu.stop();
        running = false;
        out.printf("submits/s        %.0f%n", submitCount / seconds);
        if (workload != Workload.PROCESSES) {
            out.printf("%-16s %.0f   (submit -> last process closed, %d in %.1f s)%n", workload.units() + "/s",
                    finishedCount / seconds, finishedCount, seconds);
        }
        out.printf("cycles/s         %.0f   (submit -> assign -> close, %d in %.1f s)%n", cycleCount / seconds,
                cycleCount, seconds);
        out.printf("assign   p50/p99 %.2f / %.2f ms (round trip of assigns that returned a process)%n",
                assignLatency.percentileMillis(50), assignLatency.percentileMillis(99));
        if (wakeLatency.count() > 0) {
            out.printf("wake-up  p50/p99 %.2f / %.2f ms (%d samples: submit acknowledged -> waiting assign returns)%n",
                    wakeLatency.percentileMillis(50), wakeLatency.percentileMillis(99), wakeLatency.count());
        }
        out.printf("end-to-end p50/p99 %.2f / %.2f ms (submit acknowledged -> last process closed)%n",
                endLatency.percentileMillis(50), endLatency.percentileMillis(99));
        out.printf("errors           %d%n", errors.get());
        if (proposals != null) {
            out.printf("raft entries     %s%n", proposals.get());
        }
        printCpu(out, cpu, loadCpu, seconds, cycleCount);
        if (nodeCpu != null) {
            out.printf("server cpu/cycle %.2f ms (the %d node processes together)%n",
                    cycleCount == 0 ? 0 : serverCpu / 1e6 / cycleCount, deployed.size());
            nodeCpu.print(out, cycleCount, deployedLeader);
        }
        out.flush();
    }

    /** CPU per cycle and the JVM's share of the cores (with an in-process server, the server threads' share). */
    private void printCpu(PrintWriter out, long cpuNanos, long loadCpuNanos, double seconds, long cycleCount) {
        int cores = Runtime.getRuntime().availableProcessors();
        double coreNanos = seconds * 1e9 * cores;
        out.printf("cpu per cycle    %.2f ms (all threads of this JVM)%n",
                cycleCount == 0 ? 0 : cpuNanos / 1e6 / cycleCount);
        String server = load.inProcess()
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
