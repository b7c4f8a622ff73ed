package org.colonyos.colonies.cli.bench;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.colonyos.colonies.cli.server.ClusterProcesses;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.Cluster;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.ColoniesException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code colonies bench failover}: starts a cluster with one JVM per node on loopback, then repeatedly kills
 * the leader with SIGKILL and measures the time until the first write through the surviving nodes succeeds;
 * the killed node is started again and caught up before the next repetition. Prints each repetition and the
 * median and maximum.
 */
@Command(name = "failover", description = "Measure the time from killing the leader (kill -9) to the first "
        + "successful write, over several repetitions")
public final class FailoverBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "3", description = "Cluster size (default ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--repetitions", defaultValue = "10", description = "Leader kills (default ${DEFAULT-VALUE})")
    int repetitions;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String serverKey = Secp256k1.generatePrivateKey();
        String owner = Identity.idOfPrivateKey(Secp256k1.generatePrivateKey());
        Path dir = Files.createTempDirectory("colonies-failover-");
        out.printf("failover: %d node processes in %s, %d repetitions%n", nodes, dir, repetitions);
        out.flush();
        List<Long> millis = new ArrayList<>();
        try (ClusterProcesses cluster = ClusterProcesses.start(nodes, Identity.idOfPrivateKey(serverKey), dir)) {
            ColoniesClient any = clientOf(cluster, -1);
            eventually(() -> any.addColony(new Colony(owner, "warm-up"), serverKey), 120);
            for (int rep = 1; rep <= repetitions; rep++) {
                String colony = "failover-" + rep;
                Cluster before = eventually(() -> leaderKnown(any.getCluster(serverKey)), 60);
                int leader = cluster.indexOf(before.leader().name());
                ColoniesClient survivors = clientOf(cluster, leader);
                long killed = System.nanoTime();
                cluster.kill(leader);
                eventually(() -> survivors.addColony(new Colony(owner, colony), serverKey), 60);
                long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
                millis.add(elapsed);
                out.printf("  repetition %2d: leader %s killed, first write after %d ms%n", rep,
                        before.leader().name(), elapsed);
                out.flush();
                cluster.start(leader);
                ColoniesClient restarted = new ColoniesClient(cluster.url(leader), Duration.ofSeconds(30));
                eventually(() -> restarted.getColonies(serverKey).stream().filter(c -> c.name().equals(colony))
                        .findFirst().orElseThrow(() -> new ColoniesException(503, "not caught up yet")), 120);
            }
        }
        List<Long> sorted = millis.stream().sorted().toList();
        out.printf("first write after leader kill: median %d ms, max %d ms (%d repetitions)%n",
                sorted.get((sorted.size() - 1) / 2), sorted.get(sorted.size() - 1), sorted.size());
        out.flush();
        return 0;
    }

    /** A client of every node except {@code except}, trying them in order. */
    private static ColoniesClient clientOf(ClusterProcesses cluster, int except) {
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < cluster.size(); i++) {
            if (i != except) {
                urls.add(cluster.url(i));
            }
        }
        return new ColoniesClient(urls, Duration.ofSeconds(30));
    }

    private static Cluster leaderKnown(Cluster cluster) {
        if (cluster.leader() == null) {
            throw new ColoniesException(503, "no leader yet");
        }
        return cluster;
    }

    /** Calls until it succeeds, every 10 ms, for up to {@code seconds}. */
    private static <T> T eventually(Supplier<T> call, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            try {
                return call.get();
            } catch (ColoniesException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(10);
            }
        }
    }
}
