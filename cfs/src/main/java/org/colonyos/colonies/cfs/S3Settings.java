package org.colonyos.colonies.cfs;

import java.net.URI;
import java.util.Map;

/**
 * Where CFS bytes live and how to reach them, read from the same variables as the Go clients:
 * {@code AWS_S3_ENDPOINT} ({@code host:port}, or a URL), {@code AWS_S3_ACCESSKEY}, {@code AWS_S3_SECRETKEY},
 * {@code AWS_S3_REGION_KEY} (or {@code AWS_S3_REGION}, which the Go code reads), {@code AWS_S3_BUCKET},
 * {@code AWS_S3_TLS} and {@code AWS_S3_SKIPVERIFY} ({@code true} to accept any certificate). Immutable.
 *
 * @param endpoint host and port, e.g. {@code 127.0.0.1:9000}
 * @param region the signing region; {@code us-east-1} when none is set (what MinIO and s3proxy expect)
 */
public record S3Settings(String endpoint, String accessKey, String secretKey, String region, String bucket,
        boolean tls, boolean skipVerify) {
    static final String DEFAULT_REGION = "us-east-1";

    public S3Settings {
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalArgumentException("AWS_S3_ENDPOINT is not set: CFS needs an S3 endpoint (host:port)");
        }
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("AWS_S3_BUCKET is not set: CFS needs a bucket name");
        }
        accessKey = accessKey == null ? "" : accessKey;
        secretKey = secretKey == null ? "" : secretKey;
        region = region == null || region.isBlank() ? DEFAULT_REGION : region;
    }

    /** The settings in these environment variables. */
    public static S3Settings fromEnv(Map<String, String> env) {
        String region = env.getOrDefault("AWS_S3_REGION_KEY", "");
        return new S3Settings(env.get("AWS_S3_ENDPOINT"), env.get("AWS_S3_ACCESSKEY"), env.get("AWS_S3_SECRETKEY"),
                region.isBlank() ? env.get("AWS_S3_REGION") : region, env.get("AWS_S3_BUCKET"),
                "true".equals(env.get("AWS_S3_TLS")), "true".equals(env.get("AWS_S3_SKIPVERIFY")));
    }

    /** The endpoint as a URL: {@code http(s)://host:port}, or the endpoint itself when it is already one. */
    public URI endpointUri() {
        return URI.create(endpoint.contains("://") ? endpoint : (tls ? "https://" : "http://") + endpoint);
    }

    /** The {@code export} lines a shell needs for these settings (the secret included: for the user's eyes). */
    public String exports() {
        return "export AWS_S3_ENDPOINT=" + endpoint + "\n"
                + "export AWS_S3_ACCESSKEY=" + accessKey + "\n"
                + "export AWS_S3_SECRETKEY=" + secretKey + "\n"
                + "export AWS_S3_REGION_KEY=" + region + "\n"
                + "export AWS_S3_BUCKET=" + bucket + "\n"
                + "export AWS_S3_TLS=" + tls + "\n"
                + "export AWS_S3_SKIPVERIFY=" + skipVerify + "\n";
    }

    /** The settings without the secret key, for logs and errors. */
    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", tls=" + tls + "]";
    }
}
