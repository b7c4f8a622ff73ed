package org.colonyos.colonies.http.cluster;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.colonyos.colonies.config.ApiSettings;
import org.colonyos.colonies.config.ClusterConfig;
import org.colonyos.colonies.config.LogRetention;
import org.colonyos.colonies.config.NodeSettings;
import org.colonyos.colonies.config.PeerAddress;
import org.colonyos.colonies.config.PeerTls;
import org.colonyos.colonies.http.Eventually;
import org.colonyos.colonies.http.handlers.ServerHandlers;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.Cluster;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.ColoniesException;

/**
 * An in-process cluster of N nodes on loopback with ephemeral ports, one data directory per node: nodes can be
 * stopped and started again on the same directory. Closing it stops every running node.
 */
final class TestCluster implements AutoCloseable {
    static final String SERVER_KEY = "fcc79953d8a751bf41db661592dc34d30004b1a651ffa0725b03ac227641499d";

    private final String name;
    private final Path dir;
    private final LogRetention retention;
    private final PeerTls peerTls;
    private final Function<String, ApiSettings> apiOf;
    /** Per node index: its address, the cluster file it starts with, and its running server (or null). */
    private final List<PeerAddress> nodes = new ArrayList<>();
    private final List<ClusterConfig> configs = new ArrayList<>();
    private final List<ColoniesServer> servers = new ArrayList<>();

    private TestCluster(String name, Path dir, LogRetention retention, PeerTls peerTls,
            Function<String, ApiSettings> apiOf) {
        this.apiOf = apiOf;
        this.name = name;
        this.dir = dir;
        this.retention = retention;
        this.peerTls = peerTls;
    }

    /** Starts {@code size} nodes at once (a lone member cannot elect a leader, so they start in parallel). */
    static TestCluster start(int size, Path dir) throws Exception {
        return start(size, dir, LogRetention.DEFAULT);
    }

    /** Starts {@code size} nodes at once, snapshotting and purging their logs as {@code retention} says. */
    static TestCluster start(int size, Path dir, LogRetention retention) throws Exception {
        return start(size, dir, retention, null);
    }

    /** Starts {@code size} nodes n1..nN whose Raft traffic uses mutual TLS with {@code peerTls} (or none). */
    static TestCluster start(int size, Path dir, LogRetention retention, PeerTls peerTls) throws Exception {
        return start(size, dir, retention, peerTls, id -> ApiSettings.DEFAULT);
    }

