package org.colonyos.colonies.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.colonyos.colonies.cli.server.ClusterProcesses;
import org.colonyos.colonies.cli.server.TempDirs;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.ColoniesException;
import org.colonyos.colonies.sdk.HttpEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code colonies bench scale}: one node as its own server process, filled with N waiting processes; then, at that
 * depth, the listing and assign latency, the data directory's size, the node's resident memory, and the time from
 * a kill -9 of the node until a restarted node answers a request again (with a check that every waiting process
 * is still there). Used once, from the command's thread.
 */
@Command(name = "scale", description = "Fill a node process with waiting processes; measure submit rate, listing "
        + "and assign latency at that depth, data directory size, memory, and the restart after kill -9")
final class ScaleBench implements Callable<Integer> {
    private static final String COLONY = "scale";
    private static final String TYPE = "scale-worker";

    @Option(names = "--processes", defaultValue = "100000",
            description = "Waiting processes to fill the node with (default ${DEFAULT-VALUE})")
    int processes;

    @Option(names = "--submitters", defaultValue = "8", description = "Threads submitting (default ${DEFAULT-VALUE})")
    int submitters;

    @Option(names = "--samples", defaultValue = "200",
            description = "Listings and assigns timed at full depth (default ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--rest", defaultValue = "70", paramLabel = "SECONDS", description = "How long the restarted "
            + "node is left without requests before its resident size at rest is read; a server gives back unneeded "
            + "heap after 30 s without a collection (default ${DEFAULT-VALUE})")
    int restSeconds;

