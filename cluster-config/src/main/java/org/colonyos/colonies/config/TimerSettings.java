package org.colonyos.colonies.config;

import java.time.Duration;
import java.util.Map;

/**
 * How the leader's timers run (protocol 6.4, 4.3, 4.10, 4.11): how often it looks for expired deadlines, after how
 * long a silent executor is unregistered ({@code COLONIES_STALE_EXECUTOR_DURATION}, seconds), how often it looks
 * for silent executors ({@code COLONIES_CLEANUP_INTERVAL}, seconds), and how often it looks for due crons
 * ({@code COLONIES_CRON_CHECKER_PERIOD}, ms) and generators ({@code COLONIES_GENERATOR_CHECKER_PERIOD}, ms).
 * Immutable.
 */
public record TimerSettings(Duration tick, Duration staleExecutorAfter, Duration cleanupEvery, Duration cronCheckEvery,
        Duration generatorCheckEvery) {
    /** The shortest stale duration; apply never unregisters an executor silent for less. */
    public static final Duration MIN_STALE_EXECUTOR_AFTER = Duration.ofSeconds(60);

    /**
     * 200 ms ticks (Go sweeps every second), executors stale after 600 s, looked for every 60 s, crons and
     * generators looked at every second.
     */
    public static final TimerSettings DEFAULT = new TimerSettings(Duration.ofMillis(200), Duration.ofSeconds(600),
            Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(1));

    public TimerSettings {
        for (Duration d : new Duration[] {tick, staleExecutorAfter, cleanupEvery, cronCheckEvery,
            generatorCheckEvery}) {
            if (d.isNegative() || d.isZero()) {
                throw new ConfigException("timer settings must be positive durations");
            }
        }
        if (staleExecutorAfter.compareTo(MIN_STALE_EXECUTOR_AFTER) < 0) {
            throw new ConfigException("executors can be stale after " + MIN_STALE_EXECUTOR_AFTER.toSeconds()
                    + " s at the earliest");
        }
    }

    /** The defaults, overridden by whichever of the variables above are set. */
    public static TimerSettings fromEnv(Map<String, String> env) {
        return new TimerSettings(DEFAULT.tick,
                EnvValues.seconds(env, "COLONIES_STALE_EXECUTOR_DURATION", DEFAULT.staleExecutorAfter),
                EnvValues.seconds(env, "COLONIES_CLEANUP_INTERVAL", DEFAULT.cleanupEvery),
                EnvValues.millis(env, "COLONIES_CRON_CHECKER_PERIOD", DEFAULT.cronCheckEvery),
                EnvValues.millis(env, "COLONIES_GENERATOR_CHECKER_PERIOD", DEFAULT.generatorCheckEvery));
    }
}
