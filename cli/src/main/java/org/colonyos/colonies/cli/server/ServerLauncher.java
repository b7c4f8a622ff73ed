package org.colonyos.colonies.cli.server;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.colonyos.colonies.config.ClusterConfig;
import org.colonyos.colonies.cli.VersionCommand;
import org.colonyos.colonies.config.ApiSettings;
import org.colonyos.colonies.config.LogRetention;
import org.colonyos.colonies.config.NodeSettings;
import org.colonyos.colonies.config.TimerSettings;
import org.colonyos.colonies.config.PeerAddress;
import org.colonyos.colonies.http.handlers.ServerHandlers;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.sm.node.ProposalCounts;
import org.colonyos.colonies.sm.node.ReplicatedNode;
import sun.misc.Signal;

/**
 * Starts servers: one node or one member of a cluster kept running until the JVM is asked to stop (SIGTERM,
 * SIGINT), and throw-away in-process servers and clusters for tools.
 */
public final class ServerLauncher {
    private static final String STARTED = Instant.now().toString();
    /** Where a one-node server's Raft port listens. */
    static final String LOOPBACK = "127.0.0.1";

    private ServerLauncher() {
    }

    /** The build identity: the jar's implementation version, or {@code dev}. */
    static ServerHandlers.BuildInfo buildInfo() {
        return new ServerHandlers.BuildInfo(VersionCommand.buildVersion(), STARTED);
    }

    /**
     * Starts a one-node server: HTTP on {@code host}, Raft on loopback only (a single node has no peers, and an
     * open Raft port would take entries from anyone who reaches it); {@code raftPort} 0 picks a free port.
     */
    public static ColoniesServer startSingleNode(String host, int httpPort, int raftPort, Path dataDir, String serverId,
            ApiSettings api, LogRetention retention) throws IOException {
        int raft = raftPort != 0 ? raftPort : PeerAddress.freeLoopbackPort();
        ClusterConfig single = ClusterConfig.single("colonies", new PeerAddress("n1", LOOPBACK, raft, httpPort));
        NodeSettings settings = new NodeSettings(single, "n1", dataDir, serverId, retention,
                TimerSettings.fromEnv(System.getenv()));
        return ColoniesServer.start(settings, host, buildInfo(), api, Clock.systemUTC());
    }

    /** Starts one node of a cluster; its host and ports come from the cluster file. */
    public static ColoniesServer startClusterNode(ClusterConfig cluster, String nodeId, Path dataDir, String serverId,
            ApiSettings api, LogRetention retention) throws IOException {
        NodeSettings settings = new NodeSettings(cluster, nodeId, dataDir, serverId, retention,
                TimerSettings.fromEnv(System.getenv()));
        return ColoniesServer.start(settings, settings.self().host(), buildInfo(), api, Clock.systemUTC());
    }

    /** Blocks until shutdown, then closes the server cleanly (HTTP first, then Raft with a final snapshot). */
    static void runUntilShutdown(ColoniesServer server) throws InterruptedException {
        runUntilShutdown(server, () -> { }, () -> { });
    }

    /**
     * Blocks until shutdown, then closes {@code first} (a client of the server, such as a built-in executor),
     * the server, and runs {@code last} (for example removing a temporary data directory), in that order.
     */
    static void runUntilShutdown(ColoniesServer server, AutoCloseable first, Runnable last)
            throws InterruptedException {
        if (server.url().startsWith("https:")) {
            reloadTlsOnHangup(server);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                first.close();
                server.close();
                last.run();
            } catch (Exception e) {
                System.err.println("error while stopping: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "colonies-shutdown"));
        stopped.await();
    }

    /** Makes SIGHUP read the API's TLS files again (they are also watched for changes). */
    private static void reloadTlsOnHangup(ColoniesServer server) {
        try {
            Signal.handle(new Signal("HUP"), signal -> {
                try {
                    server.reloadTls();
                } catch (RuntimeException e) {
                    System.err.println("TLS files not reloaded, the current certificate stays: " + e.getMessage());
                }
            });
        } catch (IllegalArgumentException unsupported) {
            System.err.println("SIGHUP is not available here; TLS files are still reloaded when they change");
        }
    }

    /**
     * A throw-away in-process server or cluster for tools: its node URLs, a fresh server owner key, its nodes, a
     * stopper.
     */
    public record LocalCluster(List<URI> urls, String serverPrvKey, List<ReplicatedNode> nodes, AutoCloseable stopper)
            implements AutoCloseable {
        /** The first node's URL. */
        public URI url() {
            return urls.get(0);
        }

        /**
         * Starts counting the writes the nodes propose and the Raft entries they take (benchmarks); the supplier
         * describes the counts since this call.
         */
        public Supplier<String> countProposals() {
            ProposalCounts start = proposalCounts();
            return () -> {
                ProposalCounts counted = proposalCounts().since(start);
                return String.format("%d writes in %d entries (%.1f per entry)", counted.writes(),
                        counted.proposals(), counted.writesPerProposal());
            };
        }

        private ProposalCounts proposalCounts() {
            return nodes.stream().map(ReplicatedNode::proposalCounts).reduce(new ProposalCounts(0, 0),
                    ProposalCounts::plus);
        }

        @Override
        public void close() throws Exception {
            stopper.close();
        }
    }

    /**
     * Starts {@code size} nodes in this JVM on free loopback ports, one temporary directory each, and waits
     * until every node has the server owner id (so a leader exists). Closing the cluster removes the directories.
     */
    public static LocalCluster startLocalCluster(int size) throws IOException {
        return startLocalCluster(size, ApiSettings.fromEnv(System.getenv()));
    }

    /** Starts a local cluster as {@link #startLocalCluster(int)} whose nodes serve their API with {@code api}. */
    public static LocalCluster startLocalCluster(int size, ApiSettings api) throws IOException {
        String serverKey = Secp256k1.generatePrivateKey();
        String serverId = Identity.idOfPrivateKey(serverKey);
        ClusterConfig config = ClusterConfig.onFreeLoopbackPorts("local", size);
        Path root = Files.createTempDirectory("colonies-local-");
        List<CompletableFuture<ColoniesServer>> starting = new ArrayList<>();
        for (PeerAddress node : config.nodes()) {
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return startClusterNode(config, node.id(), root.resolve(node.id()), serverId,
                            api, LogRetention.DEFAULT);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        List<ColoniesServer> servers = new ArrayList<>();
        try {
            for (CompletableFuture<ColoniesServer> future : starting) {
                servers.add(future.get(60, TimeUnit.SECONDS));
            }
            for (ColoniesServer server : servers) {
                server.node().bootstrapped().get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            closeAll(servers);
            TempDirs.delete(root);
            throw new IOException("the local cluster did not start: " + e.getMessage(), e);
        }
        return new LocalCluster(servers.stream().map(s -> URI.create(s.url())).toList(), serverKey,
                servers.stream().map(ColoniesServer::node).toList(), () -> {
                    closeAll(servers);
                    TempDirs.delete(root);
                });
    }

    private static void closeAll(List<ColoniesServer> servers) throws IOException {
        for (ColoniesServer server : servers) {
            server.close();
        }
    }
}
