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
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The benches that run nodes as their own processes: {@code bench scale} fills a node, kills it with SIGKILL and
 * finds every acknowledged waiting process after the restart; {@code bench --cluster 3 --deployed} runs the load
 * through the followers of three node processes. Both leave no temporary directory of their own; the scale bench
 * copies the killed node's files where asked. Figures are not asserted.
 */
@Timeout(300)
class DeployedBenchIT {
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = ColoniesCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int code = cli.execute(args);
        assertEquals(0, code, out.toString());
        return out.toString();
    }

    private static List<Path> benchDirs() throws IOException {
        try (Stream<Path> entries = Files.list(TMP)) {
            return entries.filter(p -> p.getFileName().toString().matches("colonies-(scale|deployed)-.*")).sorted()
                    .toList();
        }
    }

    @TempDir
    Path image;

    @Test
    void scaleFindsEveryWaitingProcessAfterAKillAndKeepsTheCrashImage() throws IOException {
        List<Path> before = benchDirs();
        String report = run("bench", "scale", "--processes", "400", "--samples", "25", "--submitters", "4",
                "--rest", "1", "--crash-image", image.toString());
        assertTrue(Files.readString(image.resolve("server-id")).matches("[0-9a-f]{64}"));
        assertTrue(Files.readString(image.resolve("cluster.json")).contains("\"n1\""));
        try (Stream<Path> files = Files.walk(image.resolve("n1"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().matches("log_inprogress_\\d+|log_\\d+-\\d+")),
                    "the Raft log is in the image");
        }
        assertTrue(report.contains("waiting after    375 (all there)"), report);
        assertTrue(report.matches("(?s).*restart +\\d+\\.\\d s from kill -9.*"), report);
        Matcher rss = Pattern.compile("rss +([\\d,]+) MB").matcher(report);
        assertTrue(rss.find() && Integer.parseInt(rss.group(1).replace(",", "")) > 0, report);
        assertTrue(report.matches("(?s).*rss growth +-?[\\d,]+ MB per 100,000 waiting processes.*"), report);
        assertEquals(before, benchDirs());
    }

    @Test
    void aDeployedClusterCarriesTheLoadThroughItsFollowers() throws IOException {
        List<Path> before = benchDirs();
        String report = run("bench", "--cluster", "3", "--deployed", "--via", "followers", "--warmup", "2",
                "--duration", "4", "--executors", "2", "--submitters", "1", "--inflight", "4");
        assertTrue(report.contains("load via followers"), report);
        Matcher cycles = Pattern.compile("cycles/s +(\\d+)").matcher(report);
        assertTrue(cycles.find() && Integer.parseInt(cycles.group(1)) > 0, report);
        assertTrue(report.contains("server cpu/cycle"), report);
        for (String node : new String[] {"n1", "n2", "n3"}) {
            String line = "\\nnode " + node + "( \\(leader\\))? +\\d+\\.\\d\\d ms cpu/cycle: [a-z-]+ \\d";
            assertTrue(report.matches("(?s).*" + line + ".*"), report);
        }
        assertTrue(report.contains(" apply "), "the split names the apply thread: " + report);
        assertEquals(before, benchDirs());
    }
}
