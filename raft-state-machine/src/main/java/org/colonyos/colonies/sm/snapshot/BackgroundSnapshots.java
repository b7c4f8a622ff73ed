package org.colonyos.colonies.sm.snapshot;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.ratis.server.protocol.TermIndex;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.colonyos.colonies.sm.state.FrozenState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots beside apply. {@link #start} freezes the state (its pending changes are copied; MapDB then stays
 * unchanged) and hands the export to one snapshot thread, so apply waits only for the copy instead of the
 * whole export, and a snapshot's stall no longer grows with the state. The snapshot counts once it is
 * registered with the storage, which the export does last.
 *
 * <p><b>Pacing.</b> Automatic snapshots come often (a short crash replay), and each exports the whole state, so
 * a paced start waits after an export for twice as long as that export took ({@link SnapshotPacing}): the
 * snapshot thread then works at most a third of the time however large the state grows, and the interval
 * between snapshots grows with the state instead of the exports following one another without a break.
 *
 * <p>Threading: {@link #start} is called under the state machine's write lock and is synchronized;
 * {@link #await} (updater, pause, close and operator paths) waits outside that lock. One export runs at a time.
 */
public final class BackgroundSnapshots implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundSnapshots.class);

    private final StateFiles files;
    private final SnapshotStorage storage;
    private final ExecutorService exporter;
    private Future<?> running;
    private final SnapshotPacing pacing = new SnapshotPacing();

    public BackgroundSnapshots(StateFiles files, SnapshotStorage storage, String threadName) {
        this.files = files;
        this.storage = storage;
        this.exporter = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts exporting the state as the snapshot at {@code last}, unless an export is still running or, when
     * {@code paced}, the last one ended too recently (see Pacing); the caller asks again later. The caller holds
     * the state's write lock.
     */
    public synchronized void start(ColoniesState state, TermIndex last, boolean paced) {
        if (isHeldBack(paced)) {
            return;
        }
        long now = System.nanoTime();
        collect();
        FrozenState view = state.store().freeze();
        long pausedMicros = (System.nanoTime() - now) / 1_000;
        running = exporter.submit(() -> export(view, last, pausedMicros));
    }

    /**
     * Whether {@link #start} would do nothing now: an export is running or, when {@code paced}, the last one
     * ended too recently. Lets the caller skip taking the state's write lock for nothing.
     */
    public synchronized boolean isHeldBack(boolean paced) {
        return running != null && !running.isDone() || paced && !pacing.mayStart(System.nanoTime());
    }

    private Void export(FrozenState view, TermIndex last, long pausedMicros) throws IOException {
        long started = System.nanoTime();
        try (view) {
            files.writeSnapshot(view, last, storage, pausedMicros);
            removeOldSnapshots();
        } finally {
            pacing.exported(started, System.nanoTime());
        }
        return null;
    }

    private void removeOldSnapshots() {
        try {
            storage.removeOldSnapshots();
        } catch (IOException e) {
            LOG.warn("old snapshots could not be removed (tried again after the next snapshot): {}", e.toString());
        }
    }

    /**
     * Waits until the export running now, if any, has ended (its failure, if any, is logged). Waits without
     * holding this object's lock, so apply's {@link #start} is never held up by it.
     */
    public void await() {
        Future<?> current;
        synchronized (this) {
            current = running;
        }
        if (current == null) {
            return;
        }
        try {
            current.get();
        } catch (ExecutionException failed) {
            // logged when collected, below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a snapshot export", e);
        }
        synchronized (this) {
            if (running == current) {
                collect();
            }
        }
    }

    /** Forgets the ended export, logging its failure. Caller holds this object's lock; the export has ended. */
    private void collect() {
        if (running == null) {
            return;
        }
        try {
            running.get();
        } catch (ExecutionException e) {
            LOG.error("snapshot export failed; the next trigger retries it", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = null;
    }

    /** Waits for the running export, then stops the snapshot thread. */
    @Override
    public void close() {
        await();
        exporter.shutdown();
    }
}
