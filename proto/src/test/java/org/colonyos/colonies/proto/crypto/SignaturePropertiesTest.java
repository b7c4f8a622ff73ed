package org.colonyos.colonies.proto.crypto;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigInteger;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Sign then recover gives the signer's id, and s is always in the low half, for random keys and messages. */
class SignaturePropertiesTest {
    private static final BigInteger HALF_N = CustomNamedCurves.getByName("secp256k1").getN().shiftRight(1);

    /** Random 32-byte values in hex (SHA3-256 of three random ints): private keys, r and s. */
    static Gen<String> hex32() {
        return integers().all().zip(integers().all(), integers().all(), (a, b, c) ->
                Sha3.hashHex(a + ":" + b + ":" + c));
    }

    @Test
    void signThenRecoverGivesTheSignersId() {
        qt().withExamples(150).withFixedSeed(20261122L)
                .forAll(hex32(), strings().allPossible().ofLengthBetween(0, 200))
                .checkAssert((key, message) -> {
                    String signature = Identity.sign(message, key);
                    if (!Identity.recoverId(message, signature).equals(Identity.idOfPrivateKey(key))) {
                        throw new AssertionError("recovered a different id for " + message);
                    }
                    if (new BigInteger(signature.substring(64, 128), 16).compareTo(HALF_N) > 0) {
                        throw new AssertionError("high s in " + signature);
                    }
                });
    }

    @Test
    void aSignatureDoesNotRecoverTheSignerForAnotherMessage() {
        qt().withExamples(50).withFixedSeed(7L)
                .forAll(hex32(), strings().basicLatinAlphabet().ofLengthBetween(1, 50))
                .checkAssert((key, message) -> {
                    String signature = Identity.sign(message, key);
                    String other;
                    try {
                        other = Identity.recoverId(message + "x", signature);
                    } catch (CryptoException rejected) {
                        return;
                    }
                    if (other.equals(Identity.idOfPrivateKey(key))) {
                        throw new AssertionError("signature over " + message + " verified another message");
                    }
                });
    }
}
