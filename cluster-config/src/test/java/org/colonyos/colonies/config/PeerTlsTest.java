package org.colonyos.colonies.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerTlsTest {
    @TempDir
    Path dir;

    private PeerTls issued() {
        return PeerPki.issueCluster(dir, new ClusterConfig("test", List.of(new PeerAddress("n1", "127.0.0.1", 7101,
                50081), new PeerAddress("n2", "localhost", 7102, 50082))));
    }

    private static String problem(PeerTls tls) {
        return assertThrows(ConfigException.class, tls::checkFiles).getMessage();
    }

    @Test
    void issuedFilesPassForEveryNode() {
        PeerTls tls = issued();
        tls.forNode("n1").checkFiles();
        tls.forNode("n2").checkFiles();
        assertEquals(dir.resolve("n2.key").toString(), tls.forNode("n2").keyFile());
        assertEquals(dir.resolve("ca.pem").toString(), tls.forNode("n2").caFile());
    }

    @Test
    void theClusterFileCarriesPeerTls() throws IOException {
        PeerTls tls = issued();
        ClusterConfig config = ClusterConfig.generate("c", 2, "127.0.0.1", 7101, 50081).withPeerTls(tls);
        Path file = dir.resolve("cluster.json");
        Files.writeString(file, config.toJson());
        ClusterConfig loaded = ClusterConfig.load(file);
        assertEquals(tls, loaded.peerTls());
        assertEquals(dir.resolve("n1.crt").toString(),
                new NodeSettings(loaded, "n1", dir, "").peerTls().orElseThrow().certFile());
        assertTrue(new NodeSettings(ClusterConfig.generate("c", 1, "127.0.0.1", 7101, 50081), "n1", dir, "")
                .peerTls().isEmpty());
        assertTrue(ClusterConfig.generate("c", 1, "127.0.0.1", 7101, 50081).toJson().indexOf("peerTls") < 0);
    }

    @Test
    void incompleteSettingsAreNamed() throws IOException {
        Path file = dir.resolve("cluster.json");
        Files.writeString(file, "{\"name\":\"c\",\"nodes\":[{\"id\":\"n1\",\"host\":\"h\",\"raftPort\":1,"
                + "\"httpPort\":2}],\"peerTls\":{\"certFile\":\"a\",\"caFile\":\"b\"}}");
        assertEquals("cluster file " + file + ": peerTls.keyFile must be set",
                assertThrows(ConfigException.class, () -> ClusterConfig.load(file)).getMessage());
    }

    @Test
    void aKeyOfAnotherCertificateIsRejected() throws IOException {
        PeerTls tls = issued();
        Files.copy(dir.resolve("n2.key"), dir.resolve("n1.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals("peer TLS key " + dir.resolve("n1.key") + " does not belong to the certificate in "
                + dir.resolve("n1.crt"), problem(tls.forNode("n1")));
    }

    @Test
    void aCertificateFromAnotherAuthorityIsRejected() {
        PeerTls tls = issued();
        PeerPki.create("other-ca", Duration.ofDays(1)).issue("n1", List.of("127.0.0.1"), dir.resolve("n1.crt"),
                dir.resolve("n1.key"), Duration.ofDays(1));
        assertEquals("peer TLS certificate " + dir.resolve("n1.crt") + " is not signed by a CA in "
                + dir.resolve("ca.pem"), problem(tls.forNode("n1")));
    }

    @Test
    void unreadableOrForeignFilesAreNamed() throws IOException {
        PeerTls tls = issued().forNode("n1");
        Files.writeString(dir.resolve("n1.key"),
                "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");
        assertTrue(problem(tls).startsWith("peer TLS key " + dir.resolve("n1.key")
                + " is not an unencrypted PKCS#8 PEM key"), problem(tls));
        Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        assertTrue(problem(tls).startsWith("peer TLS file " + dir.resolve("ca.pem") + " "), problem(tls));
        Files.delete(dir.resolve("n1.crt"));
        assertTrue(problem(tls).startsWith("cannot read peer TLS file " + dir.resolve("n1.crt")), problem(tls));
    }
}
