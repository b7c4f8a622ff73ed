package org.colonyos.colonies.sm.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.model.CfsFile;
import org.colonyos.colonies.proto.model.CfsSnapshot;
import org.colonyos.colonies.proto.model.Labels;
import org.colonyos.colonies.proto.wire.CfsPayloads.Label;

/**
 * The meta-filesystem's metadata (protocol 4.12): file revisions by id, indexed by (colony, label, name,
 * revision) with the latest revision of each name and the number of revisions per label, and snapshots by id,
 * by name per colony and by time. Every read goes through an index of the colony, label or name asked for,
 * never a scan of all files. Labels and names are key parts, so they never contain the key separator (apply
 * refuses control characters). Not synchronised: used under the state machine's lock like
 * {@link ColoniesState}.
 */
public final class FileTables {
    private static final String SEQUENCE = "sequence";

    private final Table<CfsFile> files;
    /** (colony, label, name, descending sequence) to file id: every revision, newest first. */
    private final Table<String> revisions;
    /** (colony, label, name) to the id of the newest revision. */
    private final Table<String> latest;
    /** (colony, label) to its number of revisions. */
    private final Table<String> labels;
    private final Table<String> counters;
    private final NamedDocuments<CfsSnapshot> snapshots;
    /** (colony, descending time added, id): a colony's snapshots, newest first. */
    private final Table<String> snapshotsByTime;

    FileTables(ColoniesStore store) {
        files = store.table("files", CfsFile.class);
        revisions = store.table("file_revisions", String.class);
        latest = store.table("file_latest", String.class);
        labels = store.table("file_labels", String.class);
        counters = store.table("file_counters", String.class);
        snapshots = new NamedDocuments<>(store, "cfs_snapshots", "cfs_snapshot_names", CfsSnapshot.class,
                CfsSnapshot::snapshotId, CfsSnapshot::colonyName, CfsSnapshot::name);
        snapshotsByTime = store.table("cfs_snapshots_by_time", String.class);
    }

    /** The next revision number: one more than any given before, in every colony (Go: a global sequence). */
    public long nextSequence() {
        long next = counters.get(SEQUENCE).map(Long::parseLong).orElse(0L) + 1;
        counters.put(SEQUENCE, Long.toString(next));
        return next;
    }

    /** A revision of a colony by id (empty when it is another colony's). */
    public Optional<CfsFile> get(String colonyName, String fileId) {
        return files.get(fileId).filter(file -> file.colonyName().equals(colonyName));
    }

    /** Every revision of (label, name), newest first. */
    public List<CfsFile> revisions(String colonyName, String label, String name) {
        return revisions.keyStreamUnder(Table.key(colonyName, label, name)).map(revisions::get)
                .flatMap(Optional::stream).map(files::get).flatMap(Optional::stream).toList();
    }

    public Optional<CfsFile> latest(String colonyName, String label, String name) {
        return latest.get(Table.key(colonyName, label, name)).flatMap(files::get);
    }

    /** The newest revision of every name under exactly this label, by name. */
    public List<CfsFile> latestUnder(String colonyName, String label) {
        return latest.valuesUnder(Table.key(colonyName, label)).stream().map(files::get)
                .flatMap(Optional::stream).toList();
    }

    /** The colony's labels that start with {@code prefix} (all for ""), in order, with their revision counts. */
    public List<Label> labelsStartingWith(String colonyName, String prefix) {
        String from = Table.key(colonyName, prefix);
        String to = prefix.isEmpty() ? colonyName + (char) (Table.SEPARATOR + 1) : justAfterPrefix(from);
        return labels.keyStreamBetween(from, to).map(key -> new Label(Table.lastPart(key), labels.count(key)))
                .toList();
    }

    /** A label and its sub-labels ({@code label/...}); none when the label itself holds no file (as Go). */
    public List<Label> labelTree(String colonyName, String label) {
        int own = labels.count(Table.key(colonyName, label));
        if (own == 0) {
            return List.of();
        }
        List<Label> tree = new ArrayList<>();
        tree.add(new Label(label, own));
        tree.addAll(labelsStartingWith(colonyName, Labels.childPrefix(label)));
        return tree;
    }

    /** Stores a new revision (its sequence number the highest yet, so it becomes the latest of its name). */
    public void add(CfsFile file) {
        files.put(file.fileId(), file);
        revisions.put(revisionKey(file), file.fileId());
        latest.put(Table.key(file.colonyName(), file.label(), file.name()), file.fileId());
        labels.addToCount(Table.key(file.colonyName(), file.label()), 1);
    }

    /** Removes one revision; the newest remaining revision of its name becomes the latest. */
    public void remove(CfsFile file) {
        files.remove(file.fileId());
        revisions.remove(revisionKey(file));
        labels.addToCount(Table.key(file.colonyName(), file.label()), -1);
        String nameKey = Table.key(file.colonyName(), file.label(), file.name());
        if (latest.get(nameKey).filter(file.fileId()::equals).isPresent()) {
            Optional<String> next = revisions.keyStreamUnder(nameKey).findFirst().flatMap(revisions::get);
            next.ifPresentOrElse(id -> latest.put(nameKey, id), () -> latest.remove(nameKey));
        }
    }

    /** Removes every revision and snapshot of a colony. */
    public void removeColony(String colonyName) {
        List<String> ids = revisions.keyStreamUnder(colonyName).map(revisions::get).flatMap(Optional::stream)
                .toList();
        ids.forEach(id -> files.get(id).ifPresent(this::remove));
        snapshotsOf(colonyName).forEach(this::removeSnapshot);
    }

    public Optional<CfsSnapshot> snapshot(String colonyName, String snapshotId) {
        return snapshots.get(snapshotId).filter(snapshot -> snapshot.colonyName().equals(colonyName));
    }

    public Optional<CfsSnapshot> snapshotByName(String colonyName, String name) {
        return snapshots.byName(colonyName, name);
    }

    /** A colony's snapshots, newest first. */
    public List<CfsSnapshot> snapshotsOf(String colonyName) {
        return snapshotIdsOf(colonyName).map(snapshots::get).flatMap(Optional::stream).toList();
    }

    public void putSnapshot(CfsSnapshot snapshot) {
        snapshots.put(snapshot);
        snapshotsByTime.put(timeKey(snapshot), "");
    }

    public void removeSnapshot(CfsSnapshot snapshot) {
        snapshots.remove(snapshot);
        snapshotsByTime.remove(timeKey(snapshot));
    }

    private Stream<String> snapshotIdsOf(String colonyName) {
        return snapshotsByTime.keyStreamUnder(colonyName).map(Table::lastPart);
    }

    private static String revisionKey(CfsFile file) {
        return Table.key(file.colonyName(), file.label(), file.name(), SortKey.descending(file.sequenceNr()));
    }

    private static String timeKey(CfsSnapshot snapshot) {
        return Table.key(snapshot.colonyName(), SortKey.descending(GoTime.toUnixNanos(snapshot.added())),
                snapshot.snapshotId());
    }

    /** The first string after every string that starts with {@code prefix} (its last character raised by one). */
    private static String justAfterPrefix(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }
}
