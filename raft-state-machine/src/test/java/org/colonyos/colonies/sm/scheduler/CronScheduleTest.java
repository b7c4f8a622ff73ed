package org.colonyos.colonies.sm.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Next run times of cron expressions as the Go server computes them (robfig/cron with seconds, UTC), from
 * Thursday 2026-12-03 12:34:56.5.
 */
class CronScheduleTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:34:56.500Z");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "* * * * * *            | 2026-12-03T12:34:57Z",
        "0 * * * * *            | 2026-12-03T12:35:00Z",
        "30 * * * * *           | 2026-12-03T12:35:30Z",
        "0 0 * * * *            | 2026-12-03T13:00:00Z",
        "0 30 9 * * *           | 2026-12-04T09:30:00Z",
        "*/15 * * * * *         | 2026-12-03T12:35:00Z",
        "0 */5 * * * *          | 2026-12-03T12:35:00Z",
        "0 0 */6 * * *          | 2026-12-03T18:00:00Z",
        "0 0,30 * * * *         | 2026-12-03T13:00:00Z",
        "0 10-20/5 12 * * *     | 2026-12-04T12:10:00Z",
        "0 0 12 * * MON-FRI     | 2026-12-04T12:00:00Z",
        "0 0 12 * * SAT,SUN     | 2026-12-05T12:00:00Z",
        "0 0 8 * * 1            | 2026-12-07T08:00:00Z",
        "0 0 8 * * 0            | 2026-12-06T08:00:00Z",
        "0 0 8 * * sun          | 2026-12-06T08:00:00Z",
        "0 0 8 * dec ?          | 2026-12-04T08:00:00Z",
        "0 0 0 15 * FRI         | 2026-12-04T00:00:00Z",
        "0 0 0 1 * MON          | 2026-12-07T00:00:00Z",
        "0 0 0 1 * *            | 2027-01-01T00:00:00Z",
        "0 0 0 1 JAN *          | 2027-01-01T00:00:00Z",
        "0 0 0 31 2 MON         | 2027-02-01T00:00:00Z",
        "0 15 10 * 3 *          | 2027-03-01T10:15:00Z",
        "0 0 0 29 2 *           | 2028-02-29T00:00:00Z",
        "0 0 0 28-31 2 *        | 2027-02-28T00:00:00Z",
        "0 0 0 31 * *           | 2026-12-31T00:00:00Z",
        "0 0 0 30 * *           | 2026-12-30T00:00:00Z",
        "59 59 23 31 12 *       | 2026-12-31T23:59:59Z",
        "@hourly                | 2026-12-03T13:00:00Z",
        "@daily                 | 2026-12-04T00:00:00Z",
        "@midnight              | 2026-12-04T00:00:00Z",
        "@weekly                | 2026-12-06T00:00:00Z",
        "@monthly               | 2027-01-01T00:00:00Z",
        "@yearly                | 2027-01-01T00:00:00Z",
        "@annually              | 2027-01-01T00:00:00Z",
        "@every 1h30m           | 2026-12-03T14:04:56Z",
        "@every 10s             | 2026-12-03T12:35:06Z",
        "@every 1.5h            | 2026-12-03T14:04:56Z",
        "@every 500ms           | 2026-12-03T12:34:57Z",
    })
    void nextRunIsAsInGo(String expression, String next) {
        assertEquals(Instant.parse(next), CronSchedule.next(expression, NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"* * * * *", "61 * * * * *", "0 0 0 31 4 *", "0 0 0 * * 7", "@every", "@every 5x",
        "@sometimes", "nonsense", ""})
    void badExpressionsAreReported(String expression) {
        assertTrue(CronSchedule.problem(expression).isPresent(), expression);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 12 * * MON-FRI", "@every 1h30m", "@daily"})
    void goodExpressionsHaveNoProblem(String expression) {
        assertTrue(CronSchedule.problem(expression).isEmpty(), expression);
    }
}
