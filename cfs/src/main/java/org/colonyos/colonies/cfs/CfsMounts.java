package org.colonyos.colonies.cfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.colonyos.colonies.proto.model.CfsSnapshot;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.sdk.ProcessFiles;

/**
 * CFS mounts for {@link org.colonyos.colonies.sdk.ExecutorRuntime}: before a handler runs, every {@code dirs}
 * label of the process's {@code fs} is synced into its directory (conflicts settled by {@code onstart}) and every
 * {@code snapshots} entry downloaded; after it, the labels are synced back (settled by {@code onclose}, so new and
 * changed files land as new revisions), and what {@code keepfiles}/{@code keepsnapshot} do not keep is removed.
 * Directories are resolved under {@code fs.mount}, or under a per-process directory of the work root when the
 * spec names no mount; a directory that would lie outside its mount is refused.
 *
 * <p>Used from the runtime's loop thread; thread-safe as {@link CfsClient}.
 */
public final class CfsMounts implements ProcessFiles {
    private final CfsClient cfs;
    private final Path workRoot;

    /** @param workRoot where processes whose spec names no mount get their own directory */
    public CfsMounts(CfsClient cfs, Path workRoot) {
        this.cfs = cfs;
        this.workRoot = workRoot;
    }

    @Override
    public Mounted prepare(ColonyProcess process) throws IOException {
        FunctionSpec.Filesystem fs = process.spec().fs();
        boolean ownRoot = fs.mount().isEmpty();
        Path root = Files.createDirectories(ownRoot ? workRoot.resolve(process.processId()) : Path.of(fs.mount()));
        List<MountSpecs.SyncDirMount> dirs = MountSpecs.read(fs.dirs(), MountSpecs.SyncDirMount.class);
        List<MountedSnapshot> snapshots = MountSpecs.read(fs.snapshots(), MountSpecs.SnapshotMount.class).stream()
                .map(spec -> new MountedSnapshot(spec, snapshotOf(spec, process))).toList();
        for (MountedSnapshot snapshot : snapshots) {
            cfs.downloadSnapshot(snapshot.snapshot(), inside(root, snapshot.spec().dir()), TransferProgress.NONE);
        }
        for (MountSpecs.SyncDirMount dir : dirs) {
            cfs.sync(inside(root, dir.dir()), dir.label(), dir.keepLocalOnStart(), TransferProgress.NONE);
        }
        return new Mount(root, ownRoot, dirs, snapshots);
    }

    /** A snapshot entry of the spec and the snapshot it names (or that was taken for it). */
    private record MountedSnapshot(MountSpecs.SnapshotMount spec, CfsSnapshot snapshot) {
    }

    private CfsSnapshot snapshotOf(MountSpecs.SnapshotMount mount, ColonyProcess process) {
        if (mount.snapshotId() != null && !mount.snapshotId().isEmpty()) {
            return cfs.catalog().snapshotById(mount.snapshotId());
        }
        return cfs.catalog().createSnapshot(mount.label(), process.processId() + ":" + mount.label());
    }

    /** A spec's directory under the mount; never outside it. */
    static Path inside(Path root, String dir) {
        Path resolved = root.resolve(dir == null ? "" : dir.replaceFirst("^/+", "")).normalize();
        if (!resolved.startsWith(root.normalize())) {
            throw new CfsException("directory " + dir + " lies outside the mount " + root);
        }
        return resolved;
    }

    private final class Mount implements Mounted {
        private final Path root;
        private final boolean ownRoot;
        private final List<MountSpecs.SyncDirMount> dirs;
        private final List<MountedSnapshot> snapshots;

        Mount(Path root, boolean ownRoot, List<MountSpecs.SyncDirMount> dirs, List<MountedSnapshot> snapshots) {
            this.root = root;
            this.ownRoot = ownRoot;
            this.dirs = dirs;
            this.snapshots = snapshots;
        }

        @Override
        public Path dir() {
            return root;
        }

        @Override
        public void settle() throws IOException {
            for (MountSpecs.SyncDirMount dir : dirs) {
                Path local = inside(root, dir.dir());
                cfs.sync(local, dir.label(), dir.keepLocalOnClose(), TransferProgress.NONE);
                if (!dir.keepFiles()) {
                    deleteTree(local);
                }
            }
            for (MountedSnapshot snapshot : snapshots) {
                if (!snapshot.spec().keepFiles()) {
                    deleteTree(inside(root, snapshot.spec().dir()));
                }
                if (!snapshot.spec().keepSnapshot()) {
                    cfs.catalog().removeSnapshotById(snapshot.snapshot().snapshotId());
                }
            }
            if (ownRoot && Files.isDirectory(root) && isEmptyDir(root)) {
                Files.delete(root);
            }
        }
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
