package org.colonyos.colonies.config;

import java.nio.file.Path;

/**
 * Everything one node needs to start: which member of which cluster it is, where it keeps its data, the
 * server owner id to bootstrap a fresh state with, and how often it snapshots. Immutable.
 *
 * @param cluster the members of the Raft group
 * @param nodeId this node's id in {@code cluster}
 * @param dataDir directory for the Raft log, snapshots and the MapDB store
 * @param serverId server owner id written into a fresh state ({@code COLONIES_SERVER_ID}); may be empty
 * @param snapshotEveryEntries take a snapshot (and commit MapDB) after this many applied entries
 * @param timers how the leader's timers run
 */
public record NodeSettings(ClusterConfig cluster, String nodeId, Path dataDir, String serverId,
        long snapshotEveryEntries, TimerSettings timers) {

    /** Default snapshot interval: bounds crash replay and MapDB's uncommitted write-ahead log. */
    public static final long DEFAULT_SNAPSHOT_EVERY_ENTRIES = 10_000;

    public NodeSettings {
        cluster.validate().node(nodeId);
        if (snapshotEveryEntries < 1) {
            throw new ConfigException("snapshot interval must be at least 1 entry, got " + snapshotEveryEntries);
        }
        serverId = serverId == null ? "" : serverId;
        timers = timers == null ? TimerSettings.DEFAULT : timers;
    }

    /** Settings with the default timers. */
    public NodeSettings(ClusterConfig cluster, String nodeId, Path dataDir, String serverId,
            long snapshotEveryEntries) {
        this(cluster, nodeId, dataDir, serverId, snapshotEveryEntries, TimerSettings.DEFAULT);
    }

    /** This node's address. */
    public PeerAddress self() {
        return cluster.node(nodeId);
    }
}
