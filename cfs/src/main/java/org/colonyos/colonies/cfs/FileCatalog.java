package org.colonyos.colonies.cfs;

import java.util.List;
import java.util.Optional;
import org.colonyos.colonies.proto.model.CfsFile;
import org.colonyos.colonies.proto.model.CfsSnapshot;
import org.colonyos.colonies.proto.model.Labels;
import org.colonyos.colonies.proto.wire.CfsPayloads;
import org.colonyos.colonies.proto.wire.ColonyPayloads;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.ColoniesException;

/**
 * The meta-filesystem's messages (protocol 4.12) for one colony, signed with one member's key: the metadata half
 * of CFS, without any bytes. Lists are never null.
 *
 * <p>Thread-safe (as {@link ColoniesClient}).
 */
public final class FileCatalog {
    private final ColoniesClient client;
    private final String colonyName;
    private final String prvKey;

    public FileCatalog(ColoniesClient client, String colonyName, String prvKey) {
        this.client = client;
        this.colonyName = colonyName;
        this.prvKey = prvKey;
    }

    public String colonyName() {
        return colonyName;
    }

    /** Adds a revision; the reply carries its id, sequence number and time. */
    public CfsFile add(CfsFile file) {
        return client.call(PayloadType.ADD_FILE, new CfsPayloads.AddFile(file), prvKey, CfsFile.class);
    }

    /** One revision by id. */
    public CfsFile byId(String fileId) {
        return client.callList(PayloadType.GET_FILE, new CfsPayloads.GetFile(colonyName, fileId, "", "", false),
                prvKey, CfsFile.class).get(0);
    }

    /** Every revision of a file, newest first (empty when there is none). */
    public List<CfsFile> revisions(String label, String name) {
        return orNone(() -> client.callList(PayloadType.GET_FILE, new CfsPayloads.GetFile(colonyName, "", label, name,
                false), prvKey, CfsFile.class));
    }

    /** The newest revision of a file. */
    public Optional<CfsFile> latest(String label, String name) {
        return orNone(() -> client.callList(PayloadType.GET_FILE, new CfsPayloads.GetFile(colonyName, "", label, name,
                true), prvKey, CfsFile.class)).stream().findFirst();
    }

    /** The newest revision of each file under exactly this label. */
    public List<CfsPayloads.FileData> files(String label) {
        return client.callList(PayloadType.GET_FILES, new CfsPayloads.GetFiles(colonyName, label), prvKey,
                CfsPayloads.FileData.class);
    }

    /** Labels starting with {@code prefix} (all for ""), or with {@code exact} the label and its sub-labels. */
    public List<CfsPayloads.Label> labels(String prefix, boolean exact) {
        return client.callList(PayloadType.GET_FILE_LABELS, new CfsPayloads.GetFileLabels(colonyName, prefix, exact),
                prvKey, CfsPayloads.Label.class);
    }

    /**
     * A label and every sub-label that holds files, by name. Unlike {@code labels(root, true)} (the protocol's
     * exact query) it also finds sub-labels when the label itself holds no file.
     */
    public List<String> labelTree(String root) {
        return labels(root, false).stream().map(CfsPayloads.Label::name).filter(name -> Labels.inTree(name, root))
                .toList();
    }

    public void removeById(String fileId) {
        client.callEmpty(PayloadType.REMOVE_FILE, new CfsPayloads.RemoveFile(colonyName, fileId, "", ""), prvKey);
    }

    /** Removes every revision of a file. */
    public void removeByName(String label, String name) {
        client.callEmpty(PayloadType.REMOVE_FILE, new CfsPayloads.RemoveFile(colonyName, "", label, name), prvKey);
    }

    public CfsSnapshot createSnapshot(String label, String name) {
        return client.call(PayloadType.CREATE_SNAPSHOT, new CfsPayloads.CreateSnapshot(colonyName, label, name),
                prvKey, CfsSnapshot.class);
    }

    public CfsSnapshot snapshotById(String snapshotId) {
        return client.call(PayloadType.GET_SNAPSHOT, new CfsPayloads.SnapshotRef(colonyName, snapshotId, ""), prvKey,
                CfsSnapshot.class);
    }

    public CfsSnapshot snapshotByName(String name) {
        return client.call(PayloadType.GET_SNAPSHOT, new CfsPayloads.SnapshotRef(colonyName, "", name), prvKey,
                CfsSnapshot.class);
    }

    /** The colony's snapshots, newest first. */
    public List<CfsSnapshot> snapshots() {
        return client.callList(PayloadType.GET_SNAPSHOTS, new ColonyPayloads.ColonyRef(colonyName), prvKey,
                CfsSnapshot.class);
    }

    public void removeSnapshotById(String snapshotId) {
        client.callEmpty(PayloadType.REMOVE_SNAPSHOT, new CfsPayloads.SnapshotRef(colonyName, snapshotId, ""), prvKey);
    }

    public void removeSnapshotByName(String name) {
        client.callEmpty(PayloadType.REMOVE_SNAPSHOT, new CfsPayloads.SnapshotRef(colonyName, "", name), prvKey);
    }

    public void removeAllSnapshots() {
        client.callEmpty(PayloadType.REMOVE_ALL_SNAPSHOTS, new ColonyPayloads.ColonyRef(colonyName), prvKey);
    }

    /** The list, or an empty one where the server answers 404 for "nothing found". */
    private static <T> List<T> orNone(java.util.function.Supplier<List<T>> call) {
        try {
            return call.get();
        } catch (ColoniesException e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw e;
        }
    }
}
