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

    /**
     * {@code addclustermembermsg} (this server's extension): add a node to the Raft group. {@code nodename} is
     * its node id, {@code raftport} its peer port and {@code apiport} its HTTP API port.
     */
    public record AddClusterMember(
            @JsonProperty("nodename") String nodeName,
            @JsonProperty("host") String host,
            @JsonProperty("raftport") int raftPort,
            @JsonProperty("apiport") int apiPort) implements Payload {
    }

    /** {@code removeclustermembermsg} (this server's extension): remove a node from the Raft group. */
    public record RemoveClusterMember(@JsonProperty("nodename") String nodeName) implements Payload {
    }

    /** {@code changeserveridmsg}. */
    public record ChangeServerId(@JsonProperty("serverid") String serverId) implements Payload {
    }
}
