package org.colonyos.colonies.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.ExecutorState;
import org.colonyos.colonies.proto.model.ProcessGraph;
import org.colonyos.colonies.proto.model.ProcessState;

/**
 * One object as readable key/value lines: nested objects flattened into dotted keys ({@code spec.funcname}),
 * lists on one line, times in the local zone to the second (the zero time blank), and the {@code state} of
 * processes, workflows and executors by name.
 *
 * <p>Stateless.
 */
final class ItemFormat {
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?"
            + "(Z|[+-]\\d{2}:\\d{2})");
    private static final int MAX_DEPTH = 3;

    private ItemFormat() {
    }

    /** The object's fields as (key, text) pairs, in the order of its JSON. */
    static List<Map.Entry<String, String>> fields(Object value) {
        List<Map.Entry<String, String>> lines = new ArrayList<>();
        flatten("", Json.mapper().valueToTree(value), value, 0, lines);
        return lines;
    }

    private static void flatten(String prefix, JsonNode node, Object value, int depth,
            List<Map.Entry<String, String>> lines) {
        node.fields().forEachRemaining(field -> {
            String key = prefix + field.getKey();
            JsonNode child = field.getValue();
            if (child.isObject() && child.size() > 0 && depth < MAX_DEPTH) {
                flatten(key + ".", child, null, depth + 1, lines);
            } else {
                lines.add(Map.entry(key, text(field.getKey(), child, depth == 0 ? value : null)));
            }
        });
    }

    private static String text(String name, JsonNode node, Object owner) {
        if (node.isNull() || node.isMissingNode() || (node.isContainerNode() && node.size() == 0)) {
            return "";
        }
        if (name.equals("state") && node.isInt() && owner != null) {
            return stateName(owner, node.asInt());
        }
        if (node.isTextual()) {
            return time(node.asText());
        }
        return node.toString();
    }

    private static String stateName(Object owner, int state) {
        if (owner instanceof ColonyProcess || owner instanceof ProcessGraph) {
            return ProcessState.name(state);
        }
        if (owner instanceof Executor) {
            return ExecutorState.name(state);
        }
        return Integer.toString(state);
    }

    /** A time in the local zone to the second; the zero time is blank; any other text stays as it is. */
    static String time(String text) {
        if (!TIME.matcher(text).matches()) {
            return text;
        }
        try {
            return Times.readable(java.time.OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return text;
        }
    }
}
