package org.colonyos.colonies.config;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for tests: EC P-256 keys, a self-signed CA and node certificates for
 * 127.0.0.1/localhost, written as the PEM files {@link PeerTls} reads. Not thread-safe.
 */
public final class TestPki {
    private static final AtomicLong SERIALS = new AtomicLong(1);
    private final KeyPair caKeys;
    private final X509Certificate caCertificate;

    private TestPki(String name) {
        caKeys = newKeyPair();
        X500Name subject = new X500Name("CN=" + name);
        caCertificate = sign(new JcaX509v3CertificateBuilder(subject, serial(), validFrom(), validTo(), subject,
                caKeys.getPublic()), ext -> {
                    ext.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    ext.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                }, caKeys);
    }

    /** A new CA with this common name. */
    public static TestPki authority(String name) {
        return new TestPki(name);
    }

    /**
     * Writes {@code ca.pem}, and {@code <id>.crt}/{@code <id>.key} for every node, into {@code dir}.
     *
     * @return peer TLS settings with the {@code {node}} placeholder, valid for all the nodes
     */
    public PeerTls issueCluster(Path dir, List<String> nodeIds) {
        writeAuthority(dir.resolve("ca.pem"));
        for (String id : nodeIds) {
            issue(id, dir.resolve(id + ".crt"), dir.resolve(id + ".key"));
        }
        return new PeerTls(dir.resolve("{node}.crt").toString(), dir.resolve("{node}.key").toString(),
                dir.resolve("ca.pem").toString());
    }

    /** Writes the CA certificate as PEM. */
    public void writeAuthority(Path file) {
        writePem(file, caCertificate);
    }

    /** Issues a node certificate for 127.0.0.1 and localhost, and writes it and its PKCS#8 key as PEM. */
    public void issue(String nodeId, Path certFile, Path keyFile) {
        KeyPair keys = newKeyPair();
        X509Certificate certificate = sign(new JcaX509v3CertificateBuilder(caCertificate, serial(), validFrom(),
                validTo(), new X500Name("CN=" + nodeId), keys.getPublic()), ext -> ext.addExtension(
                        Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                            new GeneralName(GeneralName.dNSName, "localhost")})), caKeys);
        writePem(certFile, certificate);
        writeText(keyFile, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    }

    private interface Extensions {
        void add(JcaX509v3CertificateBuilder builder) throws IOException;
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, Extensions extensions,
            KeyPair signer) {
        try {
            extensions.add(builder);
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot sign a test certificate", e);
        }
    }

    private static void writePem(Path file, Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeText(file, text.toString());
    }

    private static void writeText(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIALS.getAndIncrement());
    }

    private static Date validFrom() {
        return Date.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Date validTo() {
        return Date.from(Instant.now().plus(Duration.ofDays(1)));
    }
}
