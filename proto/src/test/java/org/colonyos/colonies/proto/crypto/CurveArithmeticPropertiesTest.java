package org.colonyos.colonies.proto.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * libsecp256k1 (native) and BouncyCastle give byte-identical public keys, signatures and recoveries, and the
 * same error text for signatures that recover nothing.
 */
class CurveArithmeticPropertiesTest {
    private static final BigInteger N = CustomNamedCurves.getByName("secp256k1").getN();
    private static final CurveArithmetic JAVA = new BouncyCastleCurve();

    private static CurveArithmetic nativeCurve() {
        boolean linuxX64 = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").equals("amd64");
        Assumptions.assumeTrue(linuxX64, "the bundled libsecp256k1 is exercised on Linux x86_64");
        return NativeCurve.load().orElseThrow(() -> new AssertionError("libsecp256k1 did not load"));
    }

    @Test
    void thePreferredArithmeticIsNativeWhereTheLibraryIsBundled() {
        CurveArithmetic expected = nativeCurve();
        assertInstanceOf(expected.getClass(), CurveArithmetic.preferred());
    }

    @Test
    void bothGiveTheSamePublicKeysSignaturesAndRecoveries() {
        CurveArithmetic fast = nativeCurve();
        qt().withExamples(200).withFixedSeed(42L)
                .forAll(SignaturePropertiesTest.hex32(), strings().allPossible().ofLengthBetween(0, 100))
                .checkAssert((key, text) -> {
                    byte[] message = text.getBytes(StandardCharsets.UTF_8);
                    assertArrayEquals(Secp256k1.publicKey(key, JAVA), Secp256k1.publicKey(key, fast));
                    String signature = Secp256k1.sign(message, key, JAVA);
                    assertEquals(signature, Secp256k1.sign(message, key, fast));
                    assertArrayEquals(Secp256k1.recoverPublicKey(message, signature, JAVA),
                            Secp256k1.recoverPublicKey(message, signature, fast));
                });
    }

    @Test
    void bothAgreeOnArbitrarySignaturesIncludingThoseThatRecoverNothing() {
        CurveArithmetic fast = nativeCurve();
        qt().withExamples(400).withFixedSeed(7L)
                .forAll(SignaturePropertiesTest.hex32(), SignaturePropertiesTest.hex32(), integers().between(0, 3))
                .checkAssert((rHex, sHex, recoveryId) -> {
                    BigInteger r = new BigInteger(rHex, 16).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
                    BigInteger s = new BigInteger(sHex, 16).mod(N.shiftRight(1)).add(BigInteger.ONE);
                    String signature = Hex.encode(Secp256k1.unsigned32(r)) + Hex.encode(Secp256k1.unsigned32(s))
                            + String.format("%02x", recoveryId);
                    byte[] message = rHex.getBytes(StandardCharsets.US_ASCII);
                    assertEquals(outcome(message, signature, JAVA), outcome(message, signature, fast));
                });
    }

    @Test
    void aRecoveryIdAboveOneWithAnRThatOverflowsThePrimeIsRejectedByBoth() {
        CurveArithmetic fast = nativeCurve();
        String signature = Hex.encode(Secp256k1.unsigned32(N.subtract(BigInteger.ONE))) + "01".repeat(32) + "02";
        String expected = "error Failed to recover public key: x coordinate out of range";
        assertEquals(expected, outcome(new byte[] {1}, signature, JAVA));
        assertEquals(expected, outcome(new byte[] {1}, signature, fast));
        assertTrue(outcome("x".getBytes(StandardCharsets.US_ASCII), Secp256k1.sign(new byte[0],
                "01".repeat(32), fast), fast).startsWith("key "));
    }

    private static String outcome(byte[] message, String signature, CurveArithmetic curve) {
        try {
            return "key " + Hex.encode(Secp256k1.recoverPublicKey(message, signature, curve));
        } catch (CryptoException failed) {
            return "error " + failed.getMessage();
        }
    }
}
