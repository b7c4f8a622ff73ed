package org.colonyos.colonies.http.cluster;

import static org.colonyos.colonies.http.cluster.TestCluster.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.colonyos.colonies.config.ApiSettings;
import org.colonyos.colonies.config.ApiTls;
import org.colonyos.colonies.config.LogRetention;
import org.colonyos.colonies.config.PeerPki;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.sdk.ClientTls;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.ColoniesException;
import org.colonyos.colonies.sdk.HttpEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A three-node cluster whose nodes each serve their API over TLS with their own certificate: writes through a
 * follower are forwarded and visible through every node over https, plain HTTP is refused everywhere, and after
 * the leader stops the survivors go on serving over TLS.
 */
@Timeout(150)
class ApiTlsClusterTest {
    private static ApiSettings apiOf(Path pki, String nodeId) {
        return ApiSettings.DEFAULT.withTls(Optional.of(new ApiTls(pki.resolve(nodeId + ".crt").toString(),
                pki.resolve(nodeId + ".key").toString(), ApiTls.DEFAULT_RELOAD_INTERVAL)));
    }

    private static ColoniesClient client(Path ca, TestCluster cluster, int... nodes) {
        List<URI> urls = java.util.Arrays.stream(nodes).mapToObj(i -> URI.create(cluster.server(i).url())).toList();
        return new ColoniesClient(urls, Duration.ofSeconds(30), HttpEngine.JDK_CLIENT, ClientTls.trusting(ca));
    }

    private static List<String> colonyNames(ColoniesClient client) {
        return client.getColonies(SERVER_KEY).stream().map(Colony::name).sorted().toList();
    }

    @Test
    void everyNodeServesTheApiOverTlsAndForwardsWrites(@TempDir Path dir) throws Exception {
        Path pki = Files.createDirectories(dir.resolve("pki"));
        PeerPki authority = PeerPki.create("api-ca", Duration.ofDays(1));
        Path ca = pki.resolve("ca.pem");
        authority.writeAuthority(ca, null);
        for (String id : List.of("n1", "n2", "n3")) {
            authority.issue(id, List.of("127.0.0.1"), pki.resolve(id + ".crt"), pki.resolve(id + ".key"),
                    Duration.ofDays(1));
        }
        try (TestCluster cluster = TestCluster.start(3, dir.resolve("data"), LogRetention.DEFAULT, null,
                id -> apiOf(pki, id))) {
            int leader = cluster.awaitLeader();
            int follower = cluster.otherThan(leader);
            String colonyKey = Secp256k1.generatePrivateKey();
            client(ca, cluster, follower).addColony(new Colony(Identity.idOfPrivateKey(colonyKey), "first"),
                    SERVER_KEY);
            for (int node = 0; node < 3; node++) {
                assertTrue(cluster.server(node).url().startsWith("https://"), cluster.server(node).url());
                assertEquals(List.of("first"), colonyNames(client(ca, cluster, node)));
                String plain = cluster.server(node).url().replace("https:", "http:");
                assertThrows(ColoniesException.class, () -> new ColoniesClient(URI.create(plain)).version());
            }
            cluster.stopNode(leader);
            int survivor = cluster.otherThan(leader);
            ColoniesClient survivors = client(ca, cluster, survivor, cluster.otherThan(leader, survivor));
            TestCluster.retrying(() -> survivors.addColony(new Colony(Identity.idOfPrivateKey(colonyKey), "second"),
                    SERVER_KEY));
            assertEquals(List.of("first", "second"), colonyNames(survivors));
        }
    }
}
