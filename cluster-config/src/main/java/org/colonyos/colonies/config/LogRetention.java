package org.colonyos.colonies.config;

/**
 * How much Raft log a node keeps. A snapshot is taken every {@code snapshotEveryEntries} applied entries (bounding
 * crash replay); the log is then purged up to the snapshot, except the newest
 * {@code preservedEntries}, so a peer lagging by fewer entries catches up from the log instead of a snapshot.
 * Purging removes whole closed segments of at most {@code segmentBytes}, so up to one segment more is kept.
 * Immutable.
 */
public record LogRetention(long snapshotEveryEntries, long segmentBytes, int preservedEntries) {
    /**
     * Entries between snapshots by default. Each snapshot exports the whole state, so the interval must not be
     * small: 10,000 one-write entries made snapshots half of apply's work once the state held some 60,000
     * processes (benchmarks, session 6). Under load an entry carries a batch of some six writes (session 9),
     * so 20,000 entries are about as many writes as the 100,000 one-write entries before batching (crash replay
     * and log size stay where they were); under light load, 20,000 writes.
     */
    public static final long DEFAULT_SNAPSHOT_EVERY = 20_000;
    /** Snapshot every 20,000 entries, 8 MB segments, 2,000 entries kept for lagging peers. */
    public static final LogRetention DEFAULT = new LogRetention(DEFAULT_SNAPSHOT_EVERY, 8L * 1024 * 1024, 2_000);

    public LogRetention {
        if (snapshotEveryEntries < 1) {
            throw new ConfigException("snapshot interval must be at least 1 entry, got " + snapshotEveryEntries);
        }
        if (segmentBytes < 1024) {
            throw new ConfigException("log segment size must be at least 1024 bytes, got " + segmentBytes);
        }
        if (preservedEntries < 0) {
            throw new ConfigException("preserved log entries must not be negative, got " + preservedEntries);
        }
    }

    /** The default retention with another snapshot interval. */
    public static LogRetention snapshotEvery(long entries) {
        return new LogRetention(entries, DEFAULT.segmentBytes, DEFAULT.preservedEntries);
    }
}
