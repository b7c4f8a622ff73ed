package org.colonyos.colonies.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads and checks the PEM files of TLS settings: certificate chains, private keys (RSA or EC, as PKCS#8
 * {@code BEGIN PRIVATE KEY} or the traditional PKCS#1/SEC1 {@code BEGIN RSA/EC PRIVATE KEY}), and whether a key
 * and a certificate belong together. Every problem is a {@link ConfigException} naming the file, prefixed with
 * what the file is for (for example {@code "API TLS"}).
 *
 * <p>Stateless and thread-safe.
 */
final class PemFiles {
    private PemFiles() {
    }

    /** The certificates of a PEM file, in file order (a chain: leaf first); at least one. */
    static List<X509Certificate> certificates(String purpose, String file) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .stream().map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw new ConfigException(purpose + " file " + file + " holds no PEM certificate");
            }
            return certificates;
        } catch (IOException e) {
            throw unreadable(purpose, file, e);
        } catch (CertificateException e) {
            throw new ConfigException(purpose + " file " + file + " is not a PEM certificate file: " + e.getMessage());
        }
    }

    /** The unencrypted private key of a PEM file, RSA or EC, in any of the usual PEM encodings. */
    static PrivateKey privateKey(String purpose, String file) {
        Object parsed;
        try (Reader text = Files.newBufferedReader(Path.of(file), StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(text)) {
            parsed = parser.readObject();
        } catch (IOException e) {
            throw e instanceof PEMException ? notAKey(purpose, file) : unreadable(purpose, file, e);
        }
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (parsed instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
        } catch (PEMException e) {
            throw new ConfigException(purpose + " key " + file + " is neither an RSA nor an EC key: " + e.getMessage());
        }
        throw notAKey(purpose, file);
    }

    private static ConfigException notAKey(String purpose, String file) {
        return new ConfigException(purpose + " key " + file + " is not an unencrypted PEM private key (BEGIN PRIVATE "
                + "KEY, BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY)");
    }

    /** Checks that the leaf is valid now and that the key is the leaf's. */
    static void checkPair(String purpose, String certFile, X509Certificate leaf, String keyFile, PrivateKey key) {
        try {
            leaf.checkValidity();
        } catch (CertificateException e) {
            throw new ConfigException(purpose + " certificate " + certFile + " is not valid now (valid "
                    + leaf.getNotBefore().toInstant() + " to " + leaf.getNotAfter().toInstant() + ")");
        }
        if (!belongTogether(key, leaf.getPublicKey())) {
            throw new ConfigException(purpose + " key " + keyFile + " does not belong to the certificate in "
                    + certFile);
        }
    }

    static ConfigException unreadable(String purpose, String file, IOException e) {
        String reason = e instanceof NoSuchFileException ? "no such file" : e.toString();
        return new ConfigException("cannot read " + purpose + " file " + file + ": " + reason);
    }

    private static boolean belongTogether(PrivateKey key, PublicKey publicKey) {
        String algorithm = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        byte[] probe = "colonies key check".getBytes(StandardCharsets.US_ASCII);
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
}
