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
 * <p>Old snapshots are removed by the snapshot thread right after it registers a new one
 * ({@link #removeOldSnapshots}), keeping {@link #RETAINED}. Ratis's own removal, which it runs on the apply
 * thread after every call of the state machine's {@code takeSnapshot}, does nothing: Ratis calls
 * {@code takeSnapshot} after every applied batch while a snapshot is due, and ours only starts the export on its
 * own thread and returns, so Ratis would list the directory and read every snapshot's MD5 file batch after batch,
 * and unlink the large old files on the apply thread.
 *
 * <p>Threading: any thread; the latest-snapshot methods are synchronized.
 */
public final class SnapshotStorage extends SimpleStateMachineStorage {
    /** How many snapshots are kept, the latest included. */
    public static final int RETAINED = 3;
    private static final SnapshotRetentionPolicy KEEP_RETAINED = new SnapshotRetentionPolicy() {
        @Override
        public int getNumSnapshotsRetained() {
            return RETAINED;
        }
    };

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

    /** Ratis's removal after each {@code takeSnapshot}: nothing, see the class comment. */
    @Override
    public void cleanupOldSnapshots(SnapshotRetentionPolicy policy) {
        // removed by the snapshot thread
    }

    /** Removes all but the {@link #RETAINED} latest snapshots and their MD5 files (the snapshot thread). */
    public void removeOldSnapshots() throws IOException {
        super.cleanupOldSnapshots(KEEP_RETAINED);
    }
}
