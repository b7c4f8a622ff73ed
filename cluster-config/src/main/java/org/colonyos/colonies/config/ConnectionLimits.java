package org.colonyos.colonies.config;

import java.time.Duration;
import java.util.Map;

/**
 * How long the HTTP API lets a connection take, and how many it keeps, so that clients which send nothing,
 * half a header or half a body cannot hold the node's connections. Like a hardened Go server: a request's
 * header must arrive within {@code headerTimeout} of its first byte (or of the connection's opening), its body
 * within {@code bodyTimeout} of the header; a keep-alive connection with no request under way is closed after
 * {@code idleTimeout}; a WebSocket is pinged every {@code pingInterval} and closed when nothing came back for
 * {@code pongTimeout}; connections over {@code maxConnections} are closed at once. A request being served
 * (a long-poll) is bounded by its own timeout, not by these. Immutable.
 *
 * <p>Environment variables (seconds, or a count): {@code COLONIES_SERVER_HEADER_TIMEOUT},
 * {@code COLONIES_SERVER_BODY_TIMEOUT}, {@code COLONIES_SERVER_IDLE_TIMEOUT},
 * {@code COLONIES_SERVER_WS_PING_INTERVAL}, {@code COLONIES_SERVER_WS_PONG_TIMEOUT},
 * {@code COLONIES_SERVER_MAX_CONNECTIONS}.
 */
public record ConnectionLimits(Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout,
        Duration pingInterval, Duration pongTimeout, int maxConnections) {
    /** 10 s for a header and 60 s for a body, 120 s idle, pings every 30 s answered within 60 s, 10,000 connections. */
    public static final ConnectionLimits DEFAULT = new ConnectionLimits(Duration.ofSeconds(10), Duration.ofSeconds(60),
            Duration.ofSeconds(120), Duration.ofSeconds(30), Duration.ofSeconds(60), 10_000);

    public ConnectionLimits {
        for (Duration duration : new Duration[] {headerTimeout, bodyTimeout, idleTimeout, pingInterval,
                pongTimeout}) {
            if (duration.isNegative() || duration.isZero()) {
                throw new ConfigException("connection timeouts must be positive durations");
            }
        }
        if (maxConnections < 1) {
            throw new ConfigException("the connection cap must be at least 1, got " + maxConnections);
        }
    }

    /** The defaults, overridden by whichever of the variables above are set. */
    public static ConnectionLimits fromEnv(Map<String, String> env) {
        return new ConnectionLimits(EnvValues.seconds(env, "COLONIES_SERVER_HEADER_TIMEOUT", DEFAULT.headerTimeout),
                EnvValues.seconds(env, "COLONIES_SERVER_BODY_TIMEOUT", DEFAULT.bodyTimeout),
                EnvValues.seconds(env, "COLONIES_SERVER_IDLE_TIMEOUT", DEFAULT.idleTimeout),
                EnvValues.seconds(env, "COLONIES_SERVER_WS_PING_INTERVAL", DEFAULT.pingInterval),
                EnvValues.seconds(env, "COLONIES_SERVER_WS_PONG_TIMEOUT", DEFAULT.pongTimeout),
                (int) EnvValues.number(env, "COLONIES_SERVER_MAX_CONNECTIONS", DEFAULT.maxConnections));
    }
}
