package org.colonyos.colonies.http.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.colonyos.colonies.config.ClusterConfig;
import org.colonyos.colonies.config.LogRetention;
import org.colonyos.colonies.config.NodeSettings;
import org.colonyos.colonies.config.PeerAddress;
import org.colonyos.colonies.http.handlers.ServerHandlers;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.model.Cluster;
import org.colonyos.colonies.sdk.ColoniesClient;

/**
 * An in-process cluster of N nodes on loopback with ephemeral ports, one data directory per node: nodes can be
 * stopped and started again on the same directory. Closing it stops every running node.
 */
final class TestCluster implements AutoCloseable {
    static final String SERVER_KEY = "fcc79953d8a751bf41db661592dc34d30004b1a651ffa0725b03ac227641499d";

    private final ClusterConfig config;
    private final Path dir;
    private final ColoniesServer[] servers;
    private final LogRetention retention;

    private TestCluster(ClusterConfig config, Path dir, LogRetention retention) {
        this.config = config;
        this.dir = dir;
        this.servers = new ColoniesServer[config.nodes().size()];
        this.retention = retention;
    }

    /** Starts {@code size} nodes at once (a lone member cannot elect a leader, so they start in parallel). */
    static TestCluster start(int size, Path dir) throws Exception {
        return start(size, dir, LogRetention.DEFAULT);
    }

    /** Starts {@code size} nodes at once, snapshotting and purging their logs as {@code retention} says. */
    static TestCluster start(int size, Path dir, LogRetention retention) throws Exception {
        List<PeerAddress> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nodes.add(new PeerAddress("n" + (i + 1), "127.0.0.1", freePort(), freePort()));
        }
        TestCluster cluster = new TestCluster(new ClusterConfig("test-cluster", nodes), dir, retention);
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int index = i;
            starting.add(CompletableFuture.runAsync(() -> cluster.startNode(index)));
        }
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        cluster.awaitLeader();
        for (ColoniesServer server : cluster.servers) {
            server.node().bootstrapped().get(30, TimeUnit.SECONDS);
        }
        return cluster;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts node {@code index} (again) on its own data directory. */
    void startNode(int index) {
        PeerAddress self = config.nodes().get(index);
        NodeSettings settings = new NodeSettings(config, self.id(), dir.resolve(self.id()),
                Identity.idOfPrivateKey(SERVER_KEY), retention, null);
        try {
            servers[index] = ColoniesServer.start(settings, new ServerHandlers.BuildInfo("test", "now"),
                    ColoniesServer.DEFAULT_MAX_BODY_BYTES, Clock.systemUTC());
        } catch (IOException e) {
            throw new IllegalStateException("node " + self.id() + " did not start", e);
        }
    }

    /** Stops node {@code index} (HTTP first, then Raft). */
    void stopNode(int index) throws IOException {
        ColoniesServer server = servers[index];
        servers[index] = null;
        if (server != null) {
            server.close();
        }
    }

    int size() {
        return servers.length;
    }

    ColoniesServer server(int index) {
        return servers[index];
    }

    /** A client of node {@code index}. */
    ColoniesClient client(int index) {
        return new ColoniesClient(URI.create("http://127.0.0.1:" + config.nodes().get(index).httpPort()));
    }

    /** A client that knows several nodes, in this order (it moves on when one cannot be reached). */
    ColoniesClient clientOf(int... indexes) {
        List<URI> urls = new ArrayList<>();
        for (int index : indexes) {
            urls.add(URI.create("http://127.0.0.1:" + config.nodes().get(index).httpPort()));
        }
        return new ColoniesClient(urls, java.time.Duration.ofSeconds(30));
    }

    /** The index of the leader that every running node agrees on, waiting up to 20 s for one. */
    int awaitLeader() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Optional<Integer> agreed = agreedLeader();
            if (agreed.isPresent()) {
                return agreed.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no leader that all running nodes agree on within 20 s");
    }

    private Optional<Integer> agreedLeader() {
        String leader = null;
        for (ColoniesServer server : servers) {
            if (server == null) {
                continue;
            }
            Optional<String> seen = server.node().leaderId();
            if (seen.isEmpty() || (leader != null && !leader.equals(seen.get()))) {
                return Optional.empty();
            }
            leader = seen.get();
        }
        for (int i = 0; i < servers.length; i++) {
            if (servers[i] != null && config.nodes().get(i).id().equals(leader)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Any running node other than {@code except}. */
    int otherThan(int... except) {
        outer:
        for (int i = 0; i < servers.length; i++) {
            if (servers[i] == null) {
                continue;
            }
            for (int e : except) {
                if (e == i) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("no other running node");
    }

    /** The cluster as node {@code index} reports it. */
    Cluster clusterSeenBy(int index) {
        return client(index).getCluster(SERVER_KEY);
    }

    @Override
    public void close() throws IOException {
        for (int i = 0; i < servers.length; i++) {
            stopNode(i);
        }
    }
}
