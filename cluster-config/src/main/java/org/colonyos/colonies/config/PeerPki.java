package org.colonyos.colonies.config;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small certificate authority for the mutual TLS between the nodes of a cluster ({@link PeerTls}): EC P-256
 * keys, a self-signed CA, and node certificates for client and server use whose subject alternative names are
 * the node's hosts. Files are PEM (keys as PKCS#8, readable by the owner only), as {@link PeerTls} reads them.
 * Built on BouncyCastle's PKIX library.
 *
 * <p>Not thread-safe; a tool for {@code colonies cluster init} and tests.
 */
public final class PeerPki {
    /** How long a generated CA is valid. */
    public static final Duration CA_VALIDITY = Duration.ofDays(3650);
    /** How long a generated node certificate is valid. */
    public static final Duration NODE_VALIDITY = Duration.ofDays(825);
    private static final Pattern IP_ADDRESS = Pattern.compile("[0-9.]+|.*:.*");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair caKeys;
    private final X509Certificate caCertificate;

    private PeerPki(KeyPair caKeys, X509Certificate caCertificate) {
        this.caKeys = caKeys;
        this.caCertificate = caCertificate;
    }

    /** A new CA with this common name, valid for {@code validity}. */
    public static PeerPki create(String name, Duration validity) {
        KeyPair keys = newKeyPair();
        X500Name subject = new X500Name("CN=" + name);
        X509Certificate certificate = sign(new JcaX509v3CertificateBuilder(subject, serial(), validFrom(),
                validTo(validity), subject, keys.getPublic()), builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                }, keys.getPrivate());
        return new PeerPki(keys, certificate);
    }

    /**
     * The CA written earlier by {@link #writeAuthority}.
     *
     * @throws ConfigException naming the file that cannot be read or does not hold a certificate or key
     */
    public static PeerPki load(Path certFile, Path keyFile) {
        X509Certificate certificate = PemFiles.certificates("peer CA", certFile.toString()).get(0);
        PrivateKey key = PemFiles.privateKey("peer CA", keyFile.toString());
        return new PeerPki(new KeyPair(certificate.getPublicKey(), key), certificate);
    }

    /**
     * Issues certificates for every node of {@code cluster} into {@code dir}, with the CA found there
     * ({@code ca.pem}, {@code ca.key}) or a new one: {@code <node>.crt} and {@code <node>.key} per node.
     *
     * @return the cluster's peer TLS settings, with the {@code {node}} placeholder
     */
    public static PeerTls issueCluster(Path dir, ClusterConfig cluster) {
        Path caCert = dir.resolve("ca.pem");
        Path caKey = dir.resolve("ca.key");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PeerPki pki = Files.exists(caCert) && Files.exists(caKey) ? load(caCert, caKey)
                : create(cluster.name() + " peer CA", CA_VALIDITY);
        if (!Files.exists(caKey)) {
            pki.writeAuthority(caCert, caKey);
        }
        for (PeerAddress node : cluster.nodes()) {
            pki.issue(node.id(), List.of(node.host()), dir.resolve(node.id() + ".crt"),
                    dir.resolve(node.id() + ".key"), NODE_VALIDITY);
        }
        return new PeerTls(dir.resolve("{node}.crt").toString(), dir.resolve("{node}.key").toString(),
                caCert.toString());
    }

    /** Writes the CA certificate, and its key when {@code keyFile} is not null. */
    public void writeAuthority(Path certFile, Path keyFile) {
        writeText(certFile, pem(caCertificate), false);
        if (keyFile != null) {
            writeText(keyFile, pem(pkcs8(caKeys.getPrivate())), true);
        }
    }

    /** Issues a node certificate for {@code hosts} (IP addresses or DNS names) and writes it and its key. */
    public void issue(String nodeId, List<String> hosts, Path certFile, Path keyFile, Duration validity) {
        KeyPair keys = newKeyPair();
        GeneralName[] names = hosts.stream().map(host -> new GeneralName(IP_ADDRESS.matcher(host).matches()
                ? GeneralName.iPAddress : GeneralName.dNSName, host)).toArray(GeneralName[]::new);
        X509Certificate certificate = sign(new JcaX509v3CertificateBuilder(caCertificate, serial(), validFrom(),
                validTo(validity), new X500Name("CN=" + nodeId), keys.getPublic()), builder -> {
                    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
                }, caKeys.getPrivate());
        writeText(certFile, pem(certificate), false);
        writeText(keyFile, pem(pkcs8(keys.getPrivate())), true);
    }

    private interface Extensions {
        void add(JcaX509v3CertificateBuilder builder) throws IOException;
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, Extensions extensions,
            PrivateKey signer) {
        try {
            extensions.add(builder);
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot sign a certificate", e);
        }
    }

    private static Object pkcs8(PrivateKey key) {
        try {
            return new JcaPKCS8Generator(key, null).generate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writeText(Path file, String text, boolean secret) {
        try {
            if (secret) {
                SecretFiles.write(file, text.getBytes(StandardCharsets.US_ASCII));
            } else {
                Files.writeString(file, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM);
    }

    private static Date validFrom() {
        return Date.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Date validTo(Duration validity) {
        return Date.from(Instant.now().plus(validity));
    }
}
