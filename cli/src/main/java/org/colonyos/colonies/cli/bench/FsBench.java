package org.colonyos.colonies.cli.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.colonyos.colonies.cfs.CfsClient;
import org.colonyos.colonies.cfs.FileCatalog;
import org.colonyos.colonies.cfs.S3Blobs;
import org.colonyos.colonies.cfs.TransferProgress;
import org.colonyos.colonies.cli.server.EmbeddedS3;
import org.colonyos.colonies.cli.server.ServerLauncher;
import org.colonyos.colonies.cli.server.TempDirs;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.sdk.ColoniesClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code colonies bench fs}: CFS throughput against an in-process one-node server and the embedded S3 endpoint:
 * syncing many small files and one large file up to a label and down into an empty directory, beside the raw
 * S3 throughput of the same endpoint for the same files (the same S3 client, without checksums of local files or
 * metadata). Everything lives in a temporary directory, removed at the end.
 */
@Command(name = "fs", description = "Measure CFS sync throughput (small files and one large file) against the "
        + "embedded S3, beside raw S3 throughput")
public final class FsBench implements Callable<Integer> {
    private static final double MB = 1_000_000.0;
    private static final int WARM_UP_FILES = 300;
    /** A warm-up stand-in for a large file: three parts. */
    private static final long WARM_UP_BYTES = 3 * S3Blobs.PART_SIZE;

    @Spec
    CommandSpec spec;

    @Option(names = "--files", defaultValue = "1000", description = "Small files (default ${DEFAULT-VALUE})")
    int files;

    @Option(names = "--file-size", defaultValue = "4096",
            description = "Bytes per small file (default ${DEFAULT-VALUE})")
    int fileSize;

    @Option(names = "--large-mib", defaultValue = "1024",
            description = "MiB of the large file (default ${DEFAULT-VALUE})")
    int largeMib;

    @Option(names = "--parallelism", defaultValue = "" + CfsClient.DEFAULT_PARALLELISM,
            description = "Transfers at once (default ${DEFAULT-VALUE})")
    int parallelism;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("colonies-bench-fs-");
        try (ServerLauncher.LocalCluster server = ServerLauncher.startLocalCluster(1);
                EmbeddedS3 s3 = EmbeddedS3.start(dir.resolve("s3"), 0);
                CfsClient cfs = new CfsClient(member(server), S3Blobs.open(s3.settings()), parallelism);
                S3Blobs raw = S3Blobs.open(s3.settings())) {
            out.printf("bench fs: %d files of %d bytes, one file of %d MiB, %d transfers at once, S3 at %s%n",
                    files, fileSize, largeMib, parallelism, s3.settings().endpoint());
            out.flush();
            Path small = smallFiles(dir.resolve("small"));
            measure(out, "small files", files, (long) files * fileSize, cfs, raw, small, "/bench/small");
            Path large = largeFile(dir.resolve("large"));
            measure(out, "large file", 1, (long) largeMib << 20, cfs, raw, large, "/bench/large");
        } finally {
            TempDirs.delete(dir);
        }
        return 0;
    }

    /** A catalog of a fresh colony, signed by an approved member. */
    private static FileCatalog member(ServerLauncher.LocalCluster server) {
        String serverKey = server.serverPrvKey();
        ColoniesClient client = new ColoniesClient(server.url());
        String colonyKey = Secp256k1.generatePrivateKey();
        String memberKey = Secp256k1.generatePrivateKey();
        client.addColony(new Colony(Identity.idOfPrivateKey(colonyKey), "bench"), serverKey);
        client.addExecutor(Executor.of(Identity.idOfPrivateKey(memberKey), "bench", "bench", "bench"), colonyKey);
        client.approveExecutor("bench", "bench", colonyKey);
        return new FileCatalog(client, "bench", memberKey);
    }

    /**
     * Raw put, sync up, raw get, sync down, in that order, after a warm-up of the same steps on up to
     * {@link #WARM_UP_FILES} of the files, or on a file of a few parts in place of a large one (so that no step
     * pays for compiling its code path).
     */
    private void measure(PrintWriter out, String what, int count, long bytes, CfsClient cfs, S3Blobs raw, Path dir,
            String label) throws Exception {
        Path warmUp = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-warm-up"));
        try (var listing = Files.list(dir)) {
            for (Path file : listing.limit(WARM_UP_FILES).toList()) {
                if (Files.size(file) > WARM_UP_BYTES) {
                    randomFile(warmUp.resolve(file.getFileName()), (int) (WARM_UP_BYTES >> 20), 3);
                } else {
                    Files.copy(file, warmUp.resolve(file.getFileName()));
                }
            }
        }
        steps(cfs, raw, warmUp, label + "-warm-up", null);
        TempDirs.delete(warmUp);
        steps(cfs, raw, dir, label, (step, start) -> report(out, what + ", " + step, count, bytes, start));
    }

    /** Hears how long a step took. */
    @FunctionalInterface
    private interface Timing {
        void took(String step, long startNanos);
    }

    private void steps(CfsClient cfs, S3Blobs raw, Path dir, String label, Timing timing) throws Exception {
        List<Path> local;
        try (var listing = Files.list(dir)) {
            local = listing.toList();
        }
        List<String> keys = local.stream().map(p -> S3Blobs.newObjectKey()).toList();
        long start = System.nanoTime();
        parallel(local.size(), i -> raw.upload(local.get(i), keys.get(i), Files.size(local.get(i)),
                TransferProgress.NONE));
        timed(timing, "raw S3 put", start);
        start = System.nanoTime();
        cfs.sync(dir, label, true, TransferProgress.NONE);
        timed(timing, "sync up", start);
        Path rawDown = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-raw"));
        start = System.nanoTime();
        parallel(local.size(), i -> raw.download(keys.get(i), "", rawDown.resolve("f" + i), TransferProgress.NONE));
        timed(timing, "raw S3 get", start);
        TempDirs.delete(rawDown);
        start = System.nanoTime();
        Path down = dir.resolveSibling(dir.getFileName() + "-down");
        cfs.sync(down, label, true, TransferProgress.NONE);
        timed(timing, "sync down", start);
        TempDirs.delete(down);
    }

    private static void timed(Timing timing, String step, long startNanos) {
        if (timing != null) {
            timing.took(step, startNanos);
        }
    }

    private static void report(PrintWriter out, String what, int count, long bytes, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.printf("  %-28s %8.2f s  %9.1f MB/s  %9.1f files/s%n", what, seconds, bytes / MB / seconds,
                count / seconds);
        out.flush();
    }

    /** One step of a parallel transfer. */
    @FunctionalInterface
    private interface Step {
        void run(int index) throws Exception;
    }

    private void parallel(int count, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                running.add(pool.submit(() -> {
                    step.run(index);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Path smallFiles(Path dir) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(1);
        byte[] content = new byte[fileSize];
        for (int i = 0; i < files; i++) {
            random.nextBytes(content);
            Files.write(dir.resolve(String.format("file-%05d.bin", i)), content);
        }
        return dir;
    }

    private Path largeFile(Path dir) throws IOException {
        Files.createDirectories(dir);
        randomFile(dir.resolve("large.bin"), largeMib, 2);
        return dir;
    }

    private static void randomFile(Path file, int mib, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < mib; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
    }
}
