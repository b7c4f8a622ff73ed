package org.colonyos.colonies.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TLS for a node's HTTP API ({@code /api}, {@code /health}, {@code /metrics}, {@code /pubsub}): the node's
 * certificate chain and private key as PEM files, with the Go server's settings. The files are read again when
 * they change (checked every {@code reloadInterval}), so a renewed certificate takes effect without a restart.
 * Immutable.
 *
 * @param certFile the certificate chain, leaf first
 * @param keyFile the leaf's unencrypted private key, RSA or EC, PKCS#8 or PKCS#1/SEC1
 * @param reloadInterval how often the files are checked for changes
 */
public record ApiTls(String certFile, String keyFile, Duration reloadInterval) {
    /** How often the files are checked by default. */
    public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(5);
    private static final String PURPOSE = "API TLS";

    public ApiTls {
        if (certFile == null || certFile.isBlank() || keyFile == null || keyFile.isBlank()) {
            throw new ConfigException("API TLS needs a certificate and a key file: set COLONIES_TLSCERT and "
                    + "COLONIES_TLSKEY (or COLONIES_SERVER_HTTP_TLS_CERT and _KEY), or pass --tlscert and --tlskey");
        }
        if (reloadInterval == null || reloadInterval.isNegative() || reloadInterval.isZero()) {
            throw new ConfigException("the TLS reload interval must be a positive duration");
        }
    }

    /** The certificate chain and key of the files as read, checked to belong together. */
    public record Material(PrivateKey key, List<X509Certificate> chain) {
    }

    /**
     * The API TLS settings of a server: on when {@code COLONIES_TLS=true} or a certificate is given by flag,
     * off when {@code insecure} (the Go server's {@code --insecure}). Files come from the flags, else
     * {@code COLONIES_TLSCERT}/{@code COLONIES_TLSKEY}, else {@code COLONIES_SERVER_HTTP_TLS_CERT}/{@code _KEY}.
     *
     * @param certFlag {@code --tlscert}, or null
     * @param keyFlag {@code --tlskey}, or null
     * @throws ConfigException when TLS is on and a file is not named
     */
    public static Optional<ApiTls> fromEnv(Map<String, String> env, String certFlag, String keyFlag,
            boolean insecure) {
        boolean on = "true".equalsIgnoreCase(env.getOrDefault("COLONIES_TLS", "false").trim()) || certFlag != null;
        if (insecure || !on) {
            return Optional.empty();
        }
        Duration reload = EnvValues.seconds(env, "COLONIES_TLS_RELOAD_INTERVAL", DEFAULT_RELOAD_INTERVAL);
        return Optional.of(new ApiTls(firstSet(certFlag, env.get("COLONIES_TLSCERT"),
                env.get("COLONIES_SERVER_HTTP_TLS_CERT")), firstSet(keyFlag, env.get("COLONIES_TLSKEY"),
                env.get("COLONIES_SERVER_HTTP_TLS_KEY")), reload));
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /**
     * Reads both files and checks them: each parses, the leaf is valid now and the key is the leaf's.
     *
     * @throws ConfigException naming the file and the problem
     */
    public Material load() {
        List<X509Certificate> chain = PemFiles.certificates(PURPOSE, certFile);
        PrivateKey key = PemFiles.privateKey(PURPOSE, keyFile);
        PemFiles.checkPair(PURPOSE, certFile, chain.get(0), keyFile, key);
        return new Material(key, chain);
    }

    /**
     * A digest of both files' bytes, to tell whether they changed since they were loaded (empty when a file
     * cannot be read at the moment, as while it is being replaced).
     */
    public Optional<String> fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Files.readAllBytes(Path.of(certFile)));
            digest.update(Files.readAllBytes(Path.of(keyFile)));
            return Optional.of(java.util.HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
