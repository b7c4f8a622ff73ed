package org.colonyos.colonies.http;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.colonyos.colonies.config.ClusterConfig;
import org.colonyos.colonies.config.ApiSettings;
import org.colonyos.colonies.config.NodeSettings;
import org.colonyos.colonies.config.PeerAddress;
import org.colonyos.colonies.http.handlers.ServerHandlers;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.HttpEngine;

/** A one-node server on loopback with ephemeral ports and the test-vector server owner. */
final class TestServer {
    static final String SERVER_KEY = "fcc79953d8a751bf41db661592dc34d30004b1a651ffa0725b03ac227641499d";
    static final String COLONY_KEY = "ba949fa134981372d6da62b6a56f336ab4d843b22c02a4257dcf7d0d73097514";
    static final String EXECUTOR_KEY = "ddf7f7791208083b6a9ed975a72684f6406a269cfa36f1b1c32045c0a71fff05";
    static final int MAX_BODY = 64 * 1024;

    private TestServer() {
    }

    static ColoniesServer start(Path dataDir) throws IOException {
        return start(dataDir, ApiSettings.DEFAULT.withMaxBodyBytes(MAX_BODY));
    }

    /** A server whose API is served with these settings. */
    static ColoniesServer start(Path dataDir, ApiSettings api) throws IOException {
        int raftPort = PeerAddress.freeLoopbackPort();
        NodeSettings settings = new NodeSettings(ClusterConfig.single("test",
                new PeerAddress("n1", "127.0.0.1", raftPort, 0)), "n1", dataDir, Identity.idOfPrivateKey(SERVER_KEY));
        return ColoniesServer.start(settings, "127.0.0.1", new ServerHandlers.BuildInfo("test", "now"), api,
                Clock.systemUTC());
    }

    /** Adds a colony owned by {@link #COLONY_KEY} with an approved executor {@code e} of type {@code cli}. */
    static void addColonyWithExecutor(ColoniesClient client, String colony, String executorKey) {
        client.addColony(new Colony(Identity.idOfPrivateKey(COLONY_KEY), colony), SERVER_KEY);
        client.addExecutor(Executor.of(Identity.idOfPrivateKey(executorKey), "cli", "e", colony), COLONY_KEY);
        client.approveExecutor(colony, "e", COLONY_KEY);
    }

    static ColoniesClient client(ColoniesServer server) {
        return client(server, HttpEngine.JDK_CLIENT);
    }

    static ColoniesClient client(ColoniesServer server, HttpEngine engine) {
        return new ColoniesClient(List.of(URI.create(server.url())), Duration.ofSeconds(60), engine);
    }
}
