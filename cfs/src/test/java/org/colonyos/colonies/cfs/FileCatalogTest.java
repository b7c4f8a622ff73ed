package org.colonyos.colonies.cfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.CfsFile;
import org.colonyos.colonies.proto.model.CfsSnapshot;
import org.colonyos.colonies.proto.wire.CfsPayloads;
import org.colonyos.colonies.proto.wire.ColonyPayloads;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.sdk.ColoniesException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The meta-filesystem's messages over HTTP with the Go server's reply shapes and statuses: file replies are
 * arrays, empty listings are {@code null}, unknown ids and names give 400/404/500 as the protocol says, and
 * strangers get 403.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class FileCatalogTest {
    private CfsFixture fixture;
    private FileCatalog files;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        fixture = new CfsFixture(dir);
        files = fixture.catalog();
    }

    @AfterAll
    void stop() throws Exception {
        fixture.close();
    }

    private CfsFile add(String label, String name) {
        return files.add(CfsFile.of(CfsFixture.COLONY, label, name, 4, "abcd",
                CfsFile.Reference.s3("127.0.0.1:9", false, "", "b", "o-" + name)));
    }

    private static void refused(int status, String message, Executable call) {
        ColoniesException e = assertThrows(ColoniesException.class, call);
        assertEquals(status, e.status(), e.getMessage());
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void filesAreAnsweredAsArraysAndMissingOnesWithTheGoStatuses() {
        CfsFile a = add("/status", "a");
        JsonNode byId = fixture.client.call(PayloadType.GET_FILE, new CfsPayloads.GetFile(CfsFixture.COLONY,
                a.fileId(), "", "", false), fixture.memberKey, JsonNode.class);
        assertTrue(byId.isArray() && byId.size() == 1, byId.toString());
        assertEquals(a, files.byId(a.fileId()));
        refused(400, "Failed to get file", () -> files.byId("f".repeat(64)));
        refused(404, "Failed to get file", () -> fixture.client.callList(PayloadType.GET_FILE,
                new CfsPayloads.GetFile(CfsFixture.COLONY, "", "/status", "nothing", true), fixture.memberKey,
                CfsFile.class));
        refused(500, "malformatted get file msg", () -> fixture.client.callList(PayloadType.GET_FILE,
                new CfsPayloads.GetFile(CfsFixture.COLONY, "", "/status", "", false), fixture.memberKey,
                CfsFile.class));
        refused(400, "malformatted remove file msg", () -> files.removeByName("/status", ""));
    }

    @Test
    void emptyListingsAreNullAsGoWritesThem() {
        for (PayloadType type : List.of(PayloadType.GET_FILES, PayloadType.GET_FILE_LABELS)) {
            Object payload = type == PayloadType.GET_FILES ? new CfsPayloads.GetFiles(CfsFixture.COLONY, "/none")
                    : new CfsPayloads.GetFileLabels(CfsFixture.COLONY, "/none", true);
            JsonNode reply = fixture.client.call(type, (org.colonyos.colonies.proto.wire.Payload) payload,
                    fixture.memberKey, JsonNode.class);
            assertTrue(reply.isNull(), type + ": " + reply);
        }
    }

    @Test
    void labelsExactAndByPrefix() {
        add("/lab", "x");
        add("/lab/sub", "y");
        add("/label", "z");
        assertEquals(List.of("/lab", "/lab/sub", "/label"), names(files.labels("/lab", false)));
        assertEquals(List.of("/lab", "/lab/sub"), names(files.labels("/lab", true)));
        assertTrue(names(files.labels("", false)).containsAll(List.of("/lab", "/lab/sub", "/label")));
    }

    private static List<String> names(List<CfsPayloads.Label> labels) {
        return labels.stream().map(CfsPayloads.Label::name).toList();
    }

    @Test
    void snapshotsByIdAndNameAndTheirStatuses() {
        add("/snapped", "s");
        CfsSnapshot snapshot = files.createSnapshot("/snapped", "catalog-snap");
        assertEquals(snapshot, files.snapshotById(snapshot.snapshotId()));
        assertEquals(snapshot, files.snapshotByName("catalog-snap"));
        refused(500, "Failed to create snapshot, a snapshot named <catalog-snap> already exists",
                () -> files.createSnapshot("/snapped", "catalog-snap"));
        refused(500, "Failed to get snapshot, snapshot <nope> not found", () -> files.snapshotByName("nope"));
        refused(500, "Failed to get snapshot, malformatted msg", () -> files.snapshotById(""));
        files.removeSnapshotById(snapshot.snapshotId());
        files.removeSnapshotById(snapshot.snapshotId());
        refused(500, "Failed to get snapshot", () -> files.snapshotById(snapshot.snapshotId()));
    }

    @Test
    void strangersAreRefusedEverything() {
        CfsFile mine = add("/private", "p");
        FileCatalog stranger = new FileCatalog(fixture.client, CfsFixture.COLONY, Secp256k1.generatePrivateKey());
        refused(403, "", () -> stranger.byId(mine.fileId()));
        refused(403, "", () -> stranger.files("/private"));
        refused(403, "", () -> stranger.labels("", false));
        refused(403, "", () -> stranger.snapshots());
        refused(403, "", () -> stranger.add(CfsFile.of(CfsFixture.COLONY, "/x", "x", 0, "", CfsFile.Reference.NONE)));
        refused(403, "", () -> stranger.removeById(mine.fileId()));
        refused(403, "", () -> fixture.client.callEmpty(PayloadType.REMOVE_ALL_SNAPSHOTS,
                new ColonyPayloads.ColonyRef(CfsFixture.COLONY), Secp256k1.generatePrivateKey()));
        assertEquals(mine, files.byId(mine.fileId()));
    }
}
