package org.colonyos.colonies.proto.crypto;

/**
 * Strict lowercase hex codec with Go-compatible error texts.
 *
 * <p>Stateless and thread-safe.
 */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** Encodes bytes as lowercase hex. */
    public static String encode(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /**
     * Decodes hex (either case).
     *
     * @throws CryptoException with the text Go's {@code encoding/hex} would give
     */
    public static byte[] decode(String hex) {
        if (hex.length() % 2 != 0) {
            throw new CryptoException("encoding/hex: odd length hex string");
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((nibble(hex.charAt(2 * i)) << 4) | nibble(hex.charAt(2 * i + 1)));
        }
        return out;
    }

    private static int nibble(char c) {
        int value = Character.digit(c, 16);
        if (value < 0 || c > 'f') {
            throw new CryptoException(String.format("encoding/hex: invalid byte: U+%04X %s", (int) c,
                    "'" + c + "'"));
        }
        return value;
    }
}
