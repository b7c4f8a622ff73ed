package org.colonyos.colonies.proto.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The signed request envelope of {@code POST /api} and of every WebSocket request frame.
 *
 * @param signature 130 hex characters: {@code r || s || v} over SHA3-256 of the {@code payload} string
 * @param payloadType the message type, e.g. {@code addcolonymsg}
 * @param payload standard base64 of the message JSON
 */
public record RpcMsg(
        @JsonProperty("signature") String signature,
        @JsonProperty("payloadtype") String payloadType,
        @JsonProperty("payload") String payload) {
}
