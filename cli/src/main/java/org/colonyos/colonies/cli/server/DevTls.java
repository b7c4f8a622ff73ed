package org.colonyos.colonies.cli.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.colonyos.colonies.config.ApiTls;
import org.colonyos.colonies.config.PeerPki;

/**
 * The certificates of {@code colonies dev --tls}, kept in the data directory's {@code tls}: a CA of its own
 * ({@code ca.pem}, what clients trust through {@code COLONIES_TLS_CA}) and a server certificate it signed for
 * {@code 127.0.0.1} and {@code localhost}. Made once; a restart on the same data directory reuses them.
 *
 * @param caFile the CA certificate clients trust
 * @param api the server's TLS settings
 */
record DevTls(Path caFile, ApiTls api) {
    private static final Duration VALIDITY = Duration.ofDays(825);

    /** The dev certificates in {@code dataDir}, made now if they are not there. */
    static DevTls in(Path dataDir) {
        Path dir = dataDir.resolve("tls");
        Path ca = dir.resolve("ca.pem");
        Path cert = dir.resolve("server.crt");
        Path key = dir.resolve("server.key");
        if (!Files.exists(cert) || !Files.exists(key) || !Files.exists(ca)) {
            PeerPki pki = PeerPki.create("colonies dev CA", VALIDITY);
            try {
                Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            pki.writeAuthority(ca, null);
            pki.issue("colonies-dev", List.of("127.0.0.1", "localhost"), cert, key, VALIDITY);
        }
        return new DevTls(ca, new ApiTls(cert.toString(), key.toString(), ApiTls.DEFAULT_RELOAD_INTERVAL));
    }
}
