package org.colonyos.colonies.sm.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotRetentionPolicy;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.util.MD5FileUtil;
import org.apache.ratis.util.SizeInBytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Old snapshots are removed once per newly registered snapshot, not on every call. */
@Timeout(60)
class SnapshotStorageTest {
    private static final SnapshotRetentionPolicy KEEP_TWO = new SnapshotRetentionPolicy() {
        @Override
        public int getNumSnapshotsRetained() {
            return 2;
        }
    };
    @TempDir
    Path dir;
    private RaftStorage raftStorage;
    private final SnapshotStorage storage = new SnapshotStorage();

    @BeforeEach
    void start() throws IOException {
        raftStorage = RaftStorage.newBuilder().setDirectory(dir.toFile())
                .setOption(RaftStorage.StartupOption.FORMAT).setStorageFreeSpaceMin(SizeInBytes.ONE_KB).build();
        raftStorage.initialize();
        storage.init(raftStorage);
    }

    @AfterEach
    void stop() throws IOException {
        raftStorage.close();
    }

    /** Writes a snapshot file and its MD5 file for {@code index}; registers it as the latest if asked. */
    private void snapshot(long index, boolean register) throws IOException {
        File file = storage.getSnapshotFile(1, index);
        Files.writeString(file.toPath(), "state at " + index);
        var hash = MD5FileUtil.computeAndSaveMd5ForFile(file);
        if (register) {
            storage.updateLatestSnapshot(new SingleFileSnapshotInfo(new FileInfo(file.toPath(), hash),
                    TermIndex.valueOf(1, index)));
        }
    }

    private List<String> snapshotFiles() throws IOException {
        try (Stream<Path> files = Files.list(storage.getSnapshotFile(1, 1).toPath().getParent())) {
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.endsWith(".md5"))
                    .sorted().toList();
        }
    }

    @Test
    void removalRunsOncePerNewSnapshot() throws IOException {
        snapshot(10, true);
        snapshot(20, true);
        snapshot(30, true);
        storage.cleanupOldSnapshots(KEEP_TWO);
        assertEquals(List.of("snapshot.1_20", "snapshot.1_30"), snapshotFiles());

        snapshot(5, false);
        storage.cleanupOldSnapshots(KEEP_TWO);
        assertEquals(List.of("snapshot.1_20", "snapshot.1_30", "snapshot.1_5"), snapshotFiles(),
                "no snapshot registered since the last removal: the directory is not read again");

        snapshot(40, true);
        storage.cleanupOldSnapshots(KEEP_TWO);
        assertEquals(List.of("snapshot.1_30", "snapshot.1_40"), snapshotFiles());
    }
}
