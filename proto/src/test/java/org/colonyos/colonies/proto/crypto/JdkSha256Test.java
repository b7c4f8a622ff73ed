package org.colonyos.colonies.proto.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

/**
 * The JDK's SHA-256 behind BouncyCastle's digest interface gives BouncyCastle's own bytes: as a digest (also
 * after a reset and when fed a byte at a time), inside HMAC with keys of any length and repeated inits, and as
 * the RFC 6979 nonces of signatures.
 */
class JdkSha256Test {
    private static final BigInteger N = CustomNamedCurves.getByName("secp256k1").getN();

    private static byte[] digest(Digest digest, byte[] data) {
        digest.update(data[0]);
        digest.update(data, 1, data.length - 1);
        byte[] out = new byte[digest.getDigestSize() + 3];
        assertEquals(32, digest.doFinal(out, 3));
        return out;
    }

    private static byte[] hmac(Digest digest, byte[] key, byte[] data) {
        HMac mac = new HMac(digest);
        byte[] out = new byte[32];
        for (int round = 0; round < 2; round++) {
            mac.init(new KeyParameter(key));
            mac.update(data, 0, data.length);
            mac.doFinal(out, 0);
        }
        mac.update(data, 0, data.length);
        mac.doFinal(out, 0);
        return out;
    }

    @Test
    void givesBouncyCastlesBytesAsDigestAndInHmac() {
        qt().withExamples(200).withFixedSeed(20261208L)
                .forAll(strings().allPossible().ofLengthBetween(1, 300),
                        strings().allPossible().ofLengthBetween(0, 150))
                .checkAssert((text, keyText) -> {
                    byte[] data = text.getBytes(StandardCharsets.UTF_8);
                    byte[] key = keyText.getBytes(StandardCharsets.UTF_8);
                    JdkSha256 reused = new JdkSha256();
                    reused.update(new byte[] {1, 2, 3}, 0, 3);
                    reused.reset();
                    assertArrayEquals(digest(new SHA256Digest(), data), digest(reused, data));
                    assertArrayEquals(hmac(new SHA256Digest(), key, data), hmac(new JdkSha256(), key, data));
                });
    }

    @Test
    void givesBouncyCastlesRfc6979Nonces() {
        qt().withExamples(200).withFixedSeed(6979L)
                .forAll(SignaturePropertiesTest.hex32(), integers().all())
                .checkAssert((keyHex, message) -> {
                    BigInteger key = new BigInteger(keyHex, 16).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
                    byte[] hash = Sha3.hash(Integer.toString(message).getBytes(StandardCharsets.UTF_8));
                    HMacDSAKCalculator expected = new HMacDSAKCalculator(new SHA256Digest());
                    HMacDSAKCalculator actual = new HMacDSAKCalculator(new JdkSha256());
                    expected.init(N, key, hash);
                    actual.init(N, key, hash);
                    for (int i = 0; i < 3; i++) {
                        assertEquals(expected.nextK(), actual.nextK());
                    }
                });
    }
}
