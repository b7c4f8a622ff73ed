package org.colonyos.colonies.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.colonyos.colonies.config.ApiSettings;
import org.colonyos.colonies.cli.server.ServerLauncher;
import org.colonyos.colonies.config.LogRetention;
import org.colonyos.colonies.config.PeerAddress;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-node server's Raft port listens on 127.0.0.1 only, whatever address serves HTTP: with HTTP on
 * 127.0.0.2 (another loopback address), the Raft port is closed there and open on 127.0.0.1.
 */
@Timeout(60)
class SingleNodeRaftPortTest {
    @Test
    void raftListensOnLoopbackWhateverHostServesHttp(@TempDir Path dir) throws Exception {
        String serverKey = Secp256k1.generatePrivateKey();
        int raftPort = PeerAddress.freeLoopbackPort();
        try (ColoniesServer server = ServerLauncher.startSingleNode("127.0.0.2", 0, raftPort, dir,
                Identity.idOfPrivateKey(serverKey), ApiSettings.DEFAULT, LogRetention.DEFAULT)) {
            assertEquals("127.0.0.2", URI.create(server.url()).getHost());
            ColoniesClient client = new ColoniesClient(List.of(URI.create(server.url())), Duration.ofSeconds(10));
            assertEquals(List.of(), client.getColonies(serverKey), "HTTP is served on 127.0.0.2");
            assertThrows(ConnectException.class, () -> connect("127.0.0.2", raftPort));
            connect("127.0.0.1", raftPort);
        }
    }

    private static void connect(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
        }
    }
}
