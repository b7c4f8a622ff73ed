package org.colonyos.colonies.proto.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.util.Memoable;

/**
 * The JDK's SHA-256 (which uses the CPU's SHA instructions where there are any) behind BouncyCastle's digest
 * interface, so that BouncyCastle's HMAC and RFC 6979 nonce generator run on it: about three times faster than
 * BouncyCastle's own SHA-256 on such CPUs, with the same bytes.
 *
 * <p>Not thread-safe: one instance per use, as BouncyCastle's digests.
 */
final class JdkSha256 implements ExtendedDigest, Memoable {
    private static final int DIGEST_BYTES = 32;
    private static final int BLOCK_BYTES = 64;
    private MessageDigest sha;

    JdkSha256() {
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private JdkSha256(MessageDigest state) {
        this.sha = state;
    }

    @Override
    public String getAlgorithmName() {
        return "SHA-256";
    }

    @Override
    public int getDigestSize() {
        return DIGEST_BYTES;
    }

    @Override
    public int getByteLength() {
        return BLOCK_BYTES;
    }

    @Override
    public void update(byte in) {
        sha.update(in);
    }

    @Override
    public void update(byte[] in, int offset, int length) {
        sha.update(in, offset, length);
    }

    @Override
    public int doFinal(byte[] out, int offset) {
        System.arraycopy(sha.digest(), 0, out, offset, DIGEST_BYTES);
        return DIGEST_BYTES;
    }

    @Override
    public void reset() {
        sha.reset();
    }

    @Override
    public Memoable copy() {
        return new JdkSha256(cloned(sha));
    }

    @Override
    public void reset(Memoable other) {
        sha = cloned(((JdkSha256) other).sha);
    }

    private static MessageDigest cloned(MessageDigest state) {
        try {
            return (MessageDigest) state.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 cannot be copied", e);
        }
    }
}
