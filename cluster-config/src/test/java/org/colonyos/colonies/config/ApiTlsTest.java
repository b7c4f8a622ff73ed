package org.colonyos.colonies.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ApiTlsTest {
    @TempDir
    Path dir;

    private static final Duration RELOAD = ApiTls.DEFAULT_RELOAD_INTERVAL;

    /** A self-signed certificate for a new key pair, written as PEM with the key in its traditional encoding. */
    private ApiTls selfSigned(String algorithm, String name) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp384r1"));
        } else {
            generator.initialize(2048);
        }
        KeyPair keys = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=" + name);
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                subject, BigInteger.ONE, Date.from(Instant.now().minusSeconds(60)),
                Date.from(Instant.now().plus(Duration.ofDays(1))), subject, keys.getPublic())
                .build(new JcaContentSignerBuilder(algorithm.equals("EC") ? "SHA256withECDSA" : "SHA256withRSA")
                        .build(keys.getPrivate())));
        Path cert = dir.resolve(name + ".crt");
        Path key = dir.resolve(name + ".key");
        Files.writeString(cert, pem(certificate));
        Files.writeString(key, algorithm.equals("EC") ? sec1(keys) : pem(keys));
        return new ApiTls(cert.toString(), key.toString(), RELOAD);
    }

    /** An EC key as OpenSSL writes it ({@code BEGIN EC PRIVATE KEY}, with its curve). */
    private static String sec1(KeyPair keys) throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
        java.security.interfaces.ECPrivateKey key = (java.security.interfaces.ECPrivateKey) keys.getPrivate();
        ECPrivateKey sec1 = new ECPrivateKey(key.getParams().getOrder().bitLength(), key.getS(),
                info.getPrivateKeyAlgorithm().getParameters());
        return pem(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    @Test
    void rsaKeysInPkcs1AndEcKeysInSec1Load() throws Exception {
        ApiTls rsa = selfSigned("RSA", "rsa");
        assertTrue(Files.readString(Path.of(rsa.keyFile())).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        assertEquals("RSA", rsa.load().key().getAlgorithm());
        ApiTls ec = selfSigned("EC", "ec");
        assertTrue(Files.readString(Path.of(ec.keyFile())).startsWith("-----BEGIN EC PRIVATE KEY-----"));
        assertEquals(1, ec.load().chain().size());
    }

    @Test
    void pkcs8KeysAndChainsLoadLeafFirst() throws Exception {
        PeerPki pki = PeerPki.create("test CA", Duration.ofDays(1));
        Path cert = dir.resolve("node.crt");
        Path key = dir.resolve("node.key");
        pki.issue("node", List.of("127.0.0.1"), cert, key, Duration.ofDays(1));
        pki.writeAuthority(dir.resolve("ca.pem"), null);
        Files.writeString(cert, Files.readString(cert) + Files.readString(dir.resolve("ca.pem")));
        ApiTls.Material material = new ApiTls(cert.toString(), key.toString(), RELOAD).load();
        assertEquals(List.of("CN=node", "CN=test CA"), material.chain().stream()
                .map(c -> c.getSubjectX500Principal().getName()).toList());
    }

    @Test
    void aKeyOfAnotherCertificateOrNoKeyAtAllIsNamed() throws Exception {
        ApiTls one = selfSigned("EC", "one");
        ApiTls two = selfSigned("RSA", "two");
        ApiTls mixed = new ApiTls(one.certFile(), two.keyFile(), RELOAD);
        assertEquals("API TLS key " + two.keyFile() + " does not belong to the certificate in " + one.certFile(),
                assertThrows(ConfigException.class, mixed::load).getMessage());
        ApiTls swapped = new ApiTls(one.certFile(), one.certFile(), RELOAD);
        assertTrue(assertThrows(ConfigException.class, swapped::load).getMessage()
                .startsWith("API TLS key " + one.certFile() + " is not an unencrypted PEM private key"));
        ApiTls missing = new ApiTls(dir.resolve("none.crt").toString(), one.keyFile(), RELOAD);
        assertTrue(assertThrows(ConfigException.class, missing::load).getMessage().contains("no such file"));
    }

    @Test
    void theFingerprintFollowsTheFilesContent() throws Exception {
        ApiTls tls = selfSigned("EC", "f");
        String before = tls.fingerprint().orElseThrow();
        assertEquals(before, tls.fingerprint().orElseThrow());
        Files.writeString(Path.of(tls.keyFile()), Files.readString(Path.of(tls.keyFile())) + "\n");
        assertNotEquals(before, tls.fingerprint().orElseThrow());
        Files.delete(Path.of(tls.certFile()));
        assertTrue(tls.fingerprint().isEmpty());
    }

    @Test
    void settingsComeFromTheGoServersVariablesAndFlags() {
        assertTrue(ApiTls.fromEnv(Map.of(), null, null, false).isEmpty());
        assertTrue(ApiTls.fromEnv(Map.of("COLONIES_TLS", "false", "COLONIES_TLSCERT", "c"), null, null, false)
                .isEmpty());
        ApiTls primary = ApiTls.fromEnv(Map.of("COLONIES_TLS", "true", "COLONIES_TLSCERT", "c", "COLONIES_TLSKEY",
                "k", "COLONIES_SERVER_HTTP_TLS_CERT", "c2", "COLONIES_SERVER_HTTP_TLS_KEY", "k2"), null, null, false)
                .orElseThrow();
        assertEquals(List.of("c", "k"), List.of(primary.certFile(), primary.keyFile()));
        ApiTls fallback = ApiTls.fromEnv(Map.of("COLONIES_TLS", "TRUE", "COLONIES_SERVER_HTTP_TLS_CERT", "c2",
                "COLONIES_SERVER_HTTP_TLS_KEY", "k2"), null, null, false).orElseThrow();
        assertEquals(List.of("c2", "k2"), List.of(fallback.certFile(), fallback.keyFile()));
        ApiTls flags = ApiTls.fromEnv(Map.of("COLONIES_TLSCERT", "c", "COLONIES_TLSKEY", "k"), "fc", "fk", false)
                .orElseThrow();
        assertEquals(List.of("fc", "fk"), List.of(flags.certFile(), flags.keyFile()));
        assertTrue(ApiTls.fromEnv(Map.of("COLONIES_TLS", "true", "COLONIES_TLSCERT", "c", "COLONIES_TLSKEY", "k"),
                null, null, true).isEmpty(), "--insecure serves plain HTTP");
        assertTrue(assertThrows(ConfigException.class, () -> ApiTls.fromEnv(Map.of("COLONIES_TLS", "true"), null,
                null, false)).getMessage().contains("COLONIES_TLSCERT"));
    }
}
