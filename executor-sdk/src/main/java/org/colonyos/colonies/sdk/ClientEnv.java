package org.colonyos.colonies.sdk;

import java.net.URI;
import java.util.Map;

/**
 * The server a client talks to, from the environment variables the Go CLI reads: {@code COLONIES_SERVER_HOST}
 * (default {@code localhost}), {@code COLONIES_SERVER_HTTP_PORT} before {@code COLONIES_SERVER_PORT} (default
 * 50080), {@code COLONIES_TLS} ({@code true} for https), and whom to trust ({@link ClientTls#fromEnv}).
 *
 * <p>Stateless.
 */
public final class ClientEnv {
    private ClientEnv() {
    }

    /**
     * The server's base URL: {@code host} and {@code port} when given (flags), else the variables; https when
     * {@code COLONIES_TLS=true} unless {@code forcePlain}.
     */
    public static URI serverUrl(Map<String, String> env, String host, Integer port, boolean forcePlain) {
        String h = host != null ? host : nonBlank(env.get("COLONIES_SERVER_HOST"), "localhost");
        String p = port != null ? port.toString() : nonBlank(env.get("COLONIES_SERVER_HTTP_PORT"),
                nonBlank(env.get("COLONIES_SERVER_PORT"), "50080"));
        boolean tls = !forcePlain && "true".equalsIgnoreCase(env.getOrDefault("COLONIES_TLS", "false").trim());
        return URI.create((tls ? "https" : "http") + "://" + h + ":" + p);
    }

    /** The value of a variable that must be set. */
    static String required(Map<String, String> env, String variable) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            throw new ColoniesException(0, "set " + variable);
        }
        return value.trim();
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
