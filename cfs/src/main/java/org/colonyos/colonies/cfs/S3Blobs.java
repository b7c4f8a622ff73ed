package org.colonyos.colonies.cfs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The bytes of CFS in one S3 bucket, through the AWS SDK (path-style addressing, so MinIO, Ceph and s3proxy work
 * as well as AWS). Objects are named by random 64-hex keys at the bucket's top, as the Go clients name them.
 * Transfers stream: a file larger than {@link #PART_SIZE} goes up as a multipart upload of parts read from the
 * file as they are sent, and downloads go through a temporary file that replaces the target only once its
 * SHA-256 matches, so memory never depends on a file's size and a corrupted object never lands. The SDK retries
 * transient errors of each request; a download broken mid-stream is started again (up to three times).
 *
 * <p>Thread-safe: the S3 client pools connections for concurrent transfers.
 */
public final class S3Blobs implements AutoCloseable {
    /** Files above this size go up in parts of this size. */
    public static final long PART_SIZE = 16L * 1024 * 1024;
    private static final String CONTENT_TYPE = "application/octet-stream";
    private static final int DOWNLOAD_ATTEMPTS = 3;
    private static final int MAX_CONNECTIONS = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final S3Settings settings;
    private final S3Client s3;
    private final SdkHttpClient http;

    /** A store over the settings' bucket, creating the bucket if it is missing. */
    public static S3Blobs open(S3Settings settings) {
        S3Blobs blobs = new S3Blobs(settings);
        try {
            blobs.ensureBucket();
        } catch (RuntimeException e) {
            blobs.close();
            throw e;
        }
        return blobs;
    }

    private S3Blobs(S3Settings settings) {
        this.settings = settings;
        this.http = Apache5HttpClient.builder().maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(60))
                .buildWithDefaults(AttributeMap.builder()
                        .put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, settings.skipVerify()).build());
        this.s3 = S3Client.builder().endpointOverride(settings.endpointUri()).region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        settings.accessKey(), settings.secretKey())))
                .forcePathStyle(true).httpClient(http)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(4))).build();
    }

    public S3Settings settings() {
        return settings;
    }

    /** A fresh object key: 64 random hex digits. */
    public static String newObjectKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private void ensureBucket() {
        String bucket = settings.bucket();
        s3call("check bucket " + bucket, () -> {
            try {
                s3.headBucket(b -> b.bucket(bucket));
            } catch (NoSuchBucketException e) {
                s3.createBucket(b -> b.bucket(bucket));
            } catch (S3Exception e) {
                if (e.statusCode() != 404) {
                    throw e;
                }
                s3.createBucket(b -> b.bucket(bucket));
            }
            return null;
        });
    }

    /** Uploads a file (of {@code size} bytes) under {@code key}. */
    public void upload(Path file, String key, long size, TransferProgress progress) {
        s3call("upload " + file.getFileName() + " as " + key, () -> {
            if (size <= PART_SIZE) {
                s3.putObject(b -> b.bucket(settings.bucket()).key(key).contentType(CONTENT_TYPE).contentLength(size),
                        part(file, 0, size, progress));
            } else {
                uploadInParts(file, key, size, progress);
            }
            return null;
        });
    }

    private void uploadInParts(Path file, String key, long size, TransferProgress progress) {
        String bucket = settings.bucket();
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(CONTENT_TYPE))
                .uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long offset = 0; offset < size; offset += PART_SIZE) {
                long length = Math.min(PART_SIZE, size - offset);
                int number = parts.size() + 1;
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                        .contentLength(length), part(file, offset, length, progress)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            } catch (SdkException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    /** A request body reading {@code length} bytes of the file from {@code offset}, anew for each attempt. */
    private static RequestBody part(Path file, long offset, long length, TransferProgress progress) {
        return RequestBody.fromContentProvider(() -> FileSlice.open(file, offset, length, progress), length,
                CONTENT_TYPE);
    }

    /**
     * Downloads {@code key} to {@code target}, checking its SHA-256 against {@code sha256} (hex; none when
     * empty). The target is replaced only by a complete, matching copy.
     *
     * @throws CfsException when S3 fails or the content does not match its checksum
     */
    public void download(String key, String sha256, Path target, TransferProgress progress) {
        Path partial = target.resolveSibling("." + target.getFileName() + ".cfs-partial");
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            String actual = fetchWithRetries(key, partial, progress);
            if (!sha256.isEmpty() && !sha256.equalsIgnoreCase(actual)) {
                throw new CfsException("checksum mismatch for " + target.getFileName() + " (object " + key
                        + "): expected SHA-256 " + sha256 + ", got " + actual);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CfsException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
        }
    }

    private String fetchWithRetries(String key, Path partial, TransferProgress progress) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return s3call("download " + key, () -> fetch(key, partial, progress));
            } catch (CfsException e) {
                if (!(e.getCause() instanceof IOException) || attempt == DOWNLOAD_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Streams an object into a file; its SHA-256 in hex. */
    private String fetch(String key, Path into, TransferProgress progress) {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[64 * 1024];
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(settings.bucket()).key(key));
                OutputStream out = Files.newOutputStream(into)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                sha.update(buffer, 0, n);
                progress.transferred(n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Removes an object (nothing happens when it is gone already). */
    public void remove(String key) {
        s3call("remove " + key, () -> s3.deleteObject(b -> b.bucket(settings.bucket()).key(key)));
    }

    /** Runs an S3 call, turning the SDK's failures into a {@link CfsException} that says what and where. */
    private <T> T s3call(String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (UncheckedIOException e) {
            throw new CfsException("cannot " + what + " at " + settings.endpointUri() + ": " + e.getMessage(),
                    e.getCause());
        } catch (SdkException e) {
            throw new CfsException("cannot " + what + " at " + settings.endpointUri() + " (bucket "
                    + settings.bucket() + "): " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "no detail" : message.lines().findFirst().orElse(message);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The hex SHA-256 of a file's content. */
    public static String sha256Of(Path file) {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new CfsException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover partial file is harmless: the next download replaces it
        }
    }

    @Override
    public void close() {
        s3.close();
        http.close();
    }
}
