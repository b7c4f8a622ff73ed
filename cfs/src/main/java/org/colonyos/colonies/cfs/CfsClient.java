package org.colonyos.colonies.cfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.colonyos.colonies.proto.model.CfsFile;
import org.colonyos.colonies.proto.model.CfsSnapshot;
import org.colonyos.colonies.proto.model.Labels;
import org.colonyos.colonies.proto.wire.CfsPayloads;
import org.colonyos.colonies.sdk.ColoniesException;

/**
 * CFS for one colony member: syncs directories with labels, gets and removes files, and takes, downloads and
 * removes snapshots, moving bytes through {@link S3Blobs} and metadata through {@link FileCatalog}. The order of
 * the two halves keeps a label consistent when S3 fails: a revision is added only after its bytes are stored,
 * and removed before its bytes are, so a label never names an object that was not (or is no longer) meant to be
 * there. Transfers of a sync run in parallel.
 *
 * <p>Thread-safe; {@link #close()} stops the transfer threads and the S3 client.
 */
public final class CfsClient implements AutoCloseable {
    /** Transfers at once in a sync. */
    public static final int DEFAULT_PARALLELISM = 16;

    private final FileCatalog catalog;
    private final S3Blobs blobs;
    private final SyncPlanner planner;
    private final ExecutorService transfers;
    /** Metadata writes of uploaded files, so that a transfer thread goes on with the next file at once. */
    private final ExecutorService registrations;

