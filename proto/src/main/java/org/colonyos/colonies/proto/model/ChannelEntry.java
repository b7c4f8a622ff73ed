package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.colonyos.colonies.proto.json.GoTime;

/**
 * One message of a process's channel (protocol 5.16): the sender's sequence number, what it answers, when it was
 * appended, who sent it, its bytes (base64 on the wire) and its type ({@code data}, {@code end} or
 * {@code error}). Immutable; the payload array is not copied, and nobody changes it.
 */
public record ChannelEntry(
        @JsonProperty("sequence") long sequence,
        @JsonProperty("inreplyto") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long inReplyTo,
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("senderid") String senderId,
        @JsonProperty("payload") byte[] payload,
        @JsonProperty("type") @JsonInclude(JsonInclude.Include.NON_EMPTY) String type,
        @JsonProperty("error") @JsonInclude(JsonInclude.Include.NON_EMPTY) String error) {

    public static final String DATA = "data";
    public static final String END = "end";
    public static final String ERROR = "error";

    public ChannelEntry {
        timestamp = timestamp == null ? GoTime.ZERO : timestamp;
        senderId = senderId == null ? "" : senderId;
        payload = payload == null ? new byte[0] : payload;
        type = type == null ? "" : type;
        error = error == null ? "" : error;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelEntry e && sequence == e.sequence && inReplyTo == e.inReplyTo
                && timestamp.equals(e.timestamp) && senderId.equals(e.senderId)
                && java.util.Arrays.equals(payload, e.payload) && type.equals(e.type) && error.equals(e.error);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(sequence, inReplyTo, timestamp, senderId, java.util.Arrays.hashCode(payload),
                type, error);
    }

    @Override
    public String toString() {
        return "ChannelEntry[sequence=" + sequence + ", sender=" + senderId + ", type=" + type + ", "
                + payload.length + " bytes]";
    }
}
