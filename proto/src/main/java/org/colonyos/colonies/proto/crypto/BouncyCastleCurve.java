package org.colonyos.colonies.proto.crypto;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.custom.sec.SecP256K1Curve;

/**
 * secp256k1 point arithmetic in pure Java (BouncyCastle's custom curve with the GLV endomorphism). Works on
 * every platform; it is the reference the native implementation is tested against, and it phrases every
 * recovery failure.
 *
 * <p>Stateless and thread-safe.
 */
final class BouncyCastleCurve implements CurveArithmetic {
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final BigInteger N = CURVE.getN();
    private static final BigInteger P = ((SecP256K1Curve) CURVE.getCurve()).getQ();
    private static final ECPoint G = CURVE.getG();

    @Override
    public byte[] multiplyGenerator(BigInteger k) {
        return new FixedPointCombMultiplier().multiply(G, k).normalize().getEncoded(false);
    }

    @Override
    public byte[] recover(byte[] hash, BigInteger r, BigInteger s, int recoveryId) {
        BigInteger x = r.add(BigInteger.valueOf(recoveryId / 2).multiply(N));
        if (x.compareTo(P) >= 0) {
            throw new CryptoException("Failed to recover public key: x coordinate out of range");
        }
        byte[] compressed = new byte[33];
        compressed[0] = (byte) ((recoveryId & 1) == 1 ? 0x03 : 0x02);
        System.arraycopy(Secp256k1.unsigned32(x), 0, compressed, 1, 32);
        ECPoint bigR;
        try {
            bigR = CURVE.getCurve().decodePoint(compressed);
        } catch (IllegalArgumentException notOnCurve) {
            throw new CryptoException("Failed to recover public key: invalid signature point");
        }
        BigInteger rInverse = r.modInverse(N);
        BigInteger eNegated = N.subtract(new BigInteger(1, hash).mod(N)).mod(N);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(G, rInverse.multiply(eNegated).mod(N), bigR,
                rInverse.multiply(s).mod(N)).normalize();
        if (q.isInfinity()) {
            throw new CryptoException("Failed to recover public key: point at infinity");
        }
        return q.getEncoded(false);
    }
}
