package org.colonyos.colonies.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything one node needs to start: which member of which cluster it is, where it keeps its data, the
 * server owner id to bootstrap a fresh state with, and how often it snapshots. Immutable.
 *
 * @param cluster the members of the Raft group
 * @param nodeId this node's id in {@code cluster}
 * @param dataDir directory for the Raft log, snapshots and the MapDB store
 * @param serverId server owner id written into a fresh state ({@code COLONIES_SERVER_ID}); may be empty
 * @param retention when to snapshot and how much Raft log to keep
 * @param timers how the leader's timers run
 */
public record NodeSettings(ClusterConfig cluster, String nodeId, Path dataDir, String serverId,
        LogRetention retention, TimerSettings timers) {

    public NodeSettings {
        cluster.validate().node(nodeId);
        serverId = serverId == null ? "" : serverId;
        retention = retention == null ? LogRetention.DEFAULT : retention;
        timers = timers == null ? TimerSettings.DEFAULT : timers;
    }

    /** Settings with the default log retention and timers. */
    public NodeSettings(ClusterConfig cluster, String nodeId, Path dataDir, String serverId) {
        this(cluster, nodeId, dataDir, serverId, LogRetention.DEFAULT, TimerSettings.DEFAULT);
    }

    /** This node's peer TLS files ({@code {node}} resolved), if the cluster's Raft traffic uses TLS. */
    public Optional<PeerTls> peerTls() {
        return Optional.ofNullable(cluster.peerTls()).map(tls -> tls.forNode(nodeId));
    }

    /** This node's address. */
    public PeerAddress self() {
        return cluster.node(nodeId);
    }
}
