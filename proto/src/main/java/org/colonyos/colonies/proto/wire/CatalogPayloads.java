package org.colonyos.colonies.proto.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.colonyos.colonies.proto.model.Location;

/** Payloads of locations (protocol 4.15) and channels (4.13, 1.8). */
public final class CatalogPayloads {
    private CatalogPayloads() {
    }

    /** {@code addlocationmsg}. */
    public record AddLocation(@JsonProperty("location") Location location) implements Payload {
    }

    /** {@code getlocationmsg}, {@code removelocationmsg}. */
    public record LocationRef(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("name") String name) implements Payload {
    }

    /** {@code channelappendmsg}: one message; {@code payloadtype} "" (data), {@code end} or {@code error}. */
    public record ChannelAppend(
            @JsonProperty("processid") String processId,
            @JsonProperty("name") String name,
            @JsonProperty("sequence") long sequence,
            @JsonProperty("inreplyto") long inReplyTo,
            @JsonProperty("payload") byte[] payload,
            @JsonProperty("payloadtype") String payloadType) implements Payload {
    }

    /** {@code channelreadmsg}: the entries from index {@code afterseq}, at most {@code limit} (0: all). */
    public record ChannelRead(
            @JsonProperty("processid") String processId,
            @JsonProperty("name") String name,
            @JsonProperty("afterseq") long afterSeq,
            @JsonProperty("limit") int limit) implements Payload {
    }

    /** {@code subscribechannelmsg}: the entries from index {@code afterseq}, then each new one. */
    public record SubscribeChannel(
            @JsonProperty("processid") String processId,
            @JsonProperty("name") String name,
            @JsonProperty("afterseq") long afterSeq,
            @JsonProperty("timeout") int timeout) implements Payload {
    }
}
