package org.colonyos.colonies.config;

import java.time.Duration;

/**
 * How the leader's timers run (protocol 6.4 and 4.3): how often it looks for expired deadlines, after how long
 * a silent executor is unregistered ({@code COLONIES_STALE_EXECUTOR_DURATION}), and how often it looks for
 * silent executors ({@code COLONIES_CLEANUP_INTERVAL}). Immutable.
 */
public record TimerSettings(Duration tick, Duration staleExecutorAfter, Duration cleanupEvery) {
    /** The shortest stale duration; apply never unregisters an executor silent for less. */
    public static final Duration MIN_STALE_EXECUTOR_AFTER = Duration.ofSeconds(60);

    /** 200 ms ticks (Go sweeps every second), executors stale after 600 s, looked for every 60 s. */
    public static final TimerSettings DEFAULT = new TimerSettings(Duration.ofMillis(200), Duration.ofSeconds(600),
            Duration.ofSeconds(60));

    public TimerSettings {
        if (tick.isNegative() || tick.isZero() || staleExecutorAfter.isNegative() || staleExecutorAfter.isZero()
                || cleanupEvery.isNegative() || cleanupEvery.isZero()) {
            throw new ConfigException("timer settings must be positive durations");
        }
        if (staleExecutorAfter.compareTo(MIN_STALE_EXECUTOR_AFTER) < 0) {
            throw new ConfigException("executors can be stale after " + MIN_STALE_EXECUTOR_AFTER.toSeconds()
                    + " s at the earliest");
        }
    }
}
