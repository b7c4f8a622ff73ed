package org.colonyos.colonies.sm.snapshot;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.ratis.io.MD5Hash;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.util.MD5FileUtil;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.colonyos.colonies.sm.state.ColoniesStore;
import org.mapdb.DBException;
import org.mapdb.DBMaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of a node's state: the MapDB store and the snapshot files in Ratis's state machine storage.
 *
 * <p>Invariant: the committed store equals the latest snapshot. {@link #writeSnapshot} exports the state,
 * saves its MD5 (Ratis only picks snapshots that have one), then commits MapDB. {@link #openMatching} opens the
 * store and, if its applied index is not the snapshot's (a crash between export and commit, a corrupt store,
 * or a snapshot installed from the leader), rebuilds it from the snapshot after checking the MD5.
 *
 * <p>Not thread-safe: the state machine calls it under its write lock.
 */
public final class StateFiles {
    private static final Logger LOG = LoggerFactory.getLogger(StateFiles.class);
    /**
     * The store file of this version's on-disk layout. A layout change (such as the key encoding) gets a new
     * name: the store is then rebuilt from the latest snapshot, whose format is independent of MapDB.
     */
    private static final String STORE_NAME = "colonies-v2.mapdb";
    /** Store files of earlier layouts, deleted at open. */
    private static final String OLD_STORE_NAME = "colonies.mapdb";

    private final Path stateDir;

    public StateFiles(Path stateDir) {
        this.stateDir = stateDir;
    }

    /** Opens the store and makes it equal to the given snapshot (or empty when there is none). */
    public ColoniesState openMatching(TermIndex snapshot, SimpleStateMachineStorage storage) throws IOException {
        ColoniesStore store = openOrRecreate();
        ColoniesState state = new ColoniesState(store);
        long expected = snapshot == null ? 0 : snapshot.getIndex();
        if (state.appliedIndex() != expected) {
            LOG.info("store is at index {}, snapshot at {}: rebuilding the store", state.appliedIndex(), expected);
            if (snapshot == null) {
                store.clear();
            } else {
                importSnapshot(store, storage.getLatestSnapshot().getFile().getPath().toFile());
                state.setApplied(snapshot.getTerm(), snapshot.getIndex());
            }
            store.commit();
        }
        return state;
    }

    /**
     * Exports the state as the snapshot at {@code last} to a temporary file, hashing it as it is written; saves
     * the MD5, gives the file its final name (so a snapshot file never lacks its MD5), commits the store, and
     * registers the snapshot.
     */
    public void writeSnapshot(ColoniesState state, TermIndex last, SimpleStateMachineStorage storage)
            throws IOException {
        long started = System.nanoTime();
        File file = storage.getSnapshotFile(last.getTerm(), last.getIndex());
        Path tmp = file.toPath().resolveSibling(file.getName() + ".tmp");
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
        try (FileOutputStream fileOut = new FileOutputStream(tmp.toFile());
             DataOutputStream out = new DataOutputStream(new DigestOutputStream(new BufferedOutputStream(fileOut),
                     md5))) {
            out.writeLong(last.getTerm());
            out.writeLong(last.getIndex());
            state.store().exportTo(out);
            out.flush();
            fileOut.getFD().sync();
        }
        MD5Hash hash = MD5Hash.newInstance(md5.digest());
        MD5FileUtil.saveMD5File(file, hash);
        Files.move(tmp, file.toPath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        long exported = System.nanoTime();
        state.store().commit();
        storage.updateLatestSnapshot(new SingleFileSnapshotInfo(new FileInfo(file.toPath(), hash), last));
        LOG.info("snapshot at index {} ({} MB) in {} ms: export with MD5 {} ms, store commit {} ms",
                last.getIndex(), file.length() >> 20, millis(started, System.nanoTime()), millis(started, exported),
                millis(exported, System.nanoTime()));
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    private static void importSnapshot(ColoniesStore store, File file) throws IOException {
        MD5Hash saved = MD5FileUtil.readStoredMd5ForFile(file);
        MD5Hash actual = MD5FileUtil.computeMd5ForFile(file);
        if (!saved.equals(actual)) {
            throw new IOException("snapshot " + file + " is corrupt: MD5 " + actual + " != saved " + saved);
        }
        try (InputStream fileIn = Files.newInputStream(file.toPath());
             DataInputStream in = new DataInputStream(new BufferedInputStream(fileIn))) {
            in.readLong();
            in.readLong();
            store.importFrom(in);
        }
    }

    private ColoniesStore openOrRecreate() throws IOException {
        Files.createDirectories(stateDir);
        deleteFiles(OLD_STORE_NAME);
        Path file = stateDir.resolve(STORE_NAME);
        try {
            return openFile(file);
        } catch (DBException e) {
            LOG.warn("store {} cannot be opened ({}); recreating it from the snapshot", file, e.getMessage());
            deleteFiles(STORE_NAME);
            return openFile(file);
        }
    }

    /** Deletes the store file with this name and its WAL parts. */
    private void deleteFiles(String storeName) throws IOException {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(stateDir, storeName + "*")) {
            for (Path part : parts) {
                Files.delete(part);
            }
        }
    }

    private static ColoniesStore openFile(Path file) {
        return new ColoniesStore(DBMaker.fileDB(file.toFile()).transactionEnable().fileMmapEnableIfSupported()
                .make());
    }
}
