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

/** Old snapshots are removed by the snapshot thread's call only, never by Ratis's call after takeSnapshot. */
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
    void onlyTheSnapshotThreadsCallRemovesAndItKeepsTheRetainedNewest() throws IOException {
        for (long index = 10; index <= 50; index += 10) {
            snapshot(index, true);
        }
        storage.cleanupOldSnapshots(KEEP_TWO);
        assertEquals(5, snapshotFiles().size(), "Ratis's call after takeSnapshot removes nothing");

        storage.removeOldSnapshots();
        assertEquals(List.of("snapshot.1_30", "snapshot.1_40", "snapshot.1_50"), snapshotFiles());
        assertEquals(SnapshotStorage.RETAINED, snapshotFiles().size());
        assertEquals(50, storage.getLatestSnapshot().getIndex());
    }
}
