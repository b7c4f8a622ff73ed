package org.colonyos.colonies.http.handlers;

import java.util.List;
import org.colonyos.colonies.http.rpc.Access;
import org.colonyos.colonies.http.rpc.RouteTable;
import org.colonyos.colonies.proto.model.CfsFile;
import org.colonyos.colonies.proto.model.CfsSnapshot;
import org.colonyos.colonies.proto.wire.CfsPayloads;
import org.colonyos.colonies.proto.wire.ColonyPayloads;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.Replies;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.colonyos.colonies.sm.state.FileTables;

/**
 * Routes of the meta-filesystem (protocol 4.12): file revisions, labels and snapshots, with the Go server's
 * statuses. Every message is for members of the colony it names; the membership check comes first.
 */
public final class CfsHandlers {
    private CfsHandlers() {
    }

    public static void register(RouteTable.Builder routes) {
        routes.write(PayloadType.ADD_FILE, Access.MEMBER, CfsPayloads.AddFile.class)
                .write(PayloadType.REMOVE_FILE, Access.MEMBER, CfsPayloads.RemoveFile.class)
                .write(PayloadType.CREATE_SNAPSHOT, Access.MEMBER, CfsPayloads.CreateSnapshot.class)
                .write(PayloadType.REMOVE_SNAPSHOT, Access.MEMBER, CfsPayloads.SnapshotRef.class)
                .write(PayloadType.REMOVE_ALL_SNAPSHOTS, Access.MEMBER, ColonyPayloads.ColonyRef.class)
                .read(PayloadType.GET_FILE, Access.MEMBER, CfsPayloads.GetFile.class, (state, caller, p) ->
                        revisions(member(state, caller, p.colonyName()), p))
                .read(PayloadType.GET_FILES, Access.MEMBER, CfsPayloads.GetFiles.class, (state, caller, p) ->
                        Replies.listOrNull(member(state, caller, p.colonyName())
                                .latestUnder(p.colonyName(), p.label()).stream()
                                .map(CfsPayloads.FileData::of).toList()))
                .read(PayloadType.GET_FILE_LABELS, Access.MEMBER, CfsPayloads.GetFileLabels.class,
                        (state, caller, p) -> Replies.listOrNull(labels(member(state, caller, p.colonyName()), p)))
                .read(PayloadType.GET_SNAPSHOT, Access.MEMBER, CfsPayloads.SnapshotRef.class, (state, caller, p) ->
                        snapshot(member(state, caller, p.colonyName()), p))
                .read(PayloadType.GET_SNAPSHOTS, Access.MEMBER, ColonyPayloads.ColonyRef.class, (state, caller, p) ->
                        Replies.listOrNull(member(state, caller, p.colonyName()).snapshotsOf(p.colonyName())));
    }

    /** The colony's files, once the caller is known to be one of its members. */
    private static FileTables member(ColoniesState state, String caller, String colonyName) {
        Authorizer.requireMember(state, caller, colonyName, true);
        return state.files();
    }

    /** A revision by id (unknown: 400), or the revisions of a name (none: 404); always a list. */
    private static List<CfsFile> revisions(FileTables files, CfsPayloads.GetFile p) {
        List<CfsFile> found;
        if (!p.fileId().isEmpty()) {
            found = List.of(files.get(p.colonyName(), p.fileId())
                    .orElseThrow(() -> Rejection.badRequest("Failed to get file")));
        } else if (!p.label().isEmpty() && !p.name().isEmpty()) {
            found = p.latest() ? files.latest(p.colonyName(), p.label(), p.name()).stream().toList()
                    : files.revisions(p.colonyName(), p.label(), p.name());
        } else {
            throw Rejection.internal("malformatted get file msg");
        }
        if (found.isEmpty()) {
            throw Rejection.notFound("Failed to get file");
        }
        return found;
    }

    private static List<CfsPayloads.Label> labels(FileTables files, CfsPayloads.GetFileLabels p) {
        String name = p.name();
        if (name.isEmpty()) {
            return files.labelsStartingWith(p.colonyName(), "");
        }
        return p.exact() ? files.labelTree(p.colonyName(), name) : files.labelsStartingWith(p.colonyName(), name);
    }

    private static CfsSnapshot snapshot(FileTables files, CfsPayloads.SnapshotRef p) {
        String id = p.snapshotId();
        String name = p.name();
        if (id.isEmpty() && name.isEmpty()) {
            throw Rejection.internal("Failed to get snapshot, malformatted msg");
        }
        return (id.isEmpty() ? files.snapshotByName(p.colonyName(), name) : files.snapshot(p.colonyName(), id))
                .orElseThrow(() -> Rejection.internal("Failed to get snapshot, snapshot <"
                        + (id.isEmpty() ? name : id) + "> not found"));
    }
}
