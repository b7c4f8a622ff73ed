package org.colonyos.colonies.config;

import java.time.Duration;
import java.util.Map;

/** Whole numbers and durations read from environment variables, with defaults. Stateless. */
final class EnvValues {
    private EnvValues() {
    }

    /** The variable as seconds, or {@code fallback} when it is unset or blank. */
    static Duration seconds(Map<String, String> env, String variable, Duration fallback) {
        return Duration.ofSeconds(number(env, variable, fallback.toSeconds()));
    }

    /** The variable as milliseconds, or {@code fallback} when it is unset or blank. */
    static Duration millis(Map<String, String> env, String variable, Duration fallback) {
        return Duration.ofMillis(number(env, variable, fallback.toMillis()));
    }

    /**
     * The variable as a whole number, or {@code fallback} when it is unset or blank.
     *
     * @throws ConfigException when it is set to something else
     */
    static long number(Map<String, String> env, String variable, long fallback) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(variable + " must be a whole number, got '" + value + "'");
        }
    }
}
