package org.colonyos.colonies.cfs;

/**
 * Hears of bytes moved to or from S3, for progress bars. Called from transfer threads, possibly several at once:
 * implementations must be thread-safe.
 */
@FunctionalInterface
public interface TransferProgress {
    /** Reports nothing. */
    TransferProgress NONE = bytes -> {
    };

    /** {@code bytes} more were transferred. */
    void transferred(long bytes);
}
