package org.colonyos.colonies.proto.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;

/**
 * secp256k1 compact recoverable ECDSA as ColonyOS uses it: signatures are {@code r(32) || s(32) || v(1)}
 * over SHA3-256 of the message, with RFC 6979 (HMAC-SHA256) nonces and low-S normalisation.
 *
 * <p>The point arithmetic is {@code CurveArithmetic.preferred()}: libsecp256k1 where it loads, else
 * BouncyCastle; both give the same bytes.
 *
 * <p>Stateless and thread-safe. All failures are {@link CryptoException}s whose texts follow the Go server.
 */
public final class Secp256k1 {
    /**
     * The order of the curve's group (SEC 2, 2.4.1), written out so that signing with the native library never
     * builds BouncyCastle's curve (which takes a tenth of a second at start-up).
     */
    private static final BigInteger N = new BigInteger(
            "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
    private static final BigInteger HALF_N = N.shiftRight(1);
    private static final int SIGNATURE_LENGTH = 65;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secp256k1() {
    }

    /** A fresh random private key as 64 lowercase hex characters. */
    public static String generatePrivateKey() {
        byte[] bytes = new byte[32];
        while (true) {
            RANDOM.nextBytes(bytes);
            BigInteger d = new BigInteger(1, bytes);
            if (d.signum() > 0 && d.compareTo(N) < 0) {
                return Hex.encode(bytes);
            }
        }
    }

    /** The 65-byte uncompressed public key {@code 04 || X || Y} of a private key. */
    public static byte[] publicKey(String privateKeyHex) {
        return publicKey(privateKeyHex, CurveArithmetic.preferred());
    }

    static byte[] publicKey(String privateKeyHex, CurveArithmetic curve) {
        return curve.multiplyGenerator(parsePrivateKey(privateKeyHex));
    }

    /** Signs SHA3-256 of the message's bytes; returns the 130-hex-character compact signature. */
    public static String sign(byte[] message, String privateKeyHex) {
        return sign(message, privateKeyHex, CurveArithmetic.preferred());
    }

    static String sign(byte[] message, String privateKeyHex, CurveArithmetic curve) {
        BigInteger d = parsePrivateKey(privateKeyHex);
        byte[] hash = Sha3.hash(message);
        BigInteger e = new BigInteger(1, hash);
        HMacDSAKCalculator nonces = new HMacDSAKCalculator(new JdkSha256());
        nonces.init(N, d, hash);
        while (true) {
            BigInteger k = nonces.nextK();
            byte[] point = curve.multiplyGenerator(k);
            BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 33));
            BigInteger r = x.mod(N);
            BigInteger s = BigIntegers.modOddInverse(N, k).multiply(e.add(d.multiply(r))).mod(N);
            if (r.signum() == 0 || s.signum() == 0) {
                continue;
            }
            int recoveryId = (point[64] & 1) | (x.compareTo(N) >= 0 ? 2 : 0);
            if (s.compareTo(HALF_N) > 0) {
                s = N.subtract(s);
                recoveryId ^= 1;
            }
            byte[] signature = new byte[SIGNATURE_LENGTH];
            System.arraycopy(unsigned32(r), 0, signature, 0, 32);
            System.arraycopy(unsigned32(s), 0, signature, 32, 32);
            signature[64] = (byte) recoveryId;
            return Hex.encode(signature);
        }
    }

    /**
     * Recovers the signer's uncompressed public key from a compact signature over SHA3-256 of the message
     * (SEC1 4.1.6). Rejects bad hex, a length other than 65 bytes, r or s outside [1, n-1], high S and
     * recovery ids above 7 (4..7 are treated as 0..3, as btcec does).
     */
    public static byte[] recoverPublicKey(byte[] message, String signatureHex) {
        return recoverPublicKey(message, signatureHex, CurveArithmetic.preferred());
    }

    static byte[] recoverPublicKey(byte[] message, String signatureHex, CurveArithmetic curve) {
        byte[] signature = Hex.decode(signatureHex);
        if (signature.length != SIGNATURE_LENGTH) {
            throw new CryptoException("Invalid signature length");
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        int v = signature[64] & 0xff;
        if (v > 7) {
            throw new CryptoException("Failed to recover public key: invalid recovery id " + v);
        }
        int recoveryId = v & 3;
        if (r.signum() == 0 || r.compareTo(N) >= 0 || s.signum() == 0 || s.compareTo(N) >= 0) {
            throw new CryptoException("Failed verify signature: signature r or s value out of range");
        }
        if (s.compareTo(HALF_N) > 0) {
            throw new CryptoException("Failed verify signature: Signature s value is over half the order");
        }
        return curve.recover(Sha3.hash(message), r, s, recoveryId);
    }

    private static BigInteger parsePrivateKey(String privateKeyHex) {
        byte[] bytes = Hex.decode(privateKeyHex);
        if (bytes.length != 32) {
            throw new CryptoException("invalid private key length, expected 32 bytes");
        }
        BigInteger d = new BigInteger(1, bytes);
        if (d.signum() == 0 || d.compareTo(N) >= 0) {
            throw new CryptoException("invalid private key, not in the range [1, n-1]");
        }
        return d;
    }

    /** The 32-byte big-endian encoding of a non-negative value below 2^256. */
    static byte[] unsigned32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }
}
