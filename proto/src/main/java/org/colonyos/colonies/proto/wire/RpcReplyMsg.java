package org.colonyos.colonies.proto.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.colonyos.colonies.proto.json.Json;

/**
 * The reply envelope: a success carries the request's payload type and the base64 reply JSON; an error
 * carries payload type {@code error} and a base64 {@link Failure}. Immutable.
 */
public record RpcReplyMsg(
        @JsonProperty("payloadtype") String payloadType,
        @JsonProperty("payload") String payload,
        @JsonProperty("error") boolean error) {

    /** The payload type of every error reply. */
    public static final String ERROR_TYPE = "error";

    /** A success reply whose payload is the given JSON bytes. */
    public static RpcReplyMsg success(String payloadType, byte[] replyJson) {
        return new RpcReplyMsg(payloadType, Base64.getEncoder().encodeToString(replyJson), false);
    }

    /** An error reply. */
    public static RpcReplyMsg failure(int status, String message) {
        return new RpcReplyMsg(ERROR_TYPE, Base64.getEncoder().encodeToString(
                Json.toBytes(new Failure(status, message))), true);
    }

    /** The decoded payload JSON text (empty when the payload is not valid base64). */
    public String decodedPayload() {
        try {
            return new String(Base64.getDecoder().decode(payload == null ? "" : payload), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
