package org.colonyos.colonies.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * Writes follow the leader: the leader of a three-node cluster (one process per node) is frozen with SIGSTOP
 * while writers send writes through the other two nodes, as {@code colonies bench failover --signal stop}
 * does. Every write succeeds and none waits long beyond the election; before, the writes sent during the
 * freeze waited about four seconds beyond it, for the connection to the frozen node to close. The bound is
 * generous for a small, shared CI machine.
 */
@Timeout(240)
class FrozenLeaderIT {
    private static final long BOUND_MILLIS = 2_500;
    private static final Pattern WORST = Pattern.compile("worst wait beyond election: median \\d+ ms, max (\\d+) ms");
    private static final Pattern WRITES = Pattern.compile("writes: (\\d+), failed: (\\d+)");

    @Test
    void writesThroughTheOtherNodesMoveToTheNewLeaderAtOnce() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> failoverDirsBefore = failoverDirs(tmp);
        StringWriter out = new StringWriter();
        CommandLine cli = ColoniesCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        int code = cli.execute("bench", "failover", "--signal", "stop", "--repetitions", "2", "--outage", "5");
        String report = out.toString();
        assertEquals(0, code, report);
        Matcher writes = WRITES.matcher(report);
        assertTrue(writes.find(), report);
        assertTrue(Integer.parseInt(writes.group(1)) >= 8, report);
        assertEquals("0", writes.group(2), "every write succeeded: " + report);
        Matcher worst = WORST.matcher(report);
        assertTrue(worst.find(), report);
        assertTrue(Long.parseLong(worst.group(1)) < BOUND_MILLIS, report);
        assertEquals(failoverDirsBefore, failoverDirs(tmp), "the bench removes its temporary directory");
    }

    private static List<Path> failoverDirs(Path tmp) throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("colonies-failover-")).sorted().toList();
        }
    }
}
