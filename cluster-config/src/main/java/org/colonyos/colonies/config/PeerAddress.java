package org.colonyos.colonies.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One member of a cluster: its node id, the host its peers and clients reach it on, its Raft (gRPC) port and
 * its HTTP API port. Immutable.
 */
public record PeerAddress(
        @JsonProperty("id") String id,
        @JsonProperty("host") String host,
        @JsonProperty("raftPort") int raftPort,
        @JsonProperty("httpPort") int httpPort) {

    /** {@code host:raftPort}, the Raft peer address. */
    public String raftAddress() {
        return host + ":" + raftPort;
    }
}
