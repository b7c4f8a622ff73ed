package org.colonyos.colonies.proto.json;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The direct RFC 3339 writer and reader agree with the JDK's ISO formatters on every input: random instants
 * over and beyond the four-digit years, their texts, and those texts with one character replaced.
 */
class Rfc3339PropertiesTest {
    private static final String ALPHABET = "0123456789-:.TtZz+ ";
    /** Epoch seconds from before year 0 to after year 9999. */
    private static final long MIN_SECOND = -63_000_000_000L;
    private static final long MAX_SECOND = 254_000_000_000L;

    private static Gen<Instant> instants() {
        Gen<Integer> nanos = integers().between(0, 4).zip(integers().between(0, 999_999_999), (shape, value) ->
                switch (shape) {
                    case 0 -> 0;
                    case 1 -> value / 1_000_000 * 1_000_000;
                    case 2 -> value / 1_000 * 1_000;
                    default -> value;
                });
        return longs().between(MIN_SECOND, MAX_SECOND).zip(nanos, Instant::ofEpochSecond);
    }

    @Test
    void writesWhatIsoInstantWrites() {
        qt().withExamples(20_000).withFixedSeed(3339L).forAll(instants()).checkAssert(instant -> {
            String expected = DateTimeFormatter.ISO_INSTANT.format(instant);
            if (!Rfc3339.format(instant).equals(expected)) {
                throw new AssertionError(instant + ": " + Rfc3339.format(instant) + " instead of " + expected);
            }
        });
    }

    @Test
    void readsWhatIsoOffsetDateTimeReads() {
        qt().withExamples(20_000).withFixedSeed(3340L)
                .forAll(instants(), integers().between(-1, 31), integers().between(0, ALPHABET.length() - 1))
                .checkAssert((instant, position, replacement) -> {
                    assertReadsAsTheJdk(replaced(DateTimeFormatter.ISO_INSTANT.format(instant), position,
                            ALPHABET.charAt(replacement)));
                });
    }

    @Test
    void readsEveryFractionLengthAndOffsetsAsTheJdkDoes() {
        String[] texts = {"2026-12-07T13:49:36Z", "2026-12-07T13:49:36.1Z", "2026-12-07T13:49:36.123456789Z",
            "2026-12-07T13:49:36.1234567891Z", "2026-12-07T13:49:36.Z", "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z",
            "2026-12-07T24:00:00Z", "2026-12-07T23:60:00Z", "2026-12-07T23:59:60Z", "2026-13-07T00:00:00Z",
            "2026-12-07T13:49:36+02:00", "2026-12-07t13:49:36z", "0001-01-01T00:00:00Z", "+12026-12-07T13:49:36Z"};
        for (String text : texts) {
            assertReadsAsTheJdk(text);
        }
    }

    private static void assertReadsAsTheJdk(String text) {
        String expected = outcome(() -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        String actual = outcome(() -> Rfc3339.parse(text));
        if (!actual.equals(expected)) {
            throw new AssertionError(text + ": " + actual + " instead of " + expected);
        }
    }

    /** The text with the character at {@code position} replaced (unchanged when it has no such position). */
    private static String replaced(String text, int position, char c) {
        if (position < 0 || position >= text.length()) {
            return text;
        }
        return text.substring(0, position) + c + text.substring(position + 1);
    }

    /** The instant read, or the kind of failure. */
    private static String outcome(java.util.function.Supplier<Instant> read) {
        try {
            return Objects.toString(read.get());
        } catch (DateTimeParseException e) {
            return "rejected";
        }
    }
}
