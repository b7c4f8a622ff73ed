package org.colonyos.colonies.cfs;

import static org.colonyos.colonies.cfs.CfsFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.colonyos.colonies.proto.model.CfsFile;
import org.colonyos.colonies.proto.model.CfsSnapshot;
import org.colonyos.colonies.proto.wire.CfsPayloads;
import org.gaul.s3proxy.S3Proxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * CFS against a real server and a real S3 endpoint (s3proxy): syncs both ways with sub-directories as
 * sub-labels, conflicts settled both ways, dry runs that change nothing, a multipart file, a corrupted object
 * caught by its checksum, an unreachable S3 that leaves the label as it was, snapshots, and removal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class CfsClientTest {
    private CfsFixture fixture;
    private CfsClient cfs;
    @TempDir
    Path work;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        fixture = new CfsFixture(dir);
        cfs = fixture.cfs();
    }

    @AfterAll
    void stop() throws Exception {
        cfs.close();
        fixture.close();
    }

    @Test
    void syncUpThenDownRebuildsTheTreeAndAChangeBecomesARevision() throws IOException {
        Path up = work.resolve("up");
        write(up.resolve("a.txt"), "alpha");
        write(up.resolve("sub/b.txt"), "beta");
        write(up.resolve("empty.txt"), "");
        cfs.sync(up, "/trees", true, TransferProgress.NONE);
        assertEquals(List.of(new CfsPayloads.Label("/trees", 2), new CfsPayloads.Label("/trees/sub", 1)),
                cfs.catalog().labels("/trees", false));
        CfsFile a = cfs.catalog().latest("/trees", "a.txt").orElseThrow();
        assertEquals(S3Blobs.sha256Of(up.resolve("a.txt")), a.checksum());
        assertEquals("", a.ref().s3Object().secretKey(), "no credentials in the metadata");

        Path down = work.resolve("down");
        cfs.sync(down, "trees", true, TransferProgress.NONE);
        assertEquals("alpha", Files.readString(down.resolve("a.txt")));
        assertEquals("beta", Files.readString(down.resolve("sub/b.txt")));
        assertEquals(0, Files.size(down.resolve("empty.txt")));

        write(up.resolve("a.txt"), "alpha, second edition");
        cfs.sync(up, "/trees", true, TransferProgress.NONE);
        assertEquals(2, cfs.catalog().revisions("/trees", "a.txt").size());
        assertTrue(cfs.plan(up, "/trees", true).stream().allMatch(SyncPlan::isEmpty), "in sync afterwards");
    }

    @Test
    void conflictsKeepTheLocalOrTheRemoteVersionAsAsked() throws IOException {
        Path mine = work.resolve("mine");
        write(mine.resolve("c.txt"), "original");
        cfs.sync(mine, "/conflicts", true, TransferProgress.NONE);
        Path theirs = work.resolve("theirs");
        write(theirs.resolve("c.txt"), "theirs");
        cfs.sync(theirs, "/conflicts", true, TransferProgress.NONE);
        assertEquals("theirs", contentOfLatest("/conflicts", "c.txt"), "keeplocal uploads the local version");

        write(mine.resolve("c.txt"), "mine, unsaved");
        List<SyncPlan> plans = cfs.sync(mine, "/conflicts", false, TransferProgress.NONE);
        assertEquals(1, plans.get(0).conflicts().size());
        assertEquals("theirs", Files.readString(mine.resolve("c.txt")), "without keeplocal the remote one wins");
        assertEquals(2, cfs.catalog().revisions("/conflicts", "c.txt").size(), "and nothing is uploaded");
    }

    private String contentOfLatest(String label, String name) throws IOException {
        Path into = Files.createTempDirectory(work, "latest");
        return Files.readString(cfs.download(cfs.catalog().latest(label, name).orElseThrow(), into,
                TransferProgress.NONE));
    }

    @Test
    void aDryRunPlansButChangesNothing() throws IOException {
        Path local = work.resolve("dry");
        write(local.resolve("new.txt"), "new");
        List<SyncPlan> plans = cfs.plan(local, "/dry", true);
        assertEquals(List.of("new.txt"), plans.get(0).upload().stream().map(SyncPlan.Entry::name).toList());
        assertEquals(List.of(), cfs.catalog().files("/dry"));
        assertEquals(List.of("new.txt"), cfs.plan(local, "/dry", true).get(0).upload().stream()
                .map(SyncPlan.Entry::name).toList());
    }

    @Test
    void aLargeFileGoesUpInPartsAndComesBackIdentical() throws IOException {
        Path big = work.resolve("big");
        Files.createDirectories(big);
        byte[] block = new byte[1 << 20];
        new Random(7).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(big.resolve("fifty.bin"))) {
            for (int i = 0; i < 50; i++) {
                block[0] = (byte) i;
                out.write(block);
            }
        }
        AtomicLong sent = new AtomicLong();
        cfs.sync(big, "/big", true, sent::addAndGet);
        assertTrue(sent.get() >= 50L << 20, "progress saw every byte: " + sent.get());
        assertTrue(50L << 20 > S3Blobs.PART_SIZE, "the file is larger than one part");
        Path back = work.resolve("big-back");
        cfs.sync(back, "/big", true, TransferProgress.NONE);
        assertEquals(S3Blobs.sha256Of(big.resolve("fifty.bin")), S3Blobs.sha256Of(back.resolve("fifty.bin")));
    }

    @Test
    void aCorruptedObjectIsCaughtByItsChecksumAndNeverLands() throws IOException {
        Path local = work.resolve("corrupt");
        write(local.resolve("data.txt"), "the real content");
        cfs.sync(local, "/corrupt", true, TransferProgress.NONE);
        CfsFile file = cfs.catalog().latest("/corrupt", "data.txt").orElseThrow();
        Files.writeString(fixture.objectFile(file.ref().s3Object().object()), "the evil content");
        Path target = work.resolve("corrupt-back");
        CfsException refused = assertThrows(CfsException.class, () -> cfs.sync(target, "/corrupt", true,
                TransferProgress.NONE));
        assertTrue(refused.getMessage().contains("checksum mismatch"), refused.getMessage());
        assertFalse(Files.exists(target.resolve("data.txt")));
        try (var leftovers = Files.list(target)) {
            assertEquals(0, leftovers.count(), "no partial file left");
        }
    }

    @Test
    void anUnreachableS3GivesAClearErrorAndLeavesTheLabelAsItWas() throws Exception {
        S3Settings nowhere = new S3Settings("127.0.0.1:1", "a", "b", "", "cfs-bucket", false, false);
        CfsException refused = assertThrows(CfsException.class, () -> S3Blobs.open(nowhere));
        assertTrue(refused.getMessage().contains("127.0.0.1:1"), refused.getMessage());

        Path local = work.resolve("unreachable");
        write(local.resolve("x.txt"), "x");
        S3Proxy goingAway = CfsFixture.startS3(Files.createDirectories(work.resolve("s3-going-away")));
        try (CfsClient broken = new CfsClient(fixture.catalog(), S3Blobs.open(CfsFixture.settingsOf(goingAway)), 2)) {
            goingAway.stop();
            CfsException failed = assertThrows(CfsException.class, () -> broken.sync(local, "/unreachable", true,
                    TransferProgress.NONE));
            assertTrue(failed.getMessage().startsWith("cannot upload x.txt"), failed.getMessage());
        }
        assertEquals(List.of(), cfs.catalog().files("/unreachable"), "no revision without its bytes");
    }

    @Test
    void snapshotsOfNestedLabelsDownloadAsTrees() throws IOException {
        Path local = work.resolve("snap");
        write(local.resolve("top.txt"), "top");
        write(local.resolve("in/deep.txt"), "deep");
        cfs.sync(local, "/snap", true, TransferProgress.NONE);
        CfsSnapshot snapshot = cfs.catalog().createSnapshot("/snap", "snap-v1");
        assertEquals(2, snapshot.fileIdList().size());
        write(local.resolve("top.txt"), "top, changed later");
        cfs.sync(local, "/snap", true, TransferProgress.NONE);

        Path restored = work.resolve("restored");
        cfs.downloadSnapshot(cfs.catalog().snapshotByName("snap-v1"), restored, TransferProgress.NONE);
        assertEquals("top", Files.readString(restored.resolve("top.txt")), "the snapshot's revision");
        assertEquals("deep", Files.readString(restored.resolve("in/deep.txt")));
        cfs.catalog().removeSnapshotByName("snap-v1");
        assertTrue(cfs.catalog().snapshots().stream().noneMatch(s -> s.name().equals("snap-v1")));
    }

    @Test
    void removingALabelRemovesItsRevisionsAndTheirObjects() throws IOException {
        Path local = work.resolve("gone");
        write(local.resolve("g.txt"), "g1");
        cfs.sync(local, "/gone", true, TransferProgress.NONE);
        write(local.resolve("g.txt"), "g2");
        write(local.resolve("sub/h.txt"), "h");
        cfs.sync(local, "/gone", true, TransferProgress.NONE);
        List<String> objects = cfs.catalog().revisions("/gone", "g.txt").stream()
                .map(f -> f.ref().s3Object().object()).toList();
        assertEquals(3, cfs.removeLabel("/gone"));
        assertEquals(List.of(), cfs.catalog().labels("/gone", false));
        objects.forEach(key -> assertFalse(Files.exists(fixture.objectFile(key)), key));
    }
}
