package org.colonyos.colonies.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern PKCS8_PEM = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

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
        List<X509Certificate> chain = certificates(certFile);
        List<X509Certificate> authorities = certificates(caFile);
        PrivateKey key = privateKey(keyFile);
        X509Certificate leaf = chain.get(0);
        try {
            leaf.checkValidity();
        } catch (CertificateException e) {
            throw new ConfigException("peer certificate " + certFile + " is not valid now (valid "
                    + leaf.getNotBefore().toInstant() + " to " + leaf.getNotAfter().toInstant() + ")");
        }
        if (!belongTogether(key, leaf.getPublicKey())) {
            throw new ConfigException("peer key " + keyFile + " does not belong to the certificate in " + certFile);
        }
        X509Certificate last = chain.get(chain.size() - 1);
        if (authorities.stream().noneMatch(ca -> ca.equals(last) || signedBy(last, ca))) {
            throw new ConfigException("peer certificate " + certFile + " is not signed by a CA in " + caFile);
        }
    }

    private static List<X509Certificate> certificates(String file) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .stream().map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw new ConfigException("peer TLS file " + file + " holds no PEM certificate");
            }
            return certificates;
        } catch (IOException e) {
            throw unreadable(file, e);
        } catch (CertificateException e) {
            throw new ConfigException("peer TLS file " + file + " is not a PEM certificate file: " + e.getMessage());
        }
    }

    private static PrivateKey privateKey(String file) {
        String pem;
        try {
            pem = Files.readString(Path.of(file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        Matcher matcher = PKCS8_PEM.matcher(pem);
        if (!matcher.find()) {
            throw new ConfigException("peer key " + file + " is not an unencrypted PKCS#8 PEM key (BEGIN PRIVATE "
                    + "KEY); convert it with: openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW");
        }
        byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
        for (String algorithm : List.of("EC", "RSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // not this algorithm; try the next
            }
        }
        throw new ConfigException("peer key " + file + " is neither an EC nor an RSA key");
    }

    private static ConfigException unreadable(String file, IOException e) {
        String reason = e instanceof NoSuchFileException ? "no such file" : e.toString();
        return new ConfigException("cannot read peer TLS file " + file + ": " + reason);
    }

    private static boolean belongTogether(PrivateKey key, PublicKey publicKey) {
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] probe = "colonies peer key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
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