    /** Starts {@code size} nodes as above, each serving its API with the settings {@code apiOf} gives its id. */
    static TestCluster start(int size, Path dir, LogRetention retention, PeerTls peerTls,
            Function<String, ApiSettings> apiOf) throws Exception {
        TestCluster cluster = new TestCluster("test-cluster", dir, retention, peerTls, apiOf);
        cluster.nodes.addAll(ClusterConfig.onFreeLoopbackPorts(cluster.name, size).nodes());
        cluster.nodes.forEach(node -> cluster.servers.add(null));
        ClusterConfig initial = new ClusterConfig(cluster.name, cluster.nodes, peerTls);
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            cluster.configs.add(initial);
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

    /**
     * Starts a new node {@code id} on fresh ports with a cluster file listing every node so far and itself, as
     * an operator does before {@code cluster add}; returns its index. It is not a member until added.
     */
    int startJoining(String id) throws IOException {
        PeerAddress address = PeerAddress.onFreeLoopbackPorts(id);
        List<PeerAddress> listed = new ArrayList<>(nodes);
        listed.add(address);
        nodes.add(address);
        configs.add(new ClusterConfig(name, listed, peerTls));
        servers.add(null);
        startNode(nodes.size() - 1);
        return nodes.size() - 1;
    }

    /** Gives stopped node {@code index} another cluster file for its next start. */
    void reconfigure(int index, ClusterConfig config) {
        configs.set(index, config);
    }

    /** The cluster file node {@code index} starts with. */
    ClusterConfig config(int index) {
        return configs.get(index);
    }

    /** Starts node {@code index} (again) on its own data directory. */
    void startNode(int index) {
        PeerAddress self = nodes.get(index);
        NodeSettings settings = new NodeSettings(configs.get(index), self.id(), dataDir(index),
                Identity.idOfPrivateKey(SERVER_KEY), retention, null);
        try {
            servers.set(index, ColoniesServer.start(settings, new ServerHandlers.BuildInfo("test", "now"),
                    apiOf.apply(self.id()), Clock.systemUTC()));
        } catch (IOException e) {
            throw new IllegalStateException("node " + self.id() + " did not start", e);
        }
    }

    /** Stops node {@code index} (HTTP first, then Raft). */
    void stopNode(int index) throws IOException {
        ColoniesServer server = servers.get(index);
        servers.set(index, null);
        if (server != null) {
            server.close();
        }
    }

    /** Deletes the data directory of stopped node {@code index}, as if its disk had been replaced. */
    void wipe(int index) throws IOException {
        if (servers.get(index) != null) {
            throw new IllegalStateException("stop node " + index + " first");
        }
        try (Stream<Path> files = Files.walk(dataDir(index))) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private Path dataDir(int index) {
        return dir.resolve(nodes.get(index).id());
    }

    int size() {
        return servers.size();
    }

    ColoniesServer server(int index) {
        return servers.get(index);
    }

    /** The address of node {@code index}. */
    PeerAddress address(int index) {
        return nodes.get(index);
    }

    /** A client of node {@code index}. */
    ColoniesClient client(int index) {
        return new ColoniesClient(url(index));
    }

    private URI url(int index) {
        return URI.create("http://127.0.0.1:" + nodes.get(index).httpPort());
    }

    /** A client that knows several nodes, in this order (it moves on when one cannot be reached). */
    ColoniesClient clientOf(int... indexes) {
        List<URI> urls = new ArrayList<>();
        for (int index : indexes) {
            urls.add(url(index));
        }
        return new ColoniesClient(urls, java.time.Duration.ofSeconds(30));
    }

    /** The index of the leader that every running node agrees on, waiting up to 20 s for one. */
    int awaitLeader() throws InterruptedException {
        return Eventually.value(Duration.ofSeconds(20), this::agreedLeader,
                () -> "no leader that all running nodes agree on within 20 s");
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
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i) != null && nodes.get(i).id().equals(leader)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Any running node other than {@code except}. */
    int otherThan(int... except) {
        outer:
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i) == null) {
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

    /**
     * Creates colony {@code name} through one node and registers and approves executor {@code worker} (type
     * {@code cli}) through another, so both writes are forwarded when those nodes are followers.
     */
    void addColonyWithExecutor(String name, String colonyKey, String executorKey, int through, int executorThrough) {
        client(through).addColony(new Colony(Identity.idOfPrivateKey(colonyKey), name), SERVER_KEY);
        ColoniesClient other = client(executorThrough);
        other.addExecutor(Executor.of(Identity.idOfPrivateKey(executorKey), "cli", "worker", name), colonyKey);
        other.approveExecutor(name, "worker", colonyKey);
    }

    /**
     * Registers executor {@code name} (type {@code cli}) through node 1 and approves it through node 2, so both
     * writes are forwarded when those nodes are followers; returns its new private key.
     */
    String registerExecutor(String colony, String colonyKey, String name) {
        String key = Secp256k1.generatePrivateKey();
        client(1).addExecutor(Executor.of(Identity.idOfPrivateKey(key), "cli", name, colony), colonyKey);
        client(2).approveExecutor(colony, name, colonyKey);
        return key;
    }

    /** Calls {@code call} until it succeeds, retrying unreachable nodes and 503 replies for up to 20 s. */
    static <T> T retrying(Supplier<T> call) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                return call.get();
            } catch (ColoniesException e) {
                if (System.nanoTime() > deadline || (e.status() != 0 && e.status() != 503)) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** The cluster as node {@code index} reports it. */
    Cluster clusterSeenBy(int index) {
        return client(index).getCluster(SERVER_KEY);
    }

    @Override
    public void close() throws IOException {
        for (int i = 0; i < servers.size(); i++) {
            stopNode(i);
        }
    }
}
