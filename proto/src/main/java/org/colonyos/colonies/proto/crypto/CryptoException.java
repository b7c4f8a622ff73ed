package org.colonyos.colonies.proto.crypto;

/**
 * A key, signature or encoding that cannot be used. The message is safe to return to a client
 * (it never contains key material) and mirrors the Go server's text where one exists.
 */
public final class CryptoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message);
    }
}
