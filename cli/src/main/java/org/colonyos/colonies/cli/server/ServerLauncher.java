package org.colonyos.colonies.cli.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import org.colonyos.colonies.config.ClusterConfig;
import org.colonyos.colonies.config.NodeSettings;
import org.colonyos.colonies.config.PeerAddress;
import org.colonyos.colonies.http.handlers.ServerHandlers;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;

/** Starts a one-node server and keeps it running until the JVM is asked to stop (SIGTERM, SIGINT). */
public final class ServerLauncher {
    private static final String STARTED = Instant.now().toString();

    private ServerLauncher() {
    }

    /** The build identity: the jar's implementation version, or {@code dev}. */
    static ServerHandlers.BuildInfo buildInfo() {
        String version = ServerLauncher.class.getPackage().getImplementationVersion();
        return new ServerHandlers.BuildInfo(version == null ? "dev" : version, STARTED);
    }

    /** Starts a one-node server; {@code raftPort} 0 picks a free loopback port. */
    public static ColoniesServer startSingleNode(String host, int httpPort, int raftPort, Path dataDir, String serverId,
            int maxBodyBytes) throws IOException {
        int raft = raftPort != 0 ? raftPort : freePort();
        return startClusterNode(ClusterConfig.single("colonies", new PeerAddress("n1", host, raft, httpPort)), "n1",
                dataDir, serverId, maxBodyBytes);
    }

    /** Starts one node of a cluster; its host and ports come from the cluster file. */
    public static ColoniesServer startClusterNode(ClusterConfig cluster, String nodeId, Path dataDir, String serverId,
            int maxBodyBytes) throws IOException {
        NodeSettings settings = new NodeSettings(cluster, nodeId, dataDir, serverId);
        return ColoniesServer.start(settings, buildInfo(), maxBodyBytes, Clock.systemUTC());
    }

    /** Blocks until shutdown, then closes the server cleanly (HTTP first, then Raft with a final snapshot). */
    static void runUntilShutdown(ColoniesServer server) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("error while stopping: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "colonies-shutdown"));
        stopped.await();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A throw-away one-node server for tools: its URL, a fresh server owner key, and how to stop it. */
    public record LocalServer(URI url, String serverPrvKey, AutoCloseable stopper) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            stopper.close();
        }
    }

    /** Starts a one-node server on a free loopback port in a new temporary directory. */
    public static LocalServer startLocal() throws IOException {
        String serverKey = Secp256k1.generatePrivateKey();
        ColoniesServer server = startSingleNode("127.0.0.1", 0, 0, Files.createTempDirectory("colonies-local-"),
                Identity.idOfPrivateKey(serverKey), ColoniesServer.DEFAULT_MAX_BODY_BYTES);
        return new LocalServer(URI.create(server.url()), serverKey, server);
    }
}
