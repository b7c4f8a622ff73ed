package org.colonyos.colonies.cli.cmd;

import java.nio.file.Path;
import java.util.List;
import org.colonyos.colonies.cfs.CfsClient;
import org.colonyos.colonies.cfs.SyncPlan;
import org.colonyos.colonies.cli.UsageException;
import org.colonyos.colonies.cli.output.Printer.Column;
import org.colonyos.colonies.cli.output.Times;
import org.colonyos.colonies.cli.output.TransferBar;
import org.colonyos.colonies.proto.model.CfsFile;
import org.colonyos.colonies.proto.wire.CfsPayloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code colonies fs}: the Go CLI's file commands over CFS: sync a directory with a label, list, inspect,
 * download and remove files, labels and snapshots. Bytes go to the S3 endpoint of the {@code AWS_S3_*}
 * variables; metadata to the server.
 */
public final class FsCommands {
    private FsCommands() {
    }

    /** {@code colonies fs}. */
    @Command(name = "fs", description = "Manage file storage (CFS): labels, files and snapshots",
            subcommands = {Sync.class, Ls.class, Info.class, Get.class, Remove.class, Clean.class, LabelGroup.class,
                SnapshotCommands.SnapshotGroup.class})
    public static final class FsGroup {
    }

    @Command(name = "sync", description = "Synchronize a directory with a label (and sub-directories with "
            + "sub-labels); nothing is deleted on either side")
    static final class Sync extends FsCommand {
        @Option(names = {"-l", "--label"}, required = true, description = "Label, e.g. /data")
        String label;

        @Option(names = {"-d", "--dir"}, required = true, description = "Local directory (created if missing)")
        Path dir;

        @Option(names = "--dry", description = "Print what would be done, change nothing")
        boolean dry;

        @Option(names = "--yes", description = "Do not ask before changing anything")
        boolean yes;

        @Option(names = "--keeplocal", arity = "0..1", defaultValue = "true", fallbackValue = "true",
                description = "On conflicts upload the local file as a new revision (default); "
                        + "--keeplocal=false downloads the label's version over it")
        boolean keepLocal;

        @Override
        protected void run() {
            try (CfsClient cfs = cfs()) {
                List<SyncPlan> plans = cfs.plan(dir, label, keepLocal);
                if (plans.stream().allMatch(SyncPlan::isEmpty)) {
                    printer().done("Nothing to do: " + dir + " and " + label + " are in sync");
                    return;
                }
                if (dry || !yes) {
                    plans.stream().filter(p -> !p.isEmpty()).forEach(this::print);
                }
                if (dry || !yes && !confirmed("\nAre you sure you want to continue?")) {
                    return;
                }
                long bytes = plans.stream().flatMap(p -> java.util.stream.Stream.concat(p.uploads().stream(),
                        p.downloads().stream())).mapToLong(SyncPlan.Entry::size).sum();
                try (TransferBar bar = TransferBar.start("Syncing " + label, bytes)) {
                    cfs.apply(plans, bar);
                }
                printer().done("Synchronized " + dir + " with " + label);
            }
        }

        private void print(SyncPlan plan) {
            var out = spec.commandLine().getOut();
            out.println(plan.label() + ":");
            out.println("=".repeat(plan.label().length() + 1));
            section("These files will be uploaded:", plan.upload(), plan);
            section("These files will be downloaded to " + plan.dir() + ":", plan.download(), plan);
            section(plan.keepLocal() ? "These files will be replaced at the server:"
                    : "These files will be replaced in " + plan.dir() + ":", plan.conflicts(), plan);
            out.println();
            out.flush();
        }

        private void section(String title, List<SyncPlan.Entry> entries, SyncPlan plan) {
            if (!entries.isEmpty()) {
                spec.commandLine().getOut().println(title);
                printer().table(entries, new Column<>("File", SyncPlan.Entry::name),
                        new Column<>("Size", e -> kib(e.size())), new Column<>("Label", e -> plan.label()));
            }
        }
    }

    @Command(name = "ls", description = "List the files of a label (latest revisions)")
    static final class Ls extends FsCommand {
        @Option(names = {"-l", "--label"}, required = true, description = "Label")
        String label;