    public CfsClient(FileCatalog catalog, S3Blobs blobs, int parallelism) {
        this.catalog = catalog;
        this.blobs = blobs;
        this.planner = new SyncPlanner(catalog);
        this.transfers = Executors.newFixedThreadPool(parallelism, daemon("cfs-transfer"));
        this.registrations = Executors.newFixedThreadPool(parallelism, daemon("cfs-register"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    public FileCatalog catalog() {
        return catalog;
    }

    /** The plans to sync a directory (created if missing) with a label and its sub-labels; changes nothing. */
    public List<SyncPlan> plan(Path dir, String label, boolean keepLocal) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CfsException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        return planner.plans(dir.toAbsolutePath().normalize(), label, keepLocal);
    }

    /**
     * Carries the plans out: every upload and download, in parallel; the first failure is thrown at the end. An
     * uploaded file's revision is added by another thread while its transfer thread moves on.
     */
    public void apply(List<SyncPlan> plans, TransferProgress progress) {
        List<CompletableFuture<Void>> work = new ArrayList<>();
        for (SyncPlan plan : plans) {
            for (SyncPlan.Entry entry : plan.uploads()) {
                work.add(CompletableFuture.supplyAsync(() -> upload(plan.dir(), plan.label(), entry, progress),
                        transfers).thenAcceptAsync(catalog::add, registrations));
            }
            plan.downloads().forEach(entry -> work.add(CompletableFuture.runAsync(() -> download(plan.dir(), entry,
                    progress), transfers)));
        }
        awaitAll(work);
    }

    /** Plans and applies a sync at once; the plans carried out. */
    public List<SyncPlan> sync(Path dir, String label, boolean keepLocal, TransferProgress progress) {
        List<SyncPlan> plans = plan(dir, label, keepLocal);
        apply(plans, progress);
        return plans;
    }

    /** Stores a file's bytes under a new key; the revision to add for it. */
    private CfsFile upload(Path dir, String label, SyncPlan.Entry entry, TransferProgress progress) {
        String key = S3Blobs.newObjectKey();
        if (entry.size() > 0) {
            blobs.upload(dir.resolve(entry.name()), key, entry.size(), progress);
        }
        S3Settings s3 = blobs.settings();
        return CfsFile.of(catalog.colonyName(), label, entry.name(), entry.size(), entry.sha256(),
                CfsFile.Reference.s3(s3.endpoint(), s3.tls(), s3.region(), s3.bucket(), key));
    }

    private void download(Path dir, SyncPlan.Entry entry, TransferProgress progress) {
        fetch(entry.object(), entry.sha256(), entry.size(), dir.resolve(entry.name()), progress);
    }

    /** Writes a revision's bytes to {@code target}; empty files have no object (as the Go clients store them). */
    private void fetch(String object, String sha256, long size, Path target, TransferProgress progress) {
        if (size > 0) {
            blobs.download(object, sha256, target, progress);
            return;
        }
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.write(target, new byte[0]);
        } catch (IOException e) {
            throw new CfsException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Downloads a revision into a directory under its own name; the file written. */
    public Path download(CfsFile file, Path dir, TransferProgress progress) {
        Path target = dir.resolve(file.name());
        fetch(file.ref().s3Object().object(), file.checksum(), file.size(), target, progress);
        return target;
    }

    /** Removes one revision: its metadata, then its bytes. */
    public void removeById(String fileId) {
        removeRevisions(List.of(catalog.byId(fileId)));
    }

    /** Removes these revisions: each one's metadata, then its bytes. */
    public void removeRevisions(List<CfsFile> revisions) {
        for (CfsFile file : revisions) {
            catalog.removeById(file.fileId());
            removeBytes(file);
        }
    }

    /** Removes every revision of a file; how many there were. */
    public int removeByName(String label, String name) {
        List<CfsFile> revisions = catalog.revisions(label, name);
        catalog.removeByName(label, name);
        revisions.forEach(this::removeBytes);
        return revisions.size();
    }

    /** Removes every revision of every file in a label and its sub-labels; how many revisions went. */
    public int removeLabel(String label) {
        int removed = 0;
        for (String name : catalog.labelTree(Labels.normalize(label))) {
            for (CfsPayloads.FileData file : catalog.files(name)) {
                removed += removeByName(name, file.name());
            }
        }
        return removed;
    }

    private void removeBytes(CfsFile file) {
        String object = file.ref().s3Object().object();
        if (!object.isEmpty() && file.size() > 0) {
            blobs.remove(object);
        }
    }

    /** Downloads a snapshot into a directory: each file under the path of its label below the snapshot's label. */
    public void downloadSnapshot(CfsSnapshot snapshot, Path dir, TransferProgress progress) {
        downloadSnapshot(snapshot, filesOf(snapshot), dir, progress);
    }

    /** The revisions a snapshot holds, in its order. */
    public List<CfsFile> filesOf(CfsSnapshot snapshot) {
        return snapshot.fileIdList().stream().map(catalog::byId).toList();
    }

    /** Downloads a snapshot's revisions, as {@link #filesOf} read them, into a directory. */
    public void downloadSnapshot(CfsSnapshot snapshot, List<CfsFile> files, Path dir, TransferProgress progress) {
        List<Runnable> work = new ArrayList<>();
        for (CfsFile file : files) {
            String below = file.label().startsWith(snapshot.label()) ? file.label().substring(snapshot.label()
                    .length()) : "";
            Path target = dir.resolve(below.replaceFirst("^/+", "")).resolve(file.name());
            if (!sameContent(target, file.checksum())) {
                work.add(() -> fetch(file.ref().s3Object().object(), file.checksum(), file.size(), target,
                        progress));
            }
        }
        runAll(work);
    }

    private static boolean sameContent(Path target, String sha256) {
        return Files.isRegularFile(target) && S3Blobs.sha256Of(target).equalsIgnoreCase(sha256);
    }

    private void runAll(List<Runnable> work) {
        awaitAll(work.stream().map(w -> CompletableFuture.runAsync(w, transfers)).toList());
    }

    /** Waits for every step; the first failure is thrown once all have ended (so none is still running). */
    private static void awaitAll(List<CompletableFuture<Void>> running) {
        RuntimeException first = null;
        for (CompletableFuture<Void> future : running) {
            try {
                future.get();
            } catch (ExecutionException e) {
                first = first == null ? unwrap(e.getCause()) : first;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.forEach(f -> f.cancel(true));
                throw new CfsException("interrupted");
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof CfsException || cause instanceof ColoniesException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof UncheckedIOException io) {
            return new CfsException(io.getMessage(), io.getCause());
        }
        return new CfsException(String.valueOf(cause.getMessage()), cause);
    }

    @Override
    public void close() {
        transfers.shutdownNow();
        registrations.shutdownNow();
        blobs.close();
    }
}
