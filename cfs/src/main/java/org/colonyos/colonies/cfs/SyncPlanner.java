package org.colonyos.colonies.cfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.colonyos.colonies.proto.model.Labels;
import org.colonyos.colonies.proto.wire.CfsPayloads;

/**
 * Computes the sync plans of a directory tree and a label tree: every directory maps to a label (the label,
 * then {@code label/sub/dir} for sub-directories, as the Go CLI maps them), every remote sub-label to the
 * directory it would be, and each pair gets a {@link SyncPlan} from the checksums of both sides. Files whose
 * names start with {@code .} and end with {@code .cfs-partial} (unfinished downloads) are ignored.
 *
 * <p>Stateless; safe from any thread.
 */
final class SyncPlanner {
    private final FileCatalog catalog;

    SyncPlanner(FileCatalog catalog) {
        this.catalog = catalog;
    }

    /** The label of a sub-directory of a label's directory ({@code relative} uses {@code /}). */
    static String subLabel(String label, String relative) {
        return relative.isEmpty() ? label : Labels.childPrefix(label) + relative;
    }

    /** The plans of every directory and every remote sub-label, by label. */
    List<SyncPlan> plans(Path dir, String label, boolean keepLocal) {
        String root = Labels.normalize(label);
        Map<String, Path> pairs = new TreeMap<>();
        try (Stream<Path> dirs = Files.walk(dir)) {
            dirs.filter(Files::isDirectory).forEach(d -> pairs.put(subLabel(root, relative(dir, d)), d));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        String subPrefix = Labels.childPrefix(root);
        for (String name : catalog.labelTree(root)) {
            pairs.putIfAbsent(name, name.equals(root) ? dir : dir.resolve(name.substring(subPrefix.length())));
        }
        List<SyncPlan> plans = new ArrayList<>();
        pairs.forEach((l, d) -> plans.add(plan(d, l, keepLocal)));
        return plans;
    }

    private static String relative(Path root, Path dir) {
        return root.relativize(dir).toString().replace('\\', '/');
    }

    /** The plan of one directory (which may not exist yet) and one label. */
    SyncPlan plan(Path dir, String label, boolean keepLocal) {
        Map<String, SyncPlan.Entry> local = localFiles(dir);
        Map<String, SyncPlan.Entry> remote = catalog.files(label).stream().collect(Collectors.toMap(
                CfsPayloads.FileData::name, f -> new SyncPlan.Entry(f.name(), f.checksum(), f.size(), f.s3Filename()),
                (a, b) -> a, TreeMap::new));
        List<SyncPlan.Entry> upload = new ArrayList<>();
        List<SyncPlan.Entry> conflicts = new ArrayList<>();
        local.forEach((name, entry) -> {
            SyncPlan.Entry there = remote.get(name);
            if (there == null) {
                upload.add(entry);
            } else if (!there.sha256().equalsIgnoreCase(entry.sha256())) {
                conflicts.add(keepLocal ? entry : there);
            }
        });
        List<SyncPlan.Entry> download = remote.values().stream().filter(e -> !local.containsKey(e.name())).toList();
        return new SyncPlan(label, dir, upload, download, conflicts, keepLocal);
    }

    private static Map<String, SyncPlan.Entry> localFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Map.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> !isPartial(f)).map(SyncPlanner::entry)
                    .collect(Collectors.toMap(SyncPlan.Entry::name, Function.identity(), (a, b) -> a, TreeMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static boolean isPartial(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(".cfs-partial");
    }

    private static SyncPlan.Entry entry(Path file) {
        try {
            return new SyncPlan.Entry(file.getFileName().toString(), S3Blobs.sha256Of(file), Files.size(file), "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
