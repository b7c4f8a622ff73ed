package org.colonyos.colonies.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which servers a client trusts over {@code https}/{@code wss}: the JDK's trust store (the default), the CAs of a
 * PEM file (a private CA, as {@code colonies dev --tls} makes), or anyone ({@code --skip-tls-verify}: the
 * connection is encrypted but the server is not authenticated, so only for trying things out). Immutable.
 */
public final class ClientTls {
    private static final ClientTls SYSTEM = new ClientTls(null, false);
    private final Path caFile;
    private final boolean skipVerify;

    private ClientTls(Path caFile, boolean skipVerify) {
        this.caFile = caFile;
        this.skipVerify = skipVerify;
    }

    /** Trust the servers the JDK's trust store trusts. */
    public static ClientTls systemTrust() {
        return SYSTEM;
    }

    /** Trust the servers whose certificates a CA in this PEM file signed. */
    public static ClientTls trusting(Path caFile) {
        return new ClientTls(caFile, false);
    }

    /** Trust any server certificate and any host name (encryption without authentication). */
    public static ClientTls skipVerify() {
        return new ClientTls(null, true);
    }

    /**
     * The trust the environment asks for: {@code COLONIES_SKIP_TLS_VERIFY=true}, else the CA file in
     * {@code COLONIES_TLS_CA}, else the system trust store.
     */
    public static ClientTls fromEnv(Map<String, String> env) {
        if ("true".equalsIgnoreCase(env.getOrDefault("COLONIES_SKIP_TLS_VERIFY", "").trim())) {
            return skipVerify();
        }
        String ca = env.getOrDefault("COLONIES_TLS_CA", "").trim();
        return ca.isEmpty() ? systemTrust() : trusting(Path.of(ca));
    }

    /**
     * A new TLS context for these settings (for other connections to the same servers, such as probes).
     *
     * @throws ColoniesException when the CA file cannot be read or holds no certificate
     */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            TrustManager[] trust = skipVerify ? new TrustManager[] {new TrustingEveryone()}
                    : caFile == null ? null : trustManagers(caFile);
            context.init(null, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ColoniesException(0, "cannot set up TLS: " + e.getMessage());
        }
    }

    private static TrustManager[] trustManagers(Path file) throws GeneralSecurityException {
        Collection<? extends Certificate> authorities;
        try (InputStream in = Files.newInputStream(file)) {
            authorities = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new ColoniesException(0, "cannot read the CA file " + file + " (COLONIES_TLS_CA or --cacert): "
                    + e.getMessage());
        }
        if (authorities.isEmpty()) {
            throw new ColoniesException(0, "the CA file " + file + " holds no PEM certificate");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int n = 0;
        for (Certificate authority : authorities) {
            store.setCertificateEntry("ca-" + n++, authority);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    @Override
    public String toString() {
        return skipVerify ? "skip verification" : caFile == null ? "system trust store" : "CA file " + caFile;
    }

    /** Accepts every certificate chain and host name (extended, so the JDK adds no host name check of its own). */
    private static final class TrustingEveryone extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
