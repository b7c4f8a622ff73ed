package org.colonyos.colonies.cfs;

import java.nio.file.Path;
import java.util.List;

/**
 * What syncing one directory with one label would do (the Go CLI's plan): upload the files only the directory
 * has, download those only the label has, and settle the files whose content differs by uploading the local
 * version as a new revision ({@code keepLocal}) or downloading the remote one over it. Nothing is ever deleted.
 * Immutable.
 *
 * @param upload files present only locally
 * @param download files present only in the label
 * @param conflicts files whose checksums differ: local versions with {@code keepLocal}, else remote ones
 */
public record SyncPlan(String label, Path dir, List<Entry> upload, List<Entry> download, List<Entry> conflicts,
        boolean keepLocal) {

    public SyncPlan {
        upload = List.copyOf(upload);
        download = List.copyOf(download);
        conflicts = List.copyOf(conflicts);
    }

    /** Whether applying the plan changes nothing. */
    public boolean isEmpty() {
        return upload.isEmpty() && download.isEmpty() && conflicts.isEmpty();
    }

    /** The files that go up: those only local, and with {@code keepLocal} the conflicting ones. */
    public List<Entry> uploads() {
        return keepLocal ? concat(upload, conflicts) : upload;
    }

    /** The files that come down: those only remote, and without {@code keepLocal} the conflicting ones. */
    public List<Entry> downloads() {
        return keepLocal ? download : concat(download, conflicts);
    }

    private static List<Entry> concat(List<Entry> a, List<Entry> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /**
     * A file of a plan: its name, SHA-256 and size, and for remote files the object holding it.
     *
     * @param object the S3 key of a remote file's latest revision ("" for a local one)
     */
    public record Entry(String name, String sha256, long size, String object) {
    }
}
