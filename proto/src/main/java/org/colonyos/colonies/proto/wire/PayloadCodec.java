package org.colonyos.colonies.proto.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.json.JsonDecodeException;

/**
 * Encodes payload records into the base64 {@code payload} of an envelope (with {@code msgtype} first) and
 * decodes them back, including the {@code msgtype == payloadtype} check every message needs.
 *
 * <p>Stateless and thread-safe.
 */
public final class PayloadCodec {
    private PayloadCodec() {
    }

    /** The base64 payload string of a message. */
    public static String encode(PayloadType type, Payload payload) {
        if (!type.payloadClass().isInstance(payload)) {
            throw new IllegalArgumentException(type.wireName() + " carries " + type.payloadClass().getSimpleName());
        }
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("msgtype", type.wireName());
        node.setAll((ObjectNode) Json.mapper().valueToTree(payload));
        return Base64.getEncoder().encodeToString(Json.toBytes(node));
    }

    /** Sizes and positions of listings and reads (any case): a negative one is a 400 on every message. */
    private static final List<String> NON_NEGATIVE = List.of("count", "limit", "days", "afterseq");

    /**
     * Decodes a base64 payload as the given type. Undecodable base64 reads as empty text (as Go does),
     * which then fails as invalid JSON.
     *
     * @throws PayloadException (status 400) for invalid JSON, a {@code msgtype} other than the type's name or
     *         key material {@link KeyMaterial} refuses
     */
    public static Payload decode(PayloadType type, String base64Payload) {
        byte[] json = decodeBase64(base64Payload);
        JsonNode tree;
        Payload payload;
        try {
            tree = Json.mapper().readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new JsonDecodeException("not a JSON object");
            }
            payload = Json.mapper().treeToValue(tree, type.payloadClass());
        } catch (IOException | JsonDecodeException | IllegalArgumentException e) {
            throw new PayloadException("Failed to " + type.operation() + ", invalid JSON", false);
        }
        if (!type.wireName().equals(msgType(tree))) {
            throw new PayloadException("Failed to " + type.operation() + ", msg.MsgType does not match payloadType",
                    true);
        }
        KeyMaterial.problem(tree).ifPresent(problem -> {
            throw new PayloadException("Failed to " + type.operation() + ", " + problem, false);
        });
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey().toLowerCase(java.util.Locale.ROOT);
            if (NON_NEGATIVE.contains(name) && field.getValue().isNumber() && field.getValue().asLong() < 0) {
                throw new PayloadException("Failed to " + type.operation() + ", " + name + " must not be negative",
                        false);
            }
        }
        return payload;
    }

    /** Base64 text as bytes; invalid base64 gives no bytes. */
    public static byte[] decodeBase64(String base64) {
        try {
            return Base64.getDecoder().decode(base64 == null ? "" : base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static String msgType(JsonNode tree) {
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equalsIgnoreCase("msgtype")) {
                return field.getValue().isTextual() ? field.getValue().asText() : null;
            }
        }
        return "";
    }
}
