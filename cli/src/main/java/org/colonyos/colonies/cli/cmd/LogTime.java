package org.colonyos.colonies.cli.cmd;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Log timestamps (Unix nanoseconds) as local times to the millisecond. Stateless. */
final class LogTime {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private LogTime() {
    }

    static String format(long unixNanos) {
        return FORMAT.format(Instant.ofEpochSecond(0, unixNanos));
    }
}
