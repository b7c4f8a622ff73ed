package org.colonyos.colonies.cfs;

/** A CFS operation failed: S3 unreachable or refusing, a checksum mismatch, or a local file problem. */
public class CfsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CfsException(String message) {
        super(message);
    }

    public CfsException(String message, Throwable cause) {
        super(message, cause);
    }
}
