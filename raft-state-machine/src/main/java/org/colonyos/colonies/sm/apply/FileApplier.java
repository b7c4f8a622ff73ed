package org.colonyos.colonies.sm.apply;

import java.util.List;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.log.AddFile;
import org.colonyos.colonies.proto.log.CreateSnapshot;
import org.colonyos.colonies.proto.log.RemoveAllSnapshots;
import org.colonyos.colonies.proto.log.RemoveFile;
import org.colonyos.colonies.proto.log.RemoveSnapshot;
import org.colonyos.colonies.proto.model.CfsFile;
import org.colonyos.colonies.proto.model.CfsSnapshot;
import org.colonyos.colonies.proto.model.Labels;
import org.colonyos.colonies.proto.wire.Replies;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.colonyos.colonies.sm.state.FileTables;

/**
 * Applies the meta-filesystem's writes (protocol 4.12): file revisions and snapshots, metadata only. A revision
 * is stored without the S3 credentials and encryption key older clients send with it: every reader uses its own
 * credentials, and the Go server's habit of handing one member's keys to every other member is not kept.
 * Removing what does not exist succeeds, as in Go.
 *
 * <p>Single-threaded: called only from the apply thread.
 */
final class FileApplier {
    Object apply(AddFile command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        CfsFile sent = Json.parse(command.getFileJson().toByteArray(), CfsFile.class);
        Authorizer.requireMember(state, ctx.callerId(), sent.colonyName(), true);
        Validation.requireName(sent.label(), "file label");
        Validation.requireName(sent.name(), "file");
        if (sent.size() < 0) {
            throw Rejection.badRequest("Failed to add file, size must not be negative");
        }
        CfsFile file = sent.stored(ctx.generatedId(), state.files().nextSequence(), ctx.now());
        state.files().add(file);
        return file;
    }

    Object apply(RemoveFile command, ApplyContext ctx) {
        FileTables files = ctx.state().files();
        String colony = command.getColonyName();
        Authorizer.requireMember(ctx.state(), ctx.callerId(), colony, true);
        if (!command.getFileId().isEmpty()) {
            files.get(colony, command.getFileId()).ifPresent(files::remove);
        } else if (!command.getLabel().isEmpty() && !command.getName().isEmpty()) {
            files.revisions(colony, command.getLabel(), command.getName()).forEach(files::remove);
        } else {
            throw Rejection.badRequest("malformatted remove file msg");
        }
        return Replies.EMPTY;
    }

    /**
     * Takes a snapshot: the latest revision of every file of the label (trailing slashes trimmed) and of its
     * sub-labels, label by label and name by name.
     */
    Object apply(CreateSnapshot command, ApplyContext ctx) {
        FileTables files = ctx.state().files();
        String colony = command.getColonyName();
        Authorizer.requireMember(ctx.state(), ctx.callerId(), colony, true);
        String label = Labels.trimTrailingSlashes(command.getLabel());
        Validation.requireName(label, "snapshot label");
        Validation.requireName(command.getName(), "snapshot");
        if (files.snapshotByName(colony, command.getName()).isPresent()) {
            throw Rejection.internal("Failed to create snapshot, a snapshot named <" + command.getName()
                    + "> already exists in colony <" + colony + ">");
        }
        List<String> fileIds = files.labelTree(colony, label).stream()
                .flatMap(l -> files.latestUnder(colony, l.name()).stream()).map(CfsFile::fileId).toList();
        CfsSnapshot snapshot = new CfsSnapshot(ctx.generatedId(), colony, label, command.getName(), fileIds,
                ctx.now());
        files.putSnapshot(snapshot);
        return snapshot;
    }

    Object apply(RemoveSnapshot command, ApplyContext ctx) {
        FileTables files = ctx.state().files();
        String colony = command.getColonyName();
        Authorizer.requireMember(ctx.state(), ctx.callerId(), colony, true);
        if (!command.getSnapshotId().isEmpty()) {
            files.snapshot(colony, command.getSnapshotId()).ifPresent(files::removeSnapshot);
        } else if (!command.getName().isEmpty()) {
            files.snapshotByName(colony, command.getName()).ifPresent(files::removeSnapshot);
        } else {
            throw Rejection.internal("Failed to remove snapshot, malformatted msg");
        }
        return Replies.EMPTY;
    }

    Object apply(RemoveAllSnapshots command, ApplyContext ctx) {
        FileTables files = ctx.state().files();
        Authorizer.requireMember(ctx.state(), ctx.callerId(), command.getColonyName(), true);
        files.snapshotsOf(command.getColonyName()).forEach(files::removeSnapshot);
        return Replies.EMPTY;
    }
}
