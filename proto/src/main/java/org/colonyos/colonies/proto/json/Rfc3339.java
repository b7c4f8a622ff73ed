package org.colonyos.colonies.proto.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * RFC 3339 times as every stored record and most requests carry them: {@code yyyy-MM-ddTHH:mm:ss[.f…]Z}. The
 * JDK's formatters are general and cost several microseconds a time, and a process record holds five times,
 * so this class writes and reads that one shape directly and hands everything else (offsets, lower-case
 * letters, years beyond four digits, invalid fields) to the JDK's {@link DateTimeFormatter#ISO_INSTANT} and
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}. The result is always exactly what those formatters give.
 *
 * <p>Stateless and thread-safe.
 */
final class Rfc3339 {
    private static final long SECONDS_PER_DAY = 86_400;
    /** Epoch seconds of 0000-01-01T00:00:00Z and of 10000-01-01T00:00:00Z: the four-digit years. */
    private static final long FIRST_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * SECONDS_PER_DAY;
    private static final long END_SECOND = LocalDate.of(10_000, 1, 1).toEpochDay() * SECONDS_PER_DAY;
    private static final int[] NANO_SCALE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private Rfc3339() {
    }

    /** The text {@link DateTimeFormatter#ISO_INSTANT} gives for an instant. */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds >= END_SECOND) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(day);
        StringBuilder out = new StringBuilder(30);
        digits(out, date.getYear(), 4).append('-');
        digits(out, date.getMonthValue(), 2).append('-');
        digits(out, date.getDayOfMonth(), 2).append('T');
        digits(out, secondOfDay / 3600, 2).append(':');
        digits(out, secondOfDay / 60 % 60, 2).append(':');
        digits(out, secondOfDay % 60, 2);
        fraction(out, instant.getNano());
        return out.append('Z').toString();
    }

    /** The instant {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} reads from a text. */
    static Instant parse(String text) {
        Instant fast = parseCanonical(text);
        return fast != null ? fast : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /** ISO_INSTANT's fraction: none, or three, six or nine digits, whichever holds the nanoseconds. */
    private static void fraction(StringBuilder out, int nanos) {
        if (nanos == 0) {
            return;
        }
        out.append('.');
        if (nanos % 1_000_000 == 0) {
            digits(out, nanos / 1_000_000, 3);
        } else if (nanos % 1_000 == 0) {
            digits(out, nanos / 1_000, 6);
        } else {
            digits(out, nanos, 9);
        }
    }

    private static StringBuilder digits(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int pad = text.length(); pad < width; pad++) {
            out.append('0');
        }
        return out.append(text);
    }

    /** The canonical shape read directly, or null when the text has any other shape or an invalid field. */
    private static Instant parseCanonical(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(length - 1) != 'Z' || !separatorsAt(text)) {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        int nanos = length == 20 ? 0 : fractionNanos(text, length - 1);
        if ((year | month | day | hour | minute | second | nanos) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
        } catch (DateTimeException invalidDate) {
            return null;
        }
    }

    private static boolean separatorsAt(String text) {
        return text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T' && text.charAt(13) == ':'
                && text.charAt(16) == ':';
    }

    /** Nanoseconds of the fraction in {@code [19, end)}: a dot and one to nine digits; -1 otherwise. */
    private static int fractionNanos(String text, int end) {
        int digits = end - 20;
        if (text.charAt(19) != '.' || digits < 1 || digits > 9) {
            return -1;
        }
        int value = number(text, 20, end);
        return value < 0 ? -1 : value * NANO_SCALE[digits - 1];
    }

    /** The decimal number in {@code [from, to)} (at most nine digits), or -1 when a character is not a digit. */
    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
