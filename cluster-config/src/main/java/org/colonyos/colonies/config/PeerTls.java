package org.colonyos.colonies.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Mutual TLS for the Raft (gRPC) traffic between the nodes of a cluster: every node presents its certificate
 * to its peers and accepts only peers whose certificate a trusted CA signed. The three paths are PEM files;
 * {@code {node}} in a path stands for the node's id, so one cluster file can serve every node of a test or
 * single-host cluster, while on separate machines the same path simply holds each machine's own files.
 * Immutable.
 *
 * @param certFile the node's certificate chain, leaf first (its subject alternative names must cover the
 *     node's {@code host} as written in the cluster file, because peers verify it)
 * @param keyFile the node's private key as unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), RSA or EC
 * @param caFile the certificates of the CAs that sign peer certificates
 */
public record PeerTls(
        @JsonProperty("certFile") String certFile,
        @JsonProperty("keyFile") String keyFile,
        @JsonProperty("caFile") String caFile) {
    private static final String NODE_PLACEHOLDER = "{node}";
    private static final String PURPOSE = "peer TLS";
    private static final String PKCS8_HEADER = "-----BEGIN PRIVATE KEY-----";

    /**
     * Checks that all three paths are given.
     *
     * @return this
     * @throws ConfigException naming the missing field
     */
    public PeerTls validate() {
        requirePath("certFile", certFile);
        requirePath("keyFile", keyFile);
        requirePath("caFile", caFile);
        return this;
    }

    private static void requirePath(String field, String path) {
        if (path == null || path.isBlank()) {
            throw new ConfigException("peerTls." + field + " must be set");
        }
    }

    /** These settings with {@code {node}} replaced by the given node id. */
    public PeerTls forNode(String nodeId) {
        return new PeerTls(certFile.replace(NODE_PLACEHOLDER, nodeId), keyFile.replace(NODE_PLACEHOLDER, nodeId),
                caFile.replace(NODE_PLACEHOLDER, nodeId));
    }

    /**
     * Reads the three files and checks what a TLS handshake would otherwise reject later and less clearly:
     * each parses, the key is PKCS#8, the key belongs to the leaf certificate, the leaf is valid now, and the
     * chain ends at a certificate one of the CAs signed (or at one of the CAs itself).
     *
     * @throws ConfigException naming the file and the problem
     */
    public void checkFiles() {
        List<X509Certificate> chain = PemFiles.certificates(PURPOSE, certFile);
        List<X509Certificate> authorities = PemFiles.certificates(PURPOSE, caFile);
        requirePkcs8(keyFile);
        PemFiles.checkPair(PURPOSE, certFile, chain.get(0), keyFile, PemFiles.privateKey(PURPOSE, keyFile));
        X509Certificate last = chain.get(chain.size() - 1);
        if (authorities.stream().noneMatch(ca -> ca.equals(last) || signedBy(last, ca))) {
            throw new ConfigException("peer TLS certificate " + certFile + " is not signed by a CA in " + caFile);
        }
    }

    /** The Raft transport reads the key itself and takes PKCS#8 only. */
    private static void requirePkcs8(String file) {
        String pem;
        try {
            pem = Files.readString(Path.of(file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw PemFiles.unreadable(PURPOSE, file, e);
        }
        if (!pem.contains(PKCS8_HEADER)) {
            throw new ConfigException("peer TLS key " + file + " is not an unencrypted PKCS#8 PEM key (BEGIN PRIVATE "
                    + "KEY); convert it with: openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW");
        }
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate authority) {
        try {
            certificate.verify(authority.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
