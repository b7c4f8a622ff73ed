package org.colonyos.colonies.sm.apply;

import static org.colonyos.colonies.sm.Commands.EXECUTOR_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.model.CfsFile;
import org.colonyos.colonies.proto.model.CfsSnapshot;
import org.colonyos.colonies.proto.wire.CfsPayloads;
import org.colonyos.colonies.proto.wire.ColonyPayloads;
import org.colonyos.colonies.proto.wire.Payload;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.sm.Commands;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.colonyos.colonies.sm.state.FileTables;
import org.colonyos.colonies.sm.state.StoreProbes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * File revisions, labels and snapshots applied to the state: sequence numbers, latest revisions, label prefixes and
 * trees, snapshots of nested labels, removal by id and by name, secrets never stored, access, bad input with
 * nothing stored, and a snapshot export that restores to the same state and answers the same reads.
 */
class FileAppliersTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String OTHER_KEY = AppliedLog.OTHER_KEY;
    private AppliedLog log;
    private ColoniesState state;
    private long time = 1_000 * SECOND;

    @BeforeEach
    void setUp() {
        log = new AppliedLog();
        state = log.state;
        log.twoColonies(this::tick);
    }

    private long tick() {
        time += SECOND;
        return time;
    }

    private LogEntry entry(String key, PayloadType type, Payload payload) {
        return log.signed(key, type, payload, tick());
    }

    private CfsFile add(String label, String name, String checksum) {
        CfsFile sent = CfsFile.of("test", label, name, 3, checksum,
                CfsFile.Reference.s3("s3.local:9000", false, "", "bucket", "obj-" + checksum));
        return Json.parse(log.ok(entry(EXECUTOR_KEY, PayloadType.ADD_FILE, new CfsPayloads.AddFile(sent)))
                .getReplyJson().toByteArray(), CfsFile.class);
    }

    private CfsSnapshot snapshot(String label, String name) {
        return Json.parse(log.ok(entry(EXECUTOR_KEY, PayloadType.CREATE_SNAPSHOT,
                new CfsPayloads.CreateSnapshot("test", label, name))).getReplyJson().toByteArray(), CfsSnapshot.class);
    }

    private FileTables files() {
        return state.files();
    }

    @Test
    void revisionsGetIncreasingSequenceNumbersAndTheNewestIsTheLatest() {
        CfsFile first = add("/data", "a.txt", "c1");
        CfsFile second = add("/data", "a.txt", "c2");
        add("/data", "b.txt", "c3");
        assertTrue(second.sequenceNr() > first.sequenceNr());
        assertEquals(List.of(second, first), files().revisions("test", "/data", "a.txt"));
        assertEquals(second, files().latest("test", "/data", "a.txt").orElseThrow());
        assertEquals(List.of("a.txt", "b.txt"), files().latestUnder("test", "/data").stream().map(CfsFile::name)
                .toList());
        assertEquals("c2", files().latestUnder("test", "/data").get(0).checksum());
        assertEquals(first, files().get("test", first.fileId()).orElseThrow());
        assertTrue(files().get("other", first.fileId()).isEmpty(), "another colony does not see it");
    }

    @Test
    void credentialsSentByOlderClientsAreNeverStored() {
        CfsFile.S3Object withKeys = new CfsFile.S3Object("s3.local:9000", -1, true, "AKIA", "very secret", "r",
                "enc-key", "", "obj", "bucket");
        CfsFile sent = CfsFile.of("test", "/data", "k.txt", 1, "c", new CfsFile.Reference("s3", withKeys));
        CfsFile stored = Json.parse(log.ok(entry(EXECUTOR_KEY, PayloadType.ADD_FILE, new CfsPayloads.AddFile(sent)))
                .getReplyJson().toByteArray(), CfsFile.class);
        CfsFile.S3Object kept = files().get("test", stored.fileId()).orElseThrow().ref().s3Object();
        assertEquals("", kept.accessKey());
        assertEquals("", kept.secretKey());
        assertEquals("", kept.encryptionKey());
        assertEquals(List.of("s3.local:9000", "obj", "bucket", "r"), List.of(kept.server(), kept.object(),
                kept.bucket(), kept.region()));
        assertEquals(kept, stored.ref().s3Object(), "the reply shows what is stored");
        assertTrue(!new String(StoreProbes.export(state.store())).contains("very secret"));
    }

    @Test
    void labelsByPrefixAndAsTreesCountRevisions() {
        add("/data", "a", "1");
        add("/data", "a", "2");
        add("/data/in", "b", "3");
        add("/data/in/deep", "c", "4");
        add("/database", "d", "5");
        add("/only/sub", "e", "6");
        assertEquals(List.of(new CfsPayloads.Label("/data", 2), new CfsPayloads.Label("/data/in", 1),
                new CfsPayloads.Label("/data/in/deep", 1), new CfsPayloads.Label("/database", 1)),
                files().labelsStartingWith("test", "/data"));
        assertEquals(List.of("/data", "/data/in", "/data/in/deep"), names(files().labelTree("test", "/data")));
        assertEquals(5, files().labelsStartingWith("test", "").size());
        assertEquals(List.of(), files().labelTree("test", "/only"), "a label without files of its own: none (Go)");
        assertEquals(List.of(), files().labelsStartingWith("other", ""));
    }

    private static List<String> names(List<CfsPayloads.Label> labels) {
        return labels.stream().map(CfsPayloads.Label::name).toList();
    }

    @Test
    void snapshotsTakeTheLatestRevisionsOfALabelAndItsSubLabels() {
        add("/data", "a", "1");
        CfsFile a2 = add("/data", "a", "2");
        CfsFile b = add("/data/in", "b", "3");
        add("/database", "d", "4");
        CfsSnapshot snap = snapshot("/data/", "v1");
        assertEquals("/data", snap.label(), "trailing slash trimmed");
        assertEquals(List.of(a2.fileId(), b.fileId()), snap.fileIds());
        add("/data", "a", "5");
        assertEquals(List.of(a2.fileId(), b.fileId()), files().snapshotByName("test", "v1").orElseThrow().fileIds(),
                "a snapshot does not change");
        assertNull(snapshot("/empty", "v2").fileIds());
        assertEquals(List.of("v2", "v1"), files().snapshotsOf("test").stream().map(CfsSnapshot::name).toList(),
                "newest first");
        String refusal = log.refused(entry(EXECUTOR_KEY, PayloadType.CREATE_SNAPSHOT,
                new CfsPayloads.CreateSnapshot("test", "/data", "v1")), 500);
        assertTrue(refusal.contains("already exists"), refusal);
        assertEquals(2, files().snapshotsOf("test").size());
    }

    @Test
    void removalByIdByNameAndOfSnapshots() {
        CfsFile a1 = add("/data", "a", "1");
        CfsFile a2 = add("/data", "a", "2");
        add("/data", "b", "3");
        remove(new CfsPayloads.RemoveFile("test", a2.fileId(), "", ""));
        assertEquals(a1, files().latest("test", "/data", "a").orElseThrow(), "the previous revision is latest again");
        assertEquals(List.of(new CfsPayloads.Label("/data", 2)), files().labelsStartingWith("test", "/data"));
        remove(new CfsPayloads.RemoveFile("test", "", "/data", "b"));
        remove(new CfsPayloads.RemoveFile("test", "", "/data", "a"));
        assertEquals(List.of(), files().labelsStartingWith("test", ""));
        assertTrue(files().latestUnder("test", "/data").isEmpty());
        remove(new CfsPayloads.RemoveFile("test", "f".repeat(64), "", ""));
        assertTrue(log.refused(entry(EXECUTOR_KEY, PayloadType.REMOVE_FILE, new CfsPayloads.RemoveFile("test", "",
                "/data", "")), 400).startsWith("malformatted remove file msg"));

        snapshot("/data", "s1");
        CfsSnapshot s2 = snapshot("/data", "s2");
        snapshot("/data", "s3");
        log.ok(entry(EXECUTOR_KEY, PayloadType.REMOVE_SNAPSHOT, new CfsPayloads.SnapshotRef("test", "", "s1")));
        log.ok(entry(EXECUTOR_KEY, PayloadType.REMOVE_SNAPSHOT, new CfsPayloads.SnapshotRef("test", s2.snapshotId(),
                "")));
        assertEquals(List.of("s3"), files().snapshotsOf("test").stream().map(CfsSnapshot::name).toList());
        log.refused(entry(EXECUTOR_KEY, PayloadType.REMOVE_SNAPSHOT, new CfsPayloads.SnapshotRef("test", "", "")),
                500);
        log.ok(entry(EXECUTOR_KEY, PayloadType.REMOVE_ALL_SNAPSHOTS, new ColonyPayloads.ColonyRef("test")));
        assertEquals(List.of(), files().snapshotsOf("test"));
        snapshot("/data", "s1");
    }

    private void remove(CfsPayloads.RemoveFile payload) {
        log.ok(entry(EXECUTOR_KEY, PayloadType.REMOVE_FILE, payload));
    }

    @Test
    void onlyMembersOfTheColonyMayWriteAndOtherColoniesStayApart() {
        CfsFile a = add("/data", "a", "1");
        CfsFile sent = CfsFile.of("test", "/data", "x", 1, "c", CfsFile.Reference.NONE);
        log.refused(entry(OTHER_KEY, PayloadType.ADD_FILE, new CfsPayloads.AddFile(sent)), 403);
        log.refused(entry(OTHER_KEY, PayloadType.REMOVE_FILE, new CfsPayloads.RemoveFile("test", a.fileId(), "", "")),
                403);
        log.refused(entry(OTHER_KEY, PayloadType.CREATE_SNAPSHOT, new CfsPayloads.CreateSnapshot("test", "/data",
                "s")), 403);
        log.refused(entry(OTHER_KEY, PayloadType.REMOVE_ALL_SNAPSHOTS, new ColonyPayloads.ColonyRef("test")), 403);
        log.ok(entry(OTHER_KEY, PayloadType.REMOVE_FILE, new CfsPayloads.RemoveFile("other", a.fileId(), "", "")));
        assertEquals(a, files().get("test", a.fileId()).orElseThrow(), "an id of another colony removes nothing");
        log.ok(entry(OTHER_KEY, PayloadType.CREATE_SNAPSHOT, new CfsPayloads.CreateSnapshot("other", "/data", "s")));
        assertNull(files().snapshotByName("other", "s").orElseThrow().fileIds());
    }

    @Test
    void badInputIsRefusedWithNothingStored() {
        String before = state.store().digest();
        refusedAdd(CfsFile.of("test", "", "a", 1, "c", CfsFile.Reference.NONE), 400);
        refusedAdd(CfsFile.of("test", "/data", "", 1, "c", CfsFile.Reference.NONE), 400);
        refusedAdd(CfsFile.of("test", "/da\u0000ta", "a", 1, "c", CfsFile.Reference.NONE), 400);
        refusedAdd(CfsFile.of("test", "/data", "a", -1, "c", CfsFile.Reference.NONE), 400);
        refusedAdd(CfsFile.of("nowhere", "/data", "a", 1, "c", CfsFile.Reference.NONE), 403);
        log.refused(entry(EXECUTOR_KEY, PayloadType.ADD_FILE, new CfsPayloads.AddFile(null)), 400);
        log.refused(entry(EXECUTOR_KEY, PayloadType.CREATE_SNAPSHOT, new CfsPayloads.CreateSnapshot("test", "/d",
                "")), 400);
        log.refused(entry(EXECUTOR_KEY, PayloadType.CREATE_SNAPSHOT, new CfsPayloads.CreateSnapshot("test", "",
                "s")), 400);
        assertEquals(before, state.store().digest());
    }

    private void refusedAdd(CfsFile file, int status) {
        log.refused(entry(EXECUTOR_KEY, PayloadType.ADD_FILE, new CfsPayloads.AddFile(file)), status);
    }

    @Test
    void aReplayAndARestoredExportHoldTheSameFilesAndAnswerTheSame() {
        add("/data", "a", "1");
        add("/data", "a", "2");
        add("/data/in", "b", "3");
        snapshot("/data", "s1");
        remove(new CfsPayloads.RemoveFile("test", "", "/data/in", "b"));
        assertEquals(state.store().digest(), log.replayed().state.store().digest(), "a replay gives the same state");
        ColoniesState restored = new ColoniesState(StoreProbes.importedCopy(StoreProbes.export(state.store())));
        assertEquals(state.store().digest(), restored.store().digest());
        assertEquals(files().revisions("test", "/data", "a"), restored.files().revisions("test", "/data", "a"));
        assertEquals(files().labelsStartingWith("test", ""), restored.files().labelsStartingWith("test", ""));
        assertEquals(files().snapshotsOf("test"), restored.files().snapshotsOf("test"));
        assertEquals(files().nextSequence(), restored.files().nextSequence(), "the revision counter goes on");
    }

    @Test
    void removingTheColonyRemovesItsFilesAndSnapshots() {
        add("/data", "a", "1");
        snapshot("/data", "s1");
        log.ok(Commands.signed(Commands.SERVER_KEY, tick(), PayloadType.REMOVE_COLONY,
                new ColonyPayloads.ColonyRef("test")));
        assertEquals(List.of(), files().labelsStartingWith("test", ""));
        assertEquals(List.of(), files().snapshotsOf("test"));
        assertTrue(files().snapshotByName("test", "s1").isEmpty());
    }
}
