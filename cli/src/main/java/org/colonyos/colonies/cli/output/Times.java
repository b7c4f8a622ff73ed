package org.colonyos.colonies.cli.output;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.colonyos.colonies.proto.json.GoTime;

/** Times as the CLI prints them: in the local zone, the zero time blank. Stateless. */
public final class Times {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private Times() {
    }

    /** To the second with the zone; blank for Go's zero time. */
    public static String readable(Instant instant) {
        return instant.equals(GoTime.ZERO) ? "" : SECONDS.format(instant);
    }

    /** A log line's timestamp (Unix nanoseconds) to the millisecond. */
    public static String ofLogLine(long unixNanos) {
        return MILLIS.format(Instant.ofEpochSecond(0, unixNanos));
    }
}
