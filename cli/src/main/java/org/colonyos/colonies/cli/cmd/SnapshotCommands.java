package org.colonyos.colonies.cli.cmd;

import java.nio.file.Path;
import java.util.List;
import org.colonyos.colonies.cfs.CfsClient;
import org.colonyos.colonies.cfs.FileCatalog;
import org.colonyos.colonies.cli.UsageException;
import org.colonyos.colonies.cli.output.Printer.Column;
import org.colonyos.colonies.cli.output.Times;
import org.colonyos.colonies.cli.output.TransferBar;
import org.colonyos.colonies.proto.model.CfsFile;
import org.colonyos.colonies.proto.model.CfsSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code colonies fs snapshot}: immutable sets of the latest revisions of a label and its sub-labels. */
final class SnapshotCommands {
    private SnapshotCommands() {
    }

    @Command(name = "snapshot", description = "Manage snapshots of labels",
            subcommands = {Create.class, Ls.class, Info.class, Download.class, Remove.class, RemoveAll.class})
    static final class SnapshotGroup {
    }

    @Command(name = "create", description = "Take a snapshot of a label and its sub-labels")
    static final class Create extends FsCommand {
        @Option(names = {"-l", "--label"}, required = true, description = "Label")
        String label;

        @Option(names = {"-n", "--snapshotname"}, required = true, description = "Snapshot name, unique in the colony")
        String name;

        @Override
        protected void run() {
            printer().item(catalog().createSnapshot(label, name));
        }
    }

    @Command(name = "ls", description = "List the colony's snapshots, newest first")
    static final class Ls extends FsCommand {
        @Override
        protected void run() {
            printer().table(catalog().snapshots(), new Column<>("Name", CfsSnapshot::name),
                    new Column<>("Id", CfsSnapshot::snapshotId), new Column<>("Label", CfsSnapshot::label),
                    new Column<>("Files", s -> s.fileIdList().size()),
                    new Column<>("Added", s -> Times.readable(s.added())));
        }
    }

    /** A command about one snapshot: by id or by name. */
    abstract static class OneSnapshot extends FsCommand {
        @Option(names = {"-i", "--snapshotid"}, description = "Snapshot id")
        String snapshotId;

        @Option(names = {"-n", "--snapshotname"}, description = "Snapshot name")
        String name;

        protected CfsSnapshot snapshot(FileCatalog catalog) {
            if (snapshotId != null) {
                return catalog.snapshotById(snapshotId);
            }
            if (name == null) {
                throw new UsageException("give --snapshotid or --snapshotname");
            }
            return catalog.snapshotByName(name);
        }
    }

    @Command(name = "info", description = "Show a snapshot and its files")
    static final class Info extends OneSnapshot {
        @Override
        protected void run() {
            FileCatalog catalog = catalog();
            CfsSnapshot snapshot = snapshot(catalog);
            printer().item(snapshot);
            printer().table(snapshot.fileIdList().stream().map(catalog::byId).toList(),
                    new Column<>("Filename", CfsFile::name), new Column<>("Label", CfsFile::label),
                    new Column<>("FileId", CfsFile::fileId), new Column<>("Added", f -> Times.readable(f.added())));
        }
    }

    @Command(name = "download", description = "Download a snapshot's files into a directory (sub-labels as "
            + "sub-directories; files already there with the same content are kept)")
    static final class Download extends OneSnapshot {
        @Option(names = {"-d", "--dir"}, required = true, description = "Directory to download into")
        Path dir;

        @Override
        protected void run() {
            try (CfsClient cfs = cfs()) {
                CfsSnapshot snapshot = snapshot(cfs.catalog());
                List<CfsFile> files = cfs.filesOf(snapshot);
                long bytes = files.stream().mapToLong(CfsFile::size).sum();
                try (TransferBar bar = TransferBar.start("Downloading " + snapshot.name(), bytes)) {
                    cfs.downloadSnapshot(snapshot, files, dir, bar);
                }
                printer().done("Downloaded snapshot " + snapshot.name() + " to " + dir);
            }
        }
    }

    @Command(name = "remove", description = "Remove a snapshot (its files stay)")
    static final class Remove extends OneSnapshot {
        @Override
        protected void run() {
            FileCatalog catalog = catalog();
            CfsSnapshot snapshot = snapshot(catalog);
            catalog.removeSnapshotById(snapshot.snapshotId());
            printer().done("Removed snapshot " + snapshot.name());
        }
    }

    @Command(name = "removeall", description = "Remove every snapshot of the colony (their files stay)")
    static final class RemoveAll extends FsCommand {
        @Override
        protected void run() {
            catalog().removeAllSnapshots();
            printer().done("Removed all snapshots of colony " + options.colonyName());
        }
    }
}
