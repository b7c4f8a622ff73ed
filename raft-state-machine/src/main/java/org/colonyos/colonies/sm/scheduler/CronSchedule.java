package org.colonyos.colonies.sm.scheduler;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The times of a cron expression as the Go server reads them (robfig/cron with seconds), in UTC: six fields
 * {@code sec min hour dom month dow} ({@code dow} 0-6 from Sunday, names of months and days in any case,
 * {@code ?} like {@code *} in the day fields, {@code *}, ranges, steps and lists; when both day fields are
 * restricted a day matching either one runs), the descriptors {@code @yearly}, {@code @annually},
 * {@code @monthly}, {@code @weekly}, {@code @daily}, {@code @midnight}, {@code @hourly}, and
 * {@code @every <Go duration>} (rounded down to whole seconds, at least one; the next run is that long after the
 * whole second of the last one). Parsing and evaluation use cron-utils.
 *
 * <p>Pure and deterministic; safe from any thread.
 */
public final class CronSchedule {
    private static final CronDefinition DEFINITION = CronDefinitionBuilder.defineCron()
            .withSeconds().and()
            .withMinutes().and()
            .withHours().and()
            .withDayOfMonth().supportsQuestionMark().and()
            .withMonth().and()
            .withDayOfWeek().withValidRange(0, 6).withMondayDoWValue(1).supportsQuestionMark().and()
            .instance();
    private static final CronParser PARSER = new CronParser(DEFINITION);
    private static final Map<String, String> DESCRIPTORS = Map.of("@yearly", "0 0 0 1 1 *", "@annually",
            "0 0 0 1 1 *", "@monthly", "0 0 0 1 * *", "@weekly", "0 0 0 * * 0", "@daily", "0 0 0 * * *",
            "@midnight", "0 0 0 * * *", "@hourly", "0 0 * * * *");
    private static final String EVERY = "@every ";
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private CronSchedule() {
    }

    /**
     * The first time strictly after {@code after} (at second resolution) that the expression names.
     *
     * @throws IllegalArgumentException for an expression that does not parse, or that names no time within
     *         the next years
     */
    public static Instant next(String expression, Instant after) {
        String trimmed = expression.trim();
        if (trimmed.startsWith(EVERY)) {
            Duration every = everyDuration(trimmed.substring(EVERY.length()).trim());
            return after.minusNanos(after.getNano()).plus(every);
        }
        String[] fields = DESCRIPTORS.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed).split("\\s+");
        if (fields.length == 6 && restricted(fields[3]) && restricted(fields[5])) {
            String[] byDayOfMonth = fields.clone();
            byDayOfMonth[5] = "*";
            String[] byDayOfWeek = fields.clone();
            byDayOfWeek[3] = "*";
            Instant first;
            try {
                first = nextOf(byDayOfMonth, after, expression);
            } catch (IllegalArgumentException noSuchDay) {
                return nextOf(byDayOfWeek, after, expression);
            }
            Instant second = nextOf(byDayOfWeek, after, expression);
            return first.isBefore(second) ? first : second;
        }
        return nextOf(fields, after, expression);
    }

    /** Whether a day field names some days only (robfig/cron then matches a day that either day field names). */
    private static boolean restricted(String dayField) {
        return !List.of("*", "?", "*/1", "?/1").contains(dayField);
    }

    private static Instant nextOf(String[] fields, Instant after, String expression) {
        Cron cron;
        try {
            cron = PARSER.parse(String.join(" ", fields).toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(String.valueOf(e.getMessage()), e);
        }
        ZonedDateTime from = ZonedDateTime.ofInstant(after.minusNanos(after.getNano()), ZoneOffset.UTC);
        return ExecutionTime.forCron(cron).nextExecution(from).map(ZonedDateTime::toInstant)
                .orElseThrow(() -> new IllegalArgumentException("no time matches " + expression));
    }

    /** Whether the expression parses; its problem if not. */
    public static Optional<String> problem(String expression) {
        try {
            next(expression, Instant.EPOCH);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    /** A Go duration such as {@code 1h30m}, {@code 90s} or {@code 1.5h}, in whole seconds (at least one). */
    static Duration everyDuration(String text) {
        Matcher part = DURATION_PART.matcher(text);
        int at = 0;
        double nanos = 0;
        while (part.find() && part.start() == at) {
            nanos += Double.parseDouble(part.group(1)) * unitNanos(part.group(2));
            at = part.end();
        }
        if (at == 0 || at != text.length()) {
            throw new IllegalArgumentException("invalid duration <" + text + "> in @every");
        }
        return Duration.ofSeconds(Math.max((long) (nanos / 1e9), 1L));
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        };
    }
}
