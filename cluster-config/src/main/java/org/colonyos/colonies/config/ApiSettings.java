package org.colonyos.colonies.config;

import java.util.Map;
import java.util.Optional;

/**
 * How a node serves its HTTP API: the largest request body, connection timeouts and cap, request caps, TLS,
 * and whether {@code GET /metrics} answers. Immutable.
 *
 * @param maxBodyBytes the largest accepted request body
 * @param connections connection timeouts and cap
 * @param requests long-poll, subscription, write queue and per-caller rate caps
 * @param tls TLS for the API, or empty for plain HTTP
 * @param metrics whether {@code GET /metrics} serves Prometheus metrics
 */
public record ApiSettings(int maxBodyBytes, ConnectionLimits connections, RequestLimits requests,
        Optional<ApiTls> tls, boolean metrics) {
    /** Default request body limit: keeps every log entry well inside Ratis's entry size bound. */
    public static final int DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;
    /** Plain HTTP with the default limits and metrics on. */
    public static final ApiSettings DEFAULT = new ApiSettings(DEFAULT_MAX_BODY_BYTES, ConnectionLimits.DEFAULT,
            RequestLimits.DEFAULT, Optional.empty(), true);

    public ApiSettings {
        if (maxBodyBytes < 1024) {
            throw new ConfigException("the request body limit must be at least 1024 bytes, got " + maxBodyBytes);
        }
    }

    /**
     * Plain HTTP with the limits of the environment ({@link ConnectionLimits}, {@link RequestLimits}), and
     * metrics unless {@code COLONIES_SERVER_METRICS=false}.
     */
    public static ApiSettings fromEnv(Map<String, String> env) {
        boolean metrics = !"false".equalsIgnoreCase(env.getOrDefault("COLONIES_SERVER_METRICS", "true").trim());
        return new ApiSettings(DEFAULT_MAX_BODY_BYTES, ConnectionLimits.fromEnv(env), RequestLimits.fromEnv(env),
                Optional.empty(), metrics);
    }

    public ApiSettings withMaxBodyBytes(int bytes) {
        return new ApiSettings(bytes, connections, requests, tls, metrics);
    }

    public ApiSettings withConnections(ConnectionLimits limits) {
        return new ApiSettings(maxBodyBytes, limits, requests, tls, metrics);
    }

    public ApiSettings withRequests(RequestLimits limits) {
        return new ApiSettings(maxBodyBytes, connections, limits, tls, metrics);
    }

    public ApiSettings withTls(Optional<ApiTls> apiTls) {
        return new ApiSettings(maxBodyBytes, connections, requests, apiTls, metrics);
    }

    public ApiSettings withMetrics(boolean on) {
        return new ApiSettings(maxBodyBytes, connections, requests, tls, on);
    }
}
