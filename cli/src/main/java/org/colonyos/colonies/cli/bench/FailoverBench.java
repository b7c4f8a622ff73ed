package org.colonyos.colonies.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.colonyos.colonies.cli.server.ClusterProcesses;
import org.colonyos.colonies.cli.server.TempDirs;
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
 * {@code colonies bench failover}: starts a cluster with one JVM per node on loopback, then repeatedly takes
 * the leader away, with SIGKILL or by freezing it with SIGSTOP, while writers keep sending writes through the
 * other nodes. For each repetition it prints when a new leader was elected, when the first write succeeded,
 * and how long the worst write waited beyond the election (or beyond its own start, if it started later); a
 * killed node is started again, a frozen one thawed, and caught up before the next repetition.
 */
@Command(name = "failover", description = "Measure writes while the leader is killed (kill -9) or frozen "
        + "(SIGSTOP): time to a new leader, to the first write, and the worst wait beyond the election")
public final class FailoverBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "3", description = "Cluster size (default ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--repetitions", defaultValue = "10", description = "Leader failures (default ${DEFAULT-VALUE})")
    int repetitions;

    @Option(names = "--signal", defaultValue = "kill",
            description = "kill (SIGKILL) or stop (SIGSTOP, thawed after the outage) (default ${DEFAULT-VALUE})")
    String signal;

    @Option(names = "--outage", defaultValue = "6",
            description = "Seconds the writers write after the failure; a stopped leader stays frozen as long "
                    + "(default ${DEFAULT-VALUE})")
    int outageSeconds;

    @Option(names = "--writers", defaultValue = "4", description = "Concurrent writers (default ${DEFAULT-VALUE})")
    int writers;

    /** One write: when it was sent, when it was answered (nanoTime), and whether it succeeded. */
    private record Write(long sent, long answered, boolean ok) {
    }

    /** What one repetition measured, in milliseconds from the failure. */
    private record Outcome(long electedMillis, long firstWriteMillis, long worstBeyondElectionMillis, int writes,
            int failed) {
    }

    @Override
    public Integer call() throws Exception {
        if (!signal.equals("kill") && !signal.equals("stop")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--signal is kill or stop");
        }
        PrintWriter out = spec.commandLine().getOut();
        String serverKey = Secp256k1.generatePrivateKey();
        String owner = Identity.idOfPrivateKey(Secp256k1.generatePrivateKey());
        Path dir = Files.createTempDirectory("colonies-failover-");
        out.printf("failover: %d node processes in %s, %d repetitions of %s, %d writers for %d s%n", nodes, dir,
                repetitions, signal.equals("kill") ? "kill -9" : "SIGSTOP", writers, outageSeconds);
        out.flush();
        List<Outcome> outcomes = new ArrayList<>();
        try (ClusterProcesses cluster = ClusterProcesses.start(nodes, Identity.idOfPrivateKey(serverKey), dir)) {
            ColoniesClient any = clientOf(cluster, -1, 0);
            Await.eventually(() -> any.addColony(new Colony(owner, "warm-up"), serverKey), 120);
            for (int rep = 1; rep <= repetitions; rep++) {
                Outcome outcome = repetition(cluster, rep, serverKey, owner, out);
                outcomes.add(outcome);
            }
        } finally {
            TempDirs.delete(dir);
        }
        summarize(outcomes, out);
        return 0;
    }

    private Outcome repetition(ClusterProcesses cluster, int rep, String serverKey, String owner, PrintWriter out)
            throws Exception {
        ColoniesClient any = clientOf(cluster, -1, 0);
        Cluster before = Await.eventually(() -> Await.leaderKnown(any.getCluster(serverKey)), 60);
        String oldLeader = before.leader().name();
        int leader = cluster.indexOf(oldLeader);
        long failedAt = System.nanoTime();
        long until = failedAt + TimeUnit.SECONDS.toNanos(outageSeconds);
        if (signal.equals("kill")) {
            cluster.kill(leader);
        } else {
            cluster.freeze(leader, true);
        }
        List<Write> writes = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            ColoniesClient client = clientOf(cluster, leader, w);
            String prefix = "r" + rep + "-w" + w + "-";
            Thread thread = new Thread(() -> write(client, serverKey, owner, prefix, until, writes), "writer-" + w);
            thread.start();
            threads.add(thread);
        }
        long elected = awaitNewLeader(cluster, leader, oldLeader, serverKey, until);
        for (Thread thread : threads) {
            thread.join();
        }
        restore(cluster, leader, serverKey, owner, rep);
        Outcome outcome = outcome(writes, failedAt, elected);
        out.printf("  repetition %2d: leader %s %s; new leader after %d ms, first write after %d ms, worst write "
                + "waited %d ms beyond the election (%d writes, %d failed)%n", rep, oldLeader,
                signal.equals("kill") ? "killed" : "frozen", outcome.electedMillis(), outcome.firstWriteMillis(),
                outcome.worstBeyondElectionMillis(), outcome.writes(), outcome.failed());
        out.flush();
        return outcome;
    }

    /** Writes colonies one after another until {@code until}, recording each. */
    private static void write(ColoniesClient client, String serverKey, String owner, String prefix, long until,
            List<Write> writes) {
        for (int i = 0; System.nanoTime() < until; i++) {
            long sent = System.nanoTime();
            boolean ok;
            try {
                client.addColony(new Colony(owner, prefix + i), serverKey);
                ok = true;
            } catch (ColoniesException e) {
                ok = false;
            }
            writes.add(new Write(sent, System.nanoTime(), ok));
        }
    }

    /** When a surviving node first reports a leader other than the old one (nanoTime). */
    private static long awaitNewLeader(ClusterProcesses cluster, int leader, String oldLeader, String serverKey,
            long until) throws InterruptedException {
        ColoniesClient survivors = new ColoniesClient(List.of(cluster.url(leader == 0 ? 1 : 0)),
                Duration.ofSeconds(2));
        while (System.nanoTime() < until + TimeUnit.SECONDS.toNanos(30)) {
            try {
                Cluster seen = survivors.getCluster(serverKey);
                if (seen.leader() != null && !seen.leader().name().equals(oldLeader)) {
                    return System.nanoTime();
                }
            } catch (ColoniesException e) {
                // no leader yet: a linearizable read waits for one
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no new leader was elected");
    }

    /** Starts a killed leader again or thaws a frozen one, and waits until it has caught up. */
    private void restore(ClusterProcesses cluster, int leader, String serverKey, String owner, int rep)
            throws IOException, InterruptedException {
        if (signal.equals("kill")) {
            cluster.start(leader);
        } else {
            cluster.freeze(leader, false);
        }
        ColoniesClient any = clientOf(cluster, leader, 0);
        String marker = "caught-up-" + rep;
        Await.eventually(() -> any.addColony(new Colony(owner, marker), serverKey), 60);
        ColoniesClient restored = new ColoniesClient(List.of(cluster.url(leader)), Duration.ofSeconds(30));
        Await.eventually(() -> restored.getColonies(serverKey).stream().filter(c -> c.name().equals(marker))
                .findFirst().orElseThrow(() -> new ColoniesException(503, "not caught up yet")), 120);
    }

    /**
     * The figures of one repetition. A leader existed once the first write succeeded, so the election counts
     * from whichever came first: a survivor reporting the new leader, or that write.
     */
    private static Outcome outcome(List<Write> writes, long failedAt, long observedElection) {
        long first = writes.stream().filter(Write::ok).mapToLong(Write::answered).min().orElse(Long.MAX_VALUE);
        long elected = Math.min(observedElection, first);
        long worst = 0;
        int failed = 0;
        for (Write write : writes) {
            if (write.ok()) {
                worst = Math.max(worst, write.answered() - Math.max(write.sent(), elected));
            } else {
                failed++;
            }
        }
        return new Outcome(millis(elected - failedAt), first == Long.MAX_VALUE ? -1 : millis(first - failedAt),
                millis(worst), writes.size(), failed);
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static void summarize(List<Outcome> outcomes, PrintWriter out) {
        out.printf("new leader after:        %s%n", spread(outcomes.stream().map(Outcome::electedMillis).toList()));
        out.printf("first write after:       %s%n",
                spread(outcomes.stream().map(Outcome::firstWriteMillis).toList()));
        out.printf("worst wait beyond election: %s%n",
                spread(outcomes.stream().map(Outcome::worstBeyondElectionMillis).toList()));
        out.printf("writes: %d, failed: %d%n", outcomes.stream().mapToInt(Outcome::writes).sum(),
                outcomes.stream().mapToInt(Outcome::failed).sum());
        out.flush();
    }

    private static String spread(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return String.format("median %d ms, max %d ms (%d repetitions)", sorted.get((sorted.size() - 1) / 2),
                sorted.get(sorted.size() - 1), sorted.size());
    }

    /** A client of every node except {@code except}, starting with the {@code first}-th of them. */
    private static ColoniesClient clientOf(ClusterProcesses cluster, int except, int first) {
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < cluster.size(); i++) {
            if (i != except) {
                urls.add(cluster.url(i));
            }
        }
        Collections.rotate(urls, -(first % urls.size()));
        return new ColoniesClient(urls, Duration.ofSeconds(30));
    }

}
