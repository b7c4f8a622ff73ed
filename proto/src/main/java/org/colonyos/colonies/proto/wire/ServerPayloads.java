package org.colonyos.colonies.proto.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Payloads of the server and security domain. */
public final class ServerPayloads {
    private ServerPayloads() {
    }

    /** A message without fields besides {@code msgtype}. */
    public record Empty() implements Payload {
    }

    /** {@code versionmsg}. */
    public record Version(
            @JsonProperty("buildversion") String buildVersion,
            @JsonProperty("buildtime") String buildTime) implements Payload {
    }

    /** {@code changeserveridmsg}. */
    public record ChangeServerId(@JsonProperty("serverid") String serverId) implements Payload {
    }
}
