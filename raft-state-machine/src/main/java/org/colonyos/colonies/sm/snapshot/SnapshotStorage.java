package org.colonyos.colonies.sm.snapshot;

import java.io.IOException;
import org.apache.ratis.statemachine.SnapshotRetentionPolicy;
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
 * <p>Ratis removes old snapshots after every call of the state machine's {@code takeSnapshot}, and calls it
 * after every batch of applied entries while a snapshot is due; ours starts the export on a thread of its own
 * and returns at once, so until the export is done and paced Ratis would list the directory and read every
 * snapshot's MD5 file on the apply thread, batch after batch. The removal therefore runs only when a new
 * snapshot has been registered since it last ran, which is the only time it can find something to remove.
 *
 * <p>Threading: any thread; the latest-snapshot methods are synchronized.
 */
public final class SnapshotStorage extends SimpleStateMachineStorage {
    /** The latest snapshot's index when old snapshots were last removed ({@code -1}: never). */
    private long cleanedUpAt = -1;

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

    @Override
    public synchronized void cleanupOldSnapshots(SnapshotRetentionPolicy policy) throws IOException {
        SingleFileSnapshotInfo latest = getLatestSnapshot();
        long index = latest == null ? -1 : latest.getIndex();
        if (index == cleanedUpAt) {
            return;
        }
        super.cleanupOldSnapshots(policy);
        cleanedUpAt = index;
    }
}
