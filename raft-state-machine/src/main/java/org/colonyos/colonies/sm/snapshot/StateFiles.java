package org.colonyos.colonies.sm.snapshot;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.apache.ratis.io.MD5Hash;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.util.MD5FileUtil;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.colonyos.colonies.sm.state.ColoniesStore;
import org.colonyos.colonies.sm.state.FrozenState;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.DBMaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of a node's state: the MapDB store and the snapshot files in Ratis's state machine storage.
 *
 * <p>The snapshots are the durable state; the store is a working copy of it. The store has no transactions
 * (no write-ahead log, nothing to commit): apply's writes reach its memory-mapped file directly. It is trusted
 * at open only if it was closed cleanly exactly at the latest snapshot, which a marker file records; the marker is
 * deleted (durably) before the store is written again. Otherwise (a crash, a snapshot installed from the leader,
 * a corrupt or older store) the store is rebuilt from the snapshot after checking its MD5. Either way the store
 * equals the latest snapshot when Ratis starts replaying the entries after it (java-stack.md §1.9, P2).
 *
 * <p>{@link #writeSnapshot} exports a frozen view of the state, saves the MD5 (Ratis only picks snapshots that
 * have one), and registers the snapshot; it commits nothing, so it runs beside apply (see
 * {@link BackgroundSnapshots}).
 *
 * <p>Threading: {@link #openMatching} and {@link #close} run under the state machine's write lock with no export
 * running; {@link #writeSnapshot} runs on the snapshot thread, one at a time.
 */
public final class StateFiles {
    private static final Logger LOG = LoggerFactory.getLogger(StateFiles.class);
    /**
     * The store file of this version's on-disk layout. A layout change (such as the key encoding, or dropping
     * the write-ahead log) gets a new name: the store is then rebuilt from the latest snapshot, whose format is
     * independent of MapDB.
     */
    private static final String STORE_NAME = "colonies-v3.mapdb";
    /** Store files of earlier layouts, deleted at open. */
    private static final List<String> OLD_STORE_NAMES = List.of("colonies.mapdb", "colonies-v2.mapdb");
    /** Present only while the store is closed and equal to the snapshot whose index it holds. */
    private static final String CLEAN_MARKER = "colonies-v3.clean";

    /** Free disk space asked for per byte of snapshot before a store is built from it. */
    private static final long STORE_PER_SNAPSHOT_BYTE = 2;

    private final Path stateDir;
    private boolean reusedAtLastOpen;
    private volatile SnapshotStats lastSnapshot = new SnapshotStats(0, -1, 0, 0);

    /**
     * What this node's snapshot exports have done so far: how many completed, and the last one's index, size
     * and duration.
     */
    public record SnapshotStats(long count, long lastIndex, long lastBytes, long lastNanos) {
    }

    public StateFiles(Path stateDir) {
        this.stateDir = stateDir;
    }

    /** Opens the store and makes it equal to the given snapshot (or empty when there is none). */
    public ColoniesState openMatching(TermIndex snapshot, SimpleStateMachineStorage storage) throws IOException {
        Files.createDirectories(stateDir);
        for (String old : OLD_STORE_NAMES) {
            deleteFiles(old);
        }
        long expected = snapshot == null ? 0 : snapshot.getIndex();
        ColoniesState clean = openClean(expected);
        reusedAtLastOpen = clean != null;
        if (clean != null) {
            return clean;
        }
        if (snapshot == null) {
            LOG.info("no snapshot yet: starting with an empty store");
        } else {
            LOG.info("the store was not closed at the snapshot's index {}: rebuilding it from the snapshot", expected);
        }
        deleteFiles(STORE_NAME);
        if (snapshot == null) {
            return new ColoniesState(openFile(stateDir.resolve(STORE_NAME)));
        }
        File snapshotFile = storage.getLatestSnapshot().getFile().getPath().toFile();
        requireRoomFor(snapshotFile);
        ColoniesState state = new ColoniesState(buildFromSnapshot(stateDir.resolve(STORE_NAME), snapshotFile));
        state.setApplied(snapshot.getTerm(), snapshot.getIndex());
        return state;
    }

    /**
     * Refuses to build a store the disk has no room for: a store takes about {@value #STORE_PER_SNAPSHOT_BYTE} times
     * its snapshot's size (and grows as the state does).
     */
    private void requireRoomFor(File snapshot) throws IOException {
        long needed = STORE_PER_SNAPSHOT_BYTE * snapshot.length();
        long free = Files.getFileStore(stateDir).getUsableSpace();
        if (free < needed) {
            throw new IOException("not enough free disk space for the store in " + stateDir + ": " + (free >> 20)
                    + " MB free, " + (needed >> 20) + " MB needed to build it from the snapshot");
        }
    }

    /** Whether the last {@link #openMatching} reused the store closed at the snapshot (else it rebuilt it). */
    public boolean reusedAtLastOpen() {
        return reusedAtLastOpen;
    }

    /** The store as it was closed, if that was at {@code expected}; the marker is gone before it is returned. */
    private ColoniesState openClean(long expected) throws IOException {
        Path marker = stateDir.resolve(CLEAN_MARKER);
        if (!Files.exists(marker)) {
            return null;
        }
        String markedIndex = Files.readString(marker, StandardCharsets.US_ASCII).trim();
        Files.delete(marker);
        syncDirectory();
        if (!markedIndex.equals(Long.toString(expected))) {
            return null;
        }
        try {
            ColoniesState state = new ColoniesState(openFile(stateDir.resolve(STORE_NAME)));
            if (state.appliedIndex() == expected) {
                return state;
            }
            state.store().close();
        } catch (DBException e) {
            LOG.warn("store cannot be opened ({}); rebuilding it from the snapshot", e.getMessage());
        }
        return null;
    }

    /**
     * Closes the store. If it holds exactly the latest snapshot (nothing was applied after it, as after the
     * snapshot the state machine takes when it closes), it is synced and marked clean, so the next open uses it
     * as it is.
     */
    public void close(ColoniesState state, TermIndex latestSnapshot) throws IOException {
        ColoniesStore store = state.store();
        long snapshotIndex = latestSnapshot == null ? 0 : latestSnapshot.getIndex();
        boolean atSnapshot = state.appliedIndex() == snapshotIndex;
        if (atSnapshot) {
            store.commit();
        }
        store.close();
        if (atSnapshot) {
            Path marker = stateDir.resolve(CLEAN_MARKER);
            try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(Long.toString(snapshotIndex).getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            syncDirectory();
        }
    }

    private void syncDirectory() throws IOException {
        try (FileChannel directory = FileChannel.open(stateDir, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    /**
     * Exports the state as the snapshot at {@code last} to a temporary file, hashing it as it is written; saves
     * the MD5, gives the file its final name (so a snapshot file never lacks its MD5), and registers the snapshot.
     * Reads only the frozen view (the pending changes copied when it was made, over the store), so it may run
     * beside apply; nothing is written to the store or committed. {@code pausedMicros}, how long apply waited
     * while the view was made, goes into the log line.
     */
    public void writeSnapshot(FrozenState state, TermIndex last, SimpleStateMachineStorage storage,
            long pausedMicros) throws IOException {
        long started = System.nanoTime();
        File file = storage.getSnapshotFile(last.getTerm(), last.getIndex());
        Path tmp = file.toPath().resolveSibling(file.getName() + ".tmp");
        MessageDigest md5 = md5();
        try (FileOutputStream fileOut = new FileOutputStream(tmp.toFile());
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new DigestOutputStream(fileOut,
                     md5), 1 << 16))) {
            out.writeLong(last.getTerm());
            out.writeLong(last.getIndex());
            state.exportTo(out);
            out.flush();
            fileOut.getFD().sync();
        }
        MD5Hash hash = MD5Hash.newInstance(md5.digest());
        MD5FileUtil.saveMD5File(file, hash);
        Files.move(tmp, file.toPath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        storage.updateLatestSnapshot(new SingleFileSnapshotInfo(new FileInfo(file.toPath(), hash), last));
        lastSnapshot = new SnapshotStats(lastSnapshot.count() + 1, last.getIndex(), file.length(),
                System.nanoTime() - started);
        LOG.info("snapshot at index {} ({} MB) in {} ms, apply paused {} ms", last.getIndex(), file.length() >> 20,
                millis(started, System.nanoTime()), pausedMicros / 1_000.0);
    }

    /** The snapshot exports so far (any thread). */
    public SnapshotStats snapshotStats() {
        return lastSnapshot;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    /**
     * A new store file built from a snapshot whose MD5 matches the one saved beside it. The MD5 is computed as
     * the snapshot is read for the build (one pass over the file), and a mismatch discards the store built. The
     * build writes the whole file once, so it skips MapDB's pre-clearing of each new part of the file with
     * synchronous writes of zeros (about 0.7 s at 100,000 waiting processes; the disk's room was checked
     * before); the store is then opened again as usual, so the writes of apply grow it with pre-clearing, which
     * turns a full disk into an exception instead of a crash (SIGBUS) of the memory-mapped file.
     */
    private static ColoniesStore buildFromSnapshot(Path storeFile, File file) throws IOException {
        MD5Hash saved = MD5FileUtil.readStoredMd5ForFile(file);
        MessageDigest md5 = md5();
        DB db = fileDb(storeFile).fileMmapPreclearDisable().make();
        try (InputStream fileIn = new DigestInputStream(Files.newInputStream(file.toPath()), md5);
             DataInputStream in = new DataInputStream(new BufferedInputStream(fileIn, 1 << 16))) {
            in.readLong();
            in.readLong();
            ColoniesStore.fromExport(db, in).close();
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            db.close();
            String reason = e instanceof EOFException ? "it ends early" : e.getMessage();
            throw new IOException("snapshot " + file + " cannot be read: " + reason, e);
        }
        MD5Hash actual = MD5Hash.newInstance(md5.digest());
        if (!saved.equals(actual)) {
            throw new IOException("snapshot " + file + " is corrupt: MD5 " + actual + " != saved " + saved);
        }
        return openFile(storeFile);
    }

    /** Deletes the store file with this name and the files named after it (an older layout's WAL parts). */
    private void deleteFiles(String storeName) throws IOException {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(stateDir, storeName + "*")) {
            for (Path part : parts) {
                Files.delete(part);
            }
        }
    }

    private static ColoniesStore openFile(Path file) {
        return new ColoniesStore(fileDb(file).make());
    }

    /** The store's MapDB file, memory-mapped. */
    private static DBMaker.Maker fileDb(Path file) {
        return DBMaker.fileDB(file.toFile()).fileMmapEnableIfSupported();
    }
}
