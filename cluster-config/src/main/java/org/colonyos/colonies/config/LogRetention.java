package org.colonyos.colonies.config;

/**
 * How much Raft log a node keeps. A snapshot is taken every {@code snapshotEveryEntries} applied entries (this
 * also commits MapDB, bounding crash replay); the log is then purged up to the snapshot, except the newest
 * {@code preservedEntries}, so a peer lagging by fewer entries catches up from the log instead of a snapshot.
 * Purging removes whole closed segments of at most {@code segmentBytes}, so up to one segment more is kept.
 * Immutable.
 */
public record LogRetention(long snapshotEveryEntries, long segmentBytes, int preservedEntries) {
    /**
     * Entries between snapshots by default: etcd's default snapshot count. Each snapshot exports the whole state,
     * so the interval must grow with it; 10,000 made snapshots half of apply's work once the state held some
     * 60,000 processes (benchmarks, session 6).
     */
    public static final long DEFAULT_SNAPSHOT_EVERY = 100_000;
    /** Snapshot every 100,000 entries, 8 MB segments, 2,000 entries kept for lagging peers. */
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
