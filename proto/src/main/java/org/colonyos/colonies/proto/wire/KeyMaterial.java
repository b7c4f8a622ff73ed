package org.colonyos.colonies.proto.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one check of key material in every message: the strings that become parts of index keys or are looked
 * up by. Ids (fields such as {@code colonyid}, {@code executorid}, {@code processid}) are empty or lowercase
 * hex of at most 64 characters (the appliers check the exact length where the Go server does, with its text);
 * names, types and labels (fields such as {@code colonyname}, {@code executortype}, {@code label}, and each
 * of {@code executornames}) have no control characters and at most {@link #MAX_NAME_LENGTH} characters. User
 * data ({@code args}, {@code kwargs}, {@code env}, outputs, messages, attribute values) is not key material
 * and is not looked into. Field names match case-insensitively, as the decoder's do.
 *
 * <p>Stateless; safe from any thread.
 */
public final class KeyMaterial {
    /** The longest name, type or label accepted. */
    public static final int MAX_NAME_LENGTH = 1024;
    /** The longest id (SHA3-256 in hex). */
    public static final int ID_LENGTH = 64;

    private static final Set<String> IDS = Set.of("colonyid", "executorid", "userid", "serverid", "processid",
            "functionid", "attributeid", "targetid", "processgraphid", "parentprocessid", "childprocessid",
            "cronid", "generatorid", "prevprocessgraphid");
    private static final Set<String> NAMES = Set.of("colonyname", "executorname", "executortype", "name",
            "funcname", "nodename", "label", "initiator", "targetcolonyname", "executornames", "key",
            "dependencies", "generatorname");
    private static final Set<String> USER_DATA = Set.of("args", "kwargs", "env", "out", "in", "errors", "message",
            "value", "capabilities", "allocations", "fs",
            "workflowspec", "arg", "cronexpression");

    private KeyMaterial() {
    }

    /** The first problem with the key material of a decoded message, if any, as {@code invalid <field>: why}. */
    public static Optional<String> problem(JsonNode message) {
        for (Iterator<Map.Entry<String, JsonNode>> it = message.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey().toLowerCase(Locale.ROOT);
            if (USER_DATA.contains(name)) {
                continue;
            }
            Optional<String> problem = problem(name, field.getValue());
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problem(String name, JsonNode value) {
        if (value.isObject()) {
            return problem(value);
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                Optional<String> problem = problem(name, element);
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        }
        if (!value.isTextual()) {
            return Optional.empty();
        }
        String text = value.textValue();
        if (IDS.contains(name) && !isIdLike(text)) {
            return Optional.of("invalid " + name + ": an id is 64 lowercase hex characters");
        }
        if (NAMES.contains(name) && !isName(text)) {
            return Optional.of("invalid " + name + ": a name has at most " + MAX_NAME_LENGTH
                    + " characters and no control characters");
        }
        return Optional.empty();
    }

    /** Empty, or lowercase hex of at most 64 characters. */
    public static boolean isIdLike(String id) {
        if (id.length() > ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** At most {@link #MAX_NAME_LENGTH} characters, none of them a control character. */
    public static boolean isName(String name) {
        return name.length() <= MAX_NAME_LENGTH && name.chars().noneMatch(Character::isISOControl);
    }
}
