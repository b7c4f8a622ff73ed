package org.colonyos.colonies.proto.crypto;

import java.nio.charset.StandardCharsets;

/**
 * ColonyOS identities: {@code id = hex(SHA3-256(ascii(lowercase hex of the 65-byte uncompressed public key)))},
 * plus the signing and recovery operations expressed in terms of ids and payload strings.
 *
 * <p>Stateless and thread-safe.
 */
public final class Identity {
    private Identity() {
    }

    /** The id of a public key given as its 65 uncompressed bytes. */
    public static String idOfPublicKey(byte[] uncompressedPublicKey) {
        return Sha3.hashHex(Hex.encode(uncompressedPublicKey));
    }

    /** The id belonging to a private key (hex). */
    public static String idOfPrivateKey(String privateKeyHex) {
        return idOfPublicKey(Secp256k1.publicKey(privateKeyHex));
    }

    /** Signs the ASCII bytes of a payload string (in the RPC, the base64 payload) with a private key. */
    public static String sign(String payload, String privateKeyHex) {
        return Secp256k1.sign(payload.getBytes(StandardCharsets.UTF_8), privateKeyHex);
    }

    /** Recovers the signer's id of a signature over a payload string. */
    public static String recoverId(String payload, String signatureHex) {
        return idOfPublicKey(Secp256k1.recoverPublicKey(payload.getBytes(StandardCharsets.UTF_8), signatureHex));
    }
}
