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
     * Entries between automatic snapshots by default: the most a restart after a crash replays. A snapshot
     * exports the whole state on a thread of its own (apply pauses some tens of milliseconds), and the next
     * one waits twice as long as that export took, so at a large state the snapshots come further apart
     * instead of taking the snapshot thread over. At 100,000 waiting processes, 5,000 entries instead of
     * 20,000 brought a kill -9 restart from 13-14 s to 8-10 s, and 2,000 instead of 5,000 to 5.6 s, with no
     * loss of submit rate (docs/benchmarks.md).
     */
    public static final long DEFAULT_SNAPSHOT_EVERY = 2_000;
    /** Snapshot every 2,000 entries, 8 MB segments, 2,000 entries kept for lagging peers. */
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
