package org.colonyos.colonies.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.wire.PayloadCodec;
import org.colonyos.colonies.proto.wire.RpcReplyMsg;
import picocli.CommandLine;

/**
 * The training run of the client jar's class-data-sharing archive, made by the build: every client group once,
 * each command sent to a closed port, and replies of the common shapes decoded, so that the archive holds the
 * classes a client command loads (its group's options, signing, JSON both ways, the HTTP exchange, the error
 * path). Prints nothing; exits 0.
 *
 * <p>Not for users; single-threaded.
 */
public final class CdsTraining {
    private static final String KEY = "0000000000000000000000000000000000000000000000000000000000000001";
    private static final List<List<String>> COMMANDS = List.of(List.of("colony", "ls"), List.of("colony", "get"),
            List.of("executor", "ls"), List.of("process", "ps"), List.of("process", "get", "--processid", "x"),
            List.of("function", "exec", "--func", "f", "--args", "a"), List.of("function", "ls"),
            List.of("workflow", "ps"), List.of("log", "get", "--processid", "x"), List.of("user", "ls"),
            List.of("stat"), List.of("cron", "ls"), List.of("generator", "ls"), List.of("location", "ls"),
            List.of("blueprint", "ls"), List.of("attribute", "get", "--attributeid", "x"),
            List.of("security", "generate"));

    private CdsTraining() {
    }

    public static void main(String[] args) {
        for (List<String> command : COMMANDS) {
            List<String> line = new ArrayList<>(command);
            line.addAll(List.of("--host", "127.0.0.1", "--port", "1", "--prvkey", KEY, "--colonyprvkey", KEY,
                    "--serverprvkey", KEY, "--colonyname", "training"));
            CommandLine cli = ColoniesCli.commandLine(command.get(0));
            cli.setOut(new PrintWriter(new StringWriter()));
            cli.setErr(new PrintWriter(new StringWriter()));
            cli.execute(line.toArray(String[]::new));
        }
        decodeReplies();
    }

    /** Decodes a reply envelope and lists of processes, executors and colonies, as the commands do. */
    private static void decodeReplies() {
        String processes = "[{\"processid\":\"p\",\"spec\":{\"funcname\":\"f\",\"args\":[\"a\"],"
                + "\"conditions\":{\"colonyname\":\"c\",\"executortype\":\"t\"}},\"state\":1,"
                + "\"submissiontime\":\"2026-01-01T00:00:00Z\",\"out\":[\"o\"]}]";
        String executors = "[{\"executorid\":\"e\",\"executorname\":\"n\",\"colonyname\":\"c\"}]";
        String colonies = "[{\"colonyid\":\"i\",\"name\":\"c\"}]";
        RpcReplyMsg reply = Json.parse(Json.toBytes(RpcReplyMsg.success("getprocessesmsg",
                processes.getBytes(StandardCharsets.UTF_8))), RpcReplyMsg.class);
        read(PayloadCodec.decodeBase64(reply.payload()), ColonyProcess.class);
        read(executors.getBytes(StandardCharsets.UTF_8), Executor.class);
        read(colonies.getBytes(StandardCharsets.UTF_8), Colony.class);
    }

    private static void read(byte[] json, Class<?> element) {
        try {
            Json.mapper().readValue(json, Json.mapper().getTypeFactory().constructCollectionType(List.class,
                    element));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