        @Override
        protected void run() {
            var catalog = catalog();
            List<List<CfsFile>> files = catalog.files(label).stream().map(f -> catalog.revisions(label, f.name()))
                    .filter(revisions -> !revisions.isEmpty()).toList();
            printer().table(files, new Column<>("Filename", r -> r.get(0).name()),
                    new Column<>("Size", r -> kib(r.get(0).size())), new Column<>("Latest ID", r -> r.get(0).fileId()),
                    new Column<>("Added", r -> Times.readable(r.get(0).added())), new Column<>("Revisions", List::size));
        }
    }

    /** A command about a file: by id, or by label and name. */
    abstract static class OneFile extends FsCommand {
        @Option(names = {"-i", "--fileid"}, description = "File (revision) id")
        String fileId;

        @Option(names = {"-l", "--label"}, description = "Label (with --name)")
        String label;

        @Option(names = {"-n", "--name"}, description = "File name (with --label)")
        String name;

        /** The revision by id, or every revision of the name (newest first), or only the latest. */
        protected List<CfsFile> selected(boolean latestOnly) {
            if (fileId != null) {
                return List.of(catalog().byId(fileId));
            }
            if (label == null || name == null) {
                throw new UsageException("give --fileid, or --label and --name");
            }
            List<CfsFile> revisions = catalog().revisions(label, name);
            if (revisions.isEmpty()) {
                throw new UsageException("no file " + name + " in label " + label);
            }
            return latestOnly ? revisions.subList(0, 1) : revisions;
        }
    }

    @Command(name = "info", description = "Show a file's revisions (or one revision by id)")
    static final class Info extends OneFile {
        @Override
        protected void run() {
            selected(false).forEach(printer()::item);
        }
    }

    @Command(name = "get", description = "Download a file (the latest revision, or one by id)")
    static final class Get extends OneFile {
        @Option(names = {"-d", "--dir"}, required = true, description = "Directory to download into")
        Path dir;

        @Override
        protected void run() {
            CfsFile file = selected(true).get(0);
            try (CfsClient cfs = cfs(); TransferBar bar = TransferBar.start("Downloading " + file.name(),
                    file.size())) {
                printer().done("Downloaded " + cfs.download(file, dir, bar));
            }
        }
    }

    @Command(name = "remove", description = "Remove a file: every revision, or one by id (local files stay)")
    static final class Remove extends OneFile {
        @Override
        protected void run() {
            List<CfsFile> revisions = selected(false);
            try (CfsClient cfs = cfs()) {
                cfs.removeRevisions(revisions);
            }
            printer().done("Removed " + revisions.size() + " revision(s) of " + revisions.get(0).name());
        }
    }

    /** Removes every file of a label and its sub-labels, after asking. */
    abstract static class LabelRemoval extends FsCommand {
        @Option(names = {"-l", "--label"}, required = true, description = "Label")
        String label;

        @Option(names = "--yes", description = "Do not ask first")
        boolean yes;

        @Override
        protected void run() {
            if (!yes && !confirmed("All files with label <" + label + "/*> will be removed. Local files are not "
                    + "deleted.\n\nAre you sure you want to continue?")) {
                return;
            }
            try (CfsClient cfs = cfs()) {
                printer().done("Removed " + cfs.removeLabel(label) + " revision(s) under " + label);
            }
        }
    }

    @Command(name = "clean", description = "Remove every file of a label and its sub-labels (local files stay)")
    static final class Clean extends LabelRemoval {
    }

    /** {@code colonies fs label}. */
    @Command(name = "label", description = "Manage labels", subcommands = {LabelLs.class, LabelRemove.class})
    static final class LabelGroup {
    }

    @Command(name = "ls", description = "List the colony's labels and their number of files (revisions)")
    static final class LabelLs extends FsCommand {
        @Override
        protected void run() {
            printer().table(catalog().labels("", false), new Column<>("Label", CfsPayloads.Label::name),
                    new Column<>("Number of files", CfsPayloads.Label::files));
        }
    }

    @Command(name = "remove", description = "Remove a label: every file in it and its sub-labels")
    static final class LabelRemove extends LabelRemoval {
    }
}
