package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Reply of {@code getclustermsg} (protocol 5.20): the members and the current leader ({@code null} while an
 * election is under way). Immutable.
 */
public record Cluster(@JsonProperty("nodes") List<Node> nodes, @JsonProperty("leader") Node leader) {

    public Cluster {
        nodes = List.copyOf(nodes);
    }

    /**
     * One member with the Go field names: {@code name} is the node id, {@code apiport} its HTTP API port, and
     * {@code port} and {@code peerport} both carry its Raft port (Go's etcd client and peer ports); there is no
     * relay ({@code relayport} 0): every node is woken by its own apply.
     */
    public record Node(
            @JsonProperty("name") String name,
            @JsonProperty("host") String host,
            @JsonProperty("port") int port,
            @JsonProperty("peerport") int peerPort,
            @JsonProperty("relayport") int relayPort,
            @JsonProperty("apiport") int apiPort) {

        /** A member reached at {@code host} with these ports. */
        public static Node of(String name, String host, int raftPort, int apiPort) {
            return new Node(name, host, raftPort, raftPort, 0, apiPort);
        }
    }
}
