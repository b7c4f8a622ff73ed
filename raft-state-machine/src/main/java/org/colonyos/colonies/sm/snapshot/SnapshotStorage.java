package org.colonyos.colonies.sm.snapshot;

import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;

/**
 * Ratis's single-file snapshot storage, with its latest-snapshot bookkeeping made safe for a snapshot thread.
 * When no snapshot is known yet, Ratis's {@code getLatestSnapshot} searches the directory and then records what
 * it found, {@code null} included; if the snapshot thread registers a snapshot in between, recording that
 * {@code null} throws (seen in a test: a NullPointerException in {@code updateLatestSnapshot} on the updater
 * thread, which stopped the server). The three methods that read or record the latest snapshot therefore run
 * one at a time.
 *
 * <p>Threading: any thread; the latest-snapshot methods are synchronized.
 */
public final class SnapshotStorage extends SimpleStateMachineStorage {
    @Override
    public synchronized SingleFileSnapshotInfo getLatestSnapshot() {
        return super.getLatestSnapshot();
    }

    @Override
    public synchronized SingleFileSnapshotInfo updateLatestSnapshot(SingleFileSnapshotInfo info) {
        return super.updateLatestSnapshot(info);
    }

    @Override
    public synchronized SingleFileSnapshotInfo loadLatestSnapshot() {
        return super.loadLatestSnapshot();
    }
}
