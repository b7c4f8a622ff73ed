package org.colonyos.colonies.proto.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA3Digest;

/**
 * FIPS-202 SHA3-256 (not Keccak-256), the hash behind every ColonyOS id and signature.
 *
 * <p>Stateless and thread-safe: each call uses its own digest.
 */
public final class Sha3 {
    private Sha3() {
    }

    /** SHA3-256 of the bytes. */
    public static byte[] hash(byte[] data) {
        SHA3Digest digest = new SHA3Digest(256);
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    /** SHA3-256 of the UTF-8 bytes of the text. */
    public static byte[] hash(String text) {
        return hash(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Lowercase hex of SHA3-256 of the UTF-8 bytes of the text. */
    public static String hashHex(String text) {
        return Hex.encode(hash(text));
    }
}
