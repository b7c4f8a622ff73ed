package org.colonyos.colonies.sm.node;

import org.colonyos.colonies.sm.snapshot.StateFiles;

/**
 * A node's Raft facts at one moment, for metrics and operators. Immutable.
 *
 * @param role {@code LEADER}, {@code FOLLOWER}, {@code CANDIDATE}, {@code LISTENER} or {@code UNKNOWN}
 * @param term the current term (-1 while the group is not up)
 * @param commitIndex the highest log index known to be committed
 * @param appliedIndex the highest log index applied to the state
 * @param leaderChanges leader changes this node has learned of since it started
 * @param snapshots the node's snapshot exports so far
 */
public record RaftFacts(String role, long term, long commitIndex, long appliedIndex, long leaderChanges,
        StateFiles.SnapshotStats snapshots) {
}
