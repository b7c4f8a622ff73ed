package org.colonyos.colonies.cli.cmd;

import java.io.PrintWriter;
import java.util.List;
import org.colonyos.colonies.cli.ClientOptions;
import org.colonyos.colonies.cli.output.Times;
import org.colonyos.colonies.proto.model.ProcessLog;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.sdk.ColoniesClient;

/**
 * {@code log get --follow}: asks for lines newer than the last one printed twice a second and prints them, until
 * the process has ended and its last lines are out (for an executor's lines: until interrupted).
 *
 * <p>Not thread-safe; one per command.
 */
final class LogFollower {
    private static final long POLL_MILLIS = 500;
    private static final int PAGE = 100;

    private final ColoniesClient client;
    private final ClientOptions options;
    private final String processId;
    private final String executorName;

    LogFollower(ColoniesClient client, ClientOptions options, String processId, String executorName) {
        this.client = client;
        this.options = options;
        this.processId = processId;
        this.executorName = executorName;
    }

    /** Prints the lines after {@code since} (Unix ns) as they come. */
    void follow(long since, PrintWriter out) {
        long last = since;
        boolean ended = false;
        while (true) {
            List<ProcessLog> lines = client.getLogs(options.colonyName(), processId, executorName, PAGE, last, false,
                    options.prvKey());
            for (ProcessLog line : lines) {
                out.printf("%s  %s  %s%n", Times.ofLogLine(line.timestamp()), line.executorName(), line.message());
                last = Math.max(last, line.timestamp());
            }
            out.flush();
            if (ended && lines.size() < PAGE) {
                return;
            }
            ended = !processId.isEmpty() && ProcessState.isFinal(client.getProcess(processId, options.prvKey())
                    .state());
            if (!ended) {
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
