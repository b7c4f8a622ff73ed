package org.colonyos.colonies.sm.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.ratis.util.MD5FileUtil;
import org.colonyos.colonies.config.ClusterConfig;
import org.colonyos.colonies.config.LogRetention;
import org.colonyos.colonies.config.NodeSettings;
import org.colonyos.colonies.config.PeerAddress;
import org.colonyos.colonies.config.RequestLimits;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.log.ApplyReply;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ProcessPayloads;
import org.colonyos.colonies.sm.Commands;
import org.colonyos.colonies.sm.snapshot.SnapshotStorage;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A one-peer Raft group on loopback: writes survive restarts, with and without a snapshot in between. */
@Timeout(120)
class ReplicatedNodeTest {
    private static final String STORE = "colonies-v3.mapdb";
    private static final String MARKER = "colonies-v3.clean";
    @TempDir
    Path dataDir;

    private NodeSettings settings(long snapshotEvery) throws IOException {
        int port = PeerAddress.freeLoopbackPort();
        return new NodeSettings(ClusterConfig.single("test", new PeerAddress("n1", "127.0.0.1", port, 0)), "n1",
                dataDir, Commands.SERVER_ID, LogRetention.snapshotEvery(snapshotEvery), null);
    }

    private static ApplyReply write(ReplicatedNode node, String colony) throws Exception {
        return node.submit(Commands.addColony(colony, 0)).get(30, TimeUnit.SECONDS);
    }

    private static List<String> colonies(ReplicatedNode node) throws Exception {
        node.readBarrier().get(30, TimeUnit.SECONDS);
        return node.read(ColoniesState::colonies).stream().map(Colony::name).toList();
    }

    @Test
    void stateSurvivesRestartAndSnapshotPlusReplay() throws Exception {
        NodeSettings settings = settings(1_000);
        String digestBefore;
        try (ReplicatedNode node = ReplicatedNode.start(settings, Clock.systemUTC())) {
            assertEquals(Commands.SERVER_ID, node.read(ColoniesState::serverId));
            assertEquals(0, write(node, "a").getErrorStatus());
            assertTrue(node.takeSnapshot() > 0);
            assertSnapshotsMatchTheirMd5(settings.dataDir());
            assertEquals(0, write(node, "b").getErrorStatus());
            assertEquals(400, write(node, "b").getErrorStatus());
            digestBefore = node.read(s -> s.store().digest());
        }
        try (ReplicatedNode node = ReplicatedNode.start(settings, Clock.systemUTC())) {
            assertEquals(List.of("a", "b"), colonies(node));
            assertEquals(digestBefore, node.read(s -> s.store().digest()));
            assertEquals(0, write(node, "c").getErrorStatus());
        }
        try (ReplicatedNode node = ReplicatedNode.start(settings, Clock.systemUTC())) {
            assertEquals(List.of("a", "b", "c"), colonies(node));
        }
    }

