package org.colonyos.colonies.cli.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.colonyos.colonies.cfs.S3Settings;
import org.colonyos.colonies.config.SecretFiles;
import org.colonyos.colonies.proto.json.Json;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * An S3 endpoint for one node's CFS bytes: s3proxy over a local directory (objects are plain files under
 * {@code DIR/objects/BUCKET}), listening on loopback only, with credentials generated on first start and kept in
 * {@code DIR/credentials.json} (owner-readable only) so that restarts keep them. Not replicated: a cluster uses
 * external S3 (see docs/cluster.md).
 *
 * <p>Thread-safe (s3proxy serves on its own threads).
 */
public final class EmbeddedS3 implements AutoCloseable {
    /** The bucket CFS uses on the embedded endpoint. */
    public static final String BUCKET = "colonies";
    static final String CREDENTIALS_FILE = "credentials.json";
    private static final String PORT_FILE = "port";
    private static final String LOOPBACK = "127.0.0.1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final S3Proxy proxy;
    private final S3Settings settings;
    private final Path dir;

    private EmbeddedS3(S3Proxy proxy, S3Settings settings, Path dir) {
        this.proxy = proxy;
        this.settings = settings;
        this.dir = dir;
    }

    /** Keys of the embedded endpoint as stored beside its objects. */
    record Credentials(@JsonProperty("accesskey") String accessKey, @JsonProperty("secretkey") String secretKey) {
    }

    /**
     * Starts the endpoint over {@code dir} on {@code port}; 0 takes the port it had the last time on this
     * directory if that is free (so restarts keep their exports), else a free port.
     *
     * @throws IOException when the directory cannot be used or the port is taken
     */
    public static EmbeddedS3 start(Path dir, int port) throws IOException {
        Files.createDirectories(dir);
        Path objects = Files.createDirectories(dir.resolve("objects"));
        Credentials keys = credentials(dir);
        Path portFile = dir.resolve(PORT_FILE);
        int chosen = port != 0 ? port : savedPort(portFile);
        EmbeddedS3 started = start(dir, objects, keys, chosen);
        Files.writeString(portFile, Integer.toString(started.proxy.getPort()));
        return started;
    }

    /** The port of the last start if it is free now, else 0. */
    private static int savedPort(Path portFile) throws IOException {
        if (!Files.exists(portFile)) {
            return 0;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket(Integer.parseInt(Files.readString(portFile)
                .trim()), 1, java.net.InetAddress.getByName(LOOPBACK))) {
            return probe.getLocalPort();
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static EmbeddedS3 start(Path dir, Path objects, Credentials keys, int port) throws IOException {
        S3Proxy proxy = S3Proxy.builder().blobStore(new FilesystemNio2BlobStore(objects.toString()))
                .endpoint(URI.create("http://" + LOOPBACK + ":" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, keys.accessKey(), keys.secretKey()).build();
        try {
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                if ("FAILED".equals(proxy.getState())) {
                    throw new IOException("the embedded S3 endpoint did not start on port " + port);
                }
                Thread.sleep(5);
            }
        } catch (IOException e) {
            stopQuietly(proxy);
            throw e;
        } catch (Exception e) {
            stopQuietly(proxy);
            throw new IOException("cannot start the embedded S3 endpoint on " + LOOPBACK + ":" + port + ": "
                    + e.getMessage(), e);
        }
        S3Settings settings = new S3Settings(LOOPBACK + ":" + proxy.getPort(), keys.accessKey(), keys.secretKey(), "",
                BUCKET, false, false);
        return new EmbeddedS3(proxy, settings, dir);
    }

    private static Credentials credentials(Path dir) throws IOException {
        Path file = dir.resolve(CREDENTIALS_FILE);
        if (Files.exists(file)) {
            return Json.parse(Files.readAllBytes(file), Credentials.class);
        }
        Credentials fresh = new Credentials(randomText(20, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
                randomText(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"));
        SecretFiles.write(file, Json.toBytes(fresh));
        return fresh;
    }

    private static String randomText(int length, String alphabet) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** How clients reach it: endpoint, credentials and bucket. */
    public S3Settings settings() {
        return settings;
    }

    /** The file holding the credentials. */
    public Path credentialsFile() {
        return dir.resolve(CREDENTIALS_FILE);
    }

    @Override
    public void close() {
        stopQuietly(proxy);
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception ignored) {
            // stopping a proxy that never started, or is stopping already
        }
    }
}
