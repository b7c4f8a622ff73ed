package org.colonyos.colonies.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.Executor;
import org.junit.jupiter.api.Test;

/** Single objects print as readable key/value lines; {@code --json} prints the JSON unchanged. */
class PrinterTest {
    private static final String PROCESS = "{\"processid\":\"p1\",\"state\":2,"
            + "\"submissiontime\":\"2026-12-03T18:00:00.123456789Z\",\"starttime\":\"0001-01-01T00:00:00Z\","
            + "\"spec\":{\"funcname\":\"f\",\"args\":[\"a\",1],\"conditions\":{\"colonyname\":\"c\"}},\"out\":[]}";

    private static Map<String, String> printed(Object value) {
        StringWriter text = new StringWriter();
        new Printer(new PrintWriter(text), false).item(value);
        return Arrays.stream(text.toString().split("\n")).collect(Collectors.toMap(
                line -> line.split("\\s+", 2)[0], line -> line.split("\\s+", 2).length > 1
                        ? line.split("\\s+", 2)[1] : ""));
    }

    @Test
    void aProcessReadsAsKeysAndValues() {
        Map<String, String> lines = printed(Json.parse(PROCESS, ColonyProcess.class));
        assertEquals("p1", lines.get("processid"));
        assertEquals("successful", lines.get("state"));
        assertEquals("", lines.get("starttime"), "the zero time is blank");
        assertTrue(lines.get("submissiontime").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\S+"),
                lines.get("submissiontime"));
        assertEquals("f", lines.get("spec.funcname"));
        assertEquals("[\"a\",1]", lines.get("spec.args"));
        assertEquals("c", lines.get("spec.conditions.colonyname"));
        assertEquals("", lines.get("out"));
    }

    @Test
    void anExecutorsStateIsNamedAsAnExecutorState() {
        Executor executor = Json.parse("{\"executorname\":\"e\",\"state\":1}", Executor.class);
        assertEquals("approved", printed(executor).get("state"));
    }

    @Test
    void jsonStaysJson() {
        StringWriter text = new StringWriter();
        ColonyProcess process = Json.parse(PROCESS, ColonyProcess.class);
        new Printer(new PrintWriter(text), true).item(process);
        assertEquals(Json.toText(process), text.toString().trim());
    }
}