    @Test
    void concurrentWritesTravelInBatchesEachWithItsOwnReplyAndIdAndReplayAfterARestart() throws Exception {
        NodeSettings settings = settings(100_000);
        String digestBefore;
        try (ReplicatedNode node = ReplicatedNode.start(settings, Clock.systemUTC())) {
            write(node, "a");
            node.submit(Commands.addExecutor("a", "e", Commands.EXECUTOR_ID, 0)).get(30, TimeUnit.SECONDS);
            node.submit(Commands.approve("a", "e", 0)).get(30, TimeUnit.SECONDS);
            ProposalCounts before = node.proposalCounts();
            List<CompletableFuture<ApplyReply>> colonies = new ArrayList<>();
            List<CompletableFuture<ApplyReply>> processes = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                colonies.add(node.submit(Commands.addColony("c" + i % 50, 0)));
                processes.add(node.submit(Commands.request(Commands.EXECUTOR_KEY, PayloadType.SUBMIT_FUNC_SPEC,
                        new ProcessPayloads.SubmitFuncSpec(FunctionSpec.of("a", "t", "f", List.of()))).build()));
            }
            for (int i = 0; i < 100; i++) {
                assertEquals(i < 50 ? 0 : 400, colonies.get(i).get(30, TimeUnit.SECONDS).getErrorStatus(),
                        "colony c" + i % 50 + ", write " + i);
            }
            Set<String> ids = new HashSet<>();
            for (CompletableFuture<ApplyReply> process : processes) {
                ids.add(Json.parse(process.get(30, TimeUnit.SECONDS).getReplyJson().toByteArray(), ColonyProcess.class)
                        .processId());
            }
            assertEquals(100, ids.size(), "every process of a batch gets its own id");
            ProposalCounts measured = node.proposalCounts().since(before);
            assertEquals(200, measured.writes());
            assertTrue(measured.proposals() < 200, "writes queued behind a proposal travel together: " + measured);
            digestBefore = node.read(s -> s.store().digest());
        }
        try (ReplicatedNode node = ReplicatedNode.start(settings, Clock.systemUTC())) {
            assertEquals(51, colonies(node).size());
            assertEquals(digestBefore, node.read(s -> s.store().digest()), "the batches replay to the same state");
        }
    }

    @Test
    void automaticSnapshotsKeepTheStoreCommittedAndRestartable() throws Exception {
        NodeSettings settings = settings(5);
        addColoniesAndStop(settings, 23);
        try (ReplicatedNode node = ReplicatedNode.start(settings, Clock.systemUTC())) {
            assertEquals(23, colonies(node).size());
        }
    }

    /** Each snapshot leaves the retained latest (three) on disk, the newest among them. */
    @Test
    void snapshotsBeyondTheRetainedOnesAreRemoved() throws Exception {
        long latest = 0;
        try (ReplicatedNode node = ReplicatedNode.start(settings(1_000), Clock.systemUTC())) {
            for (int i = 0; i < 5; i++) {
                assertEquals(0, write(node, "c" + i).getErrorStatus());
                latest = node.takeSnapshot();
            }
        }
        List<Path> kept = snapshotFiles(dataDir);
        assertEquals(SnapshotStorage.RETAINED, kept.size(), kept.toString());
        String newest = "_" + latest;
        assertTrue(kept.stream().anyMatch(file -> file.getFileName().toString().endsWith(newest)), kept.toString());
    }

    @Test
    void aStoreOfAnEarlierLayoutIsDeletedAndRebuiltFromTheSnapshot() throws Exception {
        NodeSettings settings = settings(5);
        addColoniesAndStop(settings, 12);
        Path state = dataDir.resolve("state");
        try (Stream<Path> files = Files.list(state)) {
            List<Path> current = files.filter(f -> f.getFileName().toString().startsWith(STORE)).toList();
            assertTrue(!current.isEmpty(), "the store is named for its layout");
            for (Path file : current) {
                Files.move(file, state.resolve(file.getFileName().toString().replace("colonies-v3", "colonies-v2")));
            }
        }
        assertRebuiltWith(settings, 12);
        try (Stream<Path> files = Files.list(state)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("colonies-v2.mapdb")));
        }
    }

    @Test
    void aStoreClosedAtTheSnapshotIsReusedAndItsMarkerIsGoneBeforeTheNextWrite() throws Exception {
        NodeSettings settings = settings(1_000);
        addColoniesAndStop(settings, 7);
        Path marker = dataDir.resolve("state").resolve(MARKER);
        assertTrue(Files.exists(marker), "a node snapshots when it stops, so the store is closed at the snapshot");
        try (ReplicatedNode node = ReplicatedNode.start(settings, Clock.systemUTC())) {
            assertFalse(Files.exists(marker), "a running store is never marked clean");
            assertReusedAndWritable(node, 7);
        }
    }

    @Test
    void aStoreWhoseMarkerNamesAnotherIndexOrWhoseFileIsCorruptIsRebuilt() throws Exception {
        NodeSettings settings = settings(1_000);
        addColoniesAndStop(settings, 5);
        Path state = dataDir.resolve("state");
        Files.writeString(state.resolve(MARKER), "3");
        assertRebuiltWith(settings, 5);
        assertTrue(Files.exists(state.resolve(MARKER)));
        try (var store = java.nio.channels.FileChannel.open(state.resolve(STORE),
                java.nio.file.StandardOpenOption.WRITE)) {
            store.write(java.nio.ByteBuffer.wrap(new byte[4096]), 0);
        }
        assertRebuiltWith(settings, 5);
    }

    /**
     * The state of the start loads beside Ratis: while it is delayed, Ratis elects this node and applies the new
     * term's configuration entry itself (it carries no command), so it counts an entry after the snapshot as
     * applied before the load reports the snapshot. The start still succeeds, with every write.
     */
    @Test
    void aStateThatLoadsAfterRatisAppliedTheNewTermsConfigurationStillStarts() throws Exception {
        NodeSettings settings = settings(1_000);
        addColoniesAndStop(settings, 3);
        Executor late = CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS);
        try (ReplicatedNode node = ReplicatedNode.start(settings, RequestLimits.DEFAULT, Clock.systemUTC(), late)) {
            assertReusedAndWritable(node, 3);
        }
    }

    /** The node reused the store it closed at its snapshot, holds {@code before} colonies, and takes a write. */
    private static void assertReusedAndWritable(ReplicatedNode node, int before) throws Exception {
        assertTrue(node.storeReusedAtStart());
        assertEquals(0, write(node, "after").getErrorStatus());
        assertEquals(before + 1, colonies(node).size());
    }

    /**
     * A snapshot whose bytes changed (a value edited, so it still parses) or that was cut short stops the start
     * with the reason, instead of a node serving a state that is not the snapshot's.
     */
    @Test
    void aCorruptOrTruncatedSnapshotStopsTheStartWithTheReason() throws Exception {
        NodeSettings settings = settings(1_000);
        addColoniesAndStop(settings, 5);
        Path snapshot = snapshotFiles(dataDir).get(0);
        byte[] original = Files.readAllBytes(snapshot);
        String text = new String(original, StandardCharsets.ISO_8859_1);
        int value = text.indexOf("\"c3\"");
        assertTrue(value > 0, "the snapshot holds the colony's name");
        byte[] edited = original.clone();
        edited[value + 2] = '9';
        assertStartFails(settings, snapshot, edited, "is corrupt: MD5");
        assertStartFails(settings, snapshot, Arrays.copyOf(original, original.length / 2),
                "cannot be read");
        Files.write(snapshot, original);
        assertRebuiltWith(settings, 5);
    }

    private void assertStartFails(NodeSettings settings, Path snapshot, byte[] content, String reason)
            throws IOException {
        Files.write(snapshot, content);
        Files.deleteIfExists(dataDir.resolve("state").resolve(MARKER));
        IOException failure = assertThrows(IOException.class, () -> ReplicatedNode.start(settings,
                Clock.systemUTC()).close());
        assertTrue(failure.getMessage().contains(reason), failure.getMessage());
    }

    /**
     * A crash image: the data directory copied while the node runs, after a snapshot and more acknowledged
     * writes. The copied store may be torn and has no marker, so it is rebuilt from the snapshot and the log
     * after it is replayed: every acknowledged write is there.
     */
    @Test
    void aCrashImageIsRebuiltFromTheSnapshotAndKeepsEveryAcknowledgedWrite(@TempDir Path imageRoot)
            throws Exception {
        NodeSettings settings = settings(1_000);
        Path image = imageRoot.resolve("crash");
        try (ReplicatedNode node = ReplicatedNode.start(settings, Clock.systemUTC())) {
            for (int i = 0; i < 6; i++) {
                assertEquals(0, write(node, "c" + i).getErrorStatus());
            }
            assertTrue(node.takeSnapshot() > 0);
            for (int i = 6; i < 10; i++) {
                assertEquals(0, write(node, "c" + i).getErrorStatus());
            }
            node.read(s -> {
                s.store().commit();
                return null;
            });
            copyTree(dataDir, image);
        }
        NodeSettings crashed = new NodeSettings(settings.cluster(), "n1", image, Commands.SERVER_ID,
                settings.retention(), null);
        assertRebuiltWith(crashed, 10);
    }

    /** Starts the node again: it must rebuild its store from the snapshot and hold {@code count} colonies. */
    private static void assertRebuiltWith(NodeSettings settings, int count) throws Exception {
        try (ReplicatedNode node = ReplicatedNode.start(settings, Clock.systemUTC())) {
            assertFalse(node.storeReusedAtStart());
            assertEquals(count, colonies(node).size());
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().endsWith(".lock")) {
                    Files.copy(file, target);
                }
            }
        }
    }

    /** Starts a node, adds colonies c0 .. c{count-1} (each must succeed) and stops it. */
    private static void addColoniesAndStop(NodeSettings settings, int count) throws Exception {
        try (ReplicatedNode node = ReplicatedNode.start(settings, Clock.systemUTC())) {
            for (int i = 0; i < count; i++) {
                assertEquals(0, write(node, "c" + i).getErrorStatus());
            }
        }
    }

    private static List<Path> snapshotFiles(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(f -> f.getFileName().toString().matches("snapshot\\.\\d+_\\d+")).toList();
        }
    }

    /** Every snapshot file has an MD5 file, and it holds the file's MD5. */
    private static void assertSnapshotsMatchTheirMd5(Path dataDir) throws IOException {
        List<Path> snapshots = snapshotFiles(dataDir);
        assertFalse(snapshots.isEmpty(), "no snapshot file under " + dataDir);
        for (Path snapshot : snapshots) {
            MD5FileUtil.verifySavedMD5(snapshot.toFile(), MD5FileUtil.computeMd5ForFile(snapshot.toFile()));
        }
    }
}