    @Option(names = "--crash-image", paramLabel = "DIR", description = "Copy the killed node's files into DIR "
            + "before the restart (cluster.json, the data directory n1 and server-id), to start that crash image "
            + "again later: colonies server start --cluster DIR/cluster.json --node n1 --data-dir DIR/n1 "
            + "--server-id \"$(cat DIR/server-id)\"")
    Path crashImage;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String serverKey = Secp256k1.generatePrivateKey();
        String colonyKey = Secp256k1.generatePrivateKey();
        String executorKey = Secp256k1.generatePrivateKey();
        Path dir = Files.createTempDirectory("colonies-scale-");
        out.printf("scale: %,d waiting processes in one node process (%s), %d submitters%n", processes, dir,
                submitters);
        out.flush();
        try (ClusterProcesses node = ClusterProcesses.start(1, Identity.idOfPrivateKey(serverKey), dir)) {
            ColoniesClient client = new ColoniesClient(List.of(node.url(0)), Duration.ofSeconds(120),
                    HttpEngine.KEEP_ALIVE_SOCKETS);
            Await.eventually(() -> client.addColony(new Colony(Identity.idOfPrivateKey(colonyKey), COLONY),
                    serverKey), 120);
            client.addExecutor(Executor.of(Identity.idOfPrivateKey(executorKey), TYPE, "worker", COLONY), colonyKey);
            client.approveExecutor(COLONY, "worker", colonyKey);
            long emptyRss = printRss(node, "the node process, empty", out);
            fill(client, executorKey, out);
            measureAtDepth(client, executorKey, out);
            out.printf("data directory   %,d MB%n", directorySize(dir.resolve(node.nodeId(0))) >> 20);
            printRss(node, "the node process, filled", out);
            printLiveHeap(node, "filled", out);
            printRss(node, "the node process, filled, after the full collection", out);
            node.kill(0);
            if (crashImage != null) {
                TempDirs.copy(dir, crashImage);
                Files.writeString(crashImage.resolve("server-id"), Identity.idOfPrivateKey(serverKey));
            }
            restart(node, client, executorKey, emptyRss, out);
        } finally {
            TempDirs.delete(dir);
        }
        out.flush();
        return 0;
    }

    private static void printLiveHeap(ClusterProcesses node, String when, PrintWriter out)
            throws IOException, InterruptedException {
        node.liveHeap(0).ifPresent(heap -> out.printf(
                "heap live        %,d MB of %,d MB committed (after a full collection, %s)%n",
                heap.liveBytes() >> 20, heap.committedBytes() >> 20, when));
    }

    private void fill(ColoniesClient client, String key, PrintWriter out) throws InterruptedException {
        AtomicInteger left = new AtomicInteger(processes);
        AtomicInteger failures = new AtomicInteger();
        FunctionSpec spec = FunctionSpec.of(COLONY, TYPE, "work", List.of());
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < submitters; i++) {
            Thread thread = new Thread(() -> {
                while (left.getAndDecrement() > 0 && failures.get() < 1_000) {
                    try {
                        client.submit(spec, key);
                    } catch (ColoniesException e) {
                        failures.incrementAndGet();
                        left.incrementAndGet();
                    }
                }
            }, "scale-submitter-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int submitted = processes - Math.max(left.get(), 0);
        out.printf("submit           %,.0f processes/s (%,d in %.1f s, %d failed and sent again)%n",
                submitted / seconds, submitted, seconds, failures.get());
        out.flush();
    }

    private void measureAtDepth(ColoniesClient client, String key, PrintWriter out) {
        Latencies listing = new Latencies();
        for (int i = 0; i < samples; i++) {
            long asked = System.nanoTime();
            client.getProcesses(COLONY, ProcessState.WAITING, 100, "", "", "", key);
            listing.add(System.nanoTime() - asked);
        }
        Latencies assign = new Latencies();
        for (int i = 0; i < samples; i++) {
            long asked = System.nanoTime();
            ColonyProcess process = client.assign(COLONY, 5, "", "", key);
            assign.add(System.nanoTime() - asked);
            client.closeSuccessful(process.processId(), List.of(), key);
        }
        out.printf("listing p50/p99  %.2f / %.2f ms (the first 100 waiting, %d calls)%n",
                listing.percentileMillis(50), listing.percentileMillis(99), samples);
        out.printf("assign  p50/p99  %.2f / %.2f ms (round trip at full depth, %d calls)%n",
                assign.percentileMillis(50), assign.percentileMillis(99), samples);
        out.flush();
    }

    /**
     * Starts the killed node again and reports how long it took to answer, what it holds, and its resident size
     * when it answers and at rest ({@code emptyRss}: the node's before the fill).
     */
    private void restart(ClusterProcesses node, ColoniesClient client, String key, long emptyRss, PrintWriter out)
            throws IOException, InterruptedException {
        Path log = node.logFile(0);
        long logBefore = Files.size(log);
        try (Stream<String> lines = Files.lines(log)) {
            List<String> snapshots = lines.filter(line -> line.contains("snapshot at index")).toList();
            out.println("the last snapshots while filling:");
            snapshots.subList(Math.max(0, snapshots.size() - 3), snapshots.size()).forEach(out::println);
        }
        long killed = System.nanoTime();
        node.start(0);
        int waiting;
        try {
            waiting = Await.eventually(() -> client.getColonyStatistics(COLONY, key), 600).waitingProcesses();
        } catch (ColoniesException e) {
            out.println("the restarted node does not answer; its log:");
            printLogSince(log, logBefore, out);
            throw e;
        }
        double seconds = (System.nanoTime() - killed) / 1e9;
        int expected = processes - samples;
        out.printf("restart          %.1f s from kill -9 to the first answered request (a new JVM, the store rebuilt "
                + "from the snapshot, the log replayed)%n", seconds);
        out.printf("waiting after    %,d (%s)%n", waiting, waiting == expected ? "all there"
                : "EXPECTED " + String.format("%,d", expected));
        printRss(node, "the node process, after the restart", out);
        printRssAtRest(node, emptyRss, out);
        printLiveHeap(node, "after the restart", out);
        out.println("the restarted node's log:");
        printLogSince(log, logBefore, out);
    }

    /**
     * Leaves the restarted node alone for {@code --rest} seconds, long enough to give back the heap it does not
     * need, then reports its resident size and its growth over the empty node's ({@code emptyRss}).
     */
    private void printRssAtRest(ClusterProcesses node, long emptyRss, PrintWriter out)
            throws IOException, InterruptedException {
        Thread.sleep(restSeconds * 1_000L);
        long restingRss = printRss(node, "the restarted node after " + restSeconds + " s without requests", out);
        out.printf("rss growth       %,d MB per 100,000 waiting processes (at rest against empty)%n",
                (restingRss - emptyRss) * 100_000 / processes >> 20);
    }

    /** Prints the node process's resident size, saying {@code when}, and returns it in bytes. */
    private static long printRss(ClusterProcesses node, String when, PrintWriter out) throws IOException {
        long bytes = node.rssBytes(0);
        out.printf("rss              %,d MB (%s)%n", bytes >> 20, when);
        return bytes;
    }

    private static void printLogSince(Path log, long offset, PrintWriter out) throws IOException {
        byte[] all = Files.readAllBytes(log);
        out.print(new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8));
        out.flush();
    }

    private static long directorySize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }
}
