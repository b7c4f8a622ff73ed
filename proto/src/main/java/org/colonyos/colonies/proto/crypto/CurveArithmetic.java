package org.colonyos.colonies.proto.crypto;

import java.math.BigInteger;

/**
 * The two secp256k1 point operations ColonyOS signatures need: the generator times a scalar (public keys and
 * the nonce point of a signature) and public-key recovery. {@link Secp256k1} does everything else (hashing,
 * nonces, range checks, encodings) in Java, so every implementation yields the same bytes.
 *
 * <p>Implementations are stateless after construction and thread-safe.
 */
interface CurveArithmetic {
    /**
     * {@code k·G} as the 65-byte uncompressed encoding {@code 04 || X || Y}.
     *
     * @param k a scalar in [1, n-1]
     */
    byte[] multiplyGenerator(BigInteger k);

    /**
     * The uncompressed public key that signed {@code hash} with {@code (r, s)} and this recovery id (SEC1
     * 4.1.6). The caller has checked r and s to be in [1, n-1], s low and the id in [0, 3].
     *
     * @throws CryptoException with the Go server's text when no public key results
     */
    byte[] recover(byte[] hash, BigInteger r, BigInteger s, int recoveryId);

    /** The fastest arithmetic this platform offers: libsecp256k1 when it loads, else BouncyCastle. */
    static CurveArithmetic preferred() {
        return Preferred.INSTANCE;
    }

    /** Lazy holder, so the native library is loaded at the first signature, once. */
    final class Preferred {
        private static final CurveArithmetic INSTANCE = NativeCurve.load().orElseGet(BouncyCastleCurve::new);

        private Preferred() {
        }
    }
}
