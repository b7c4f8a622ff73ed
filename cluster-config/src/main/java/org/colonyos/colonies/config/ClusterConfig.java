package org.colonyos.colonies.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The members of one Raft group. Every node of a cluster is started with the same value. Immutable;
 * {@link #validate()} rejects duplicate ids or addresses and out-of-range ports with readable messages.
 */
public record ClusterConfig(@JsonProperty("name") String name, @JsonProperty("nodes") List<PeerAddress> nodes) {

    public ClusterConfig {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    /** A one-member cluster. */
    public static ClusterConfig single(String name, PeerAddress node) {
        return new ClusterConfig(name, List.of(node));
    }

    /** The member with this id. */
    public PeerAddress node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst()
                .orElseThrow(() -> new ConfigException("unknown node '" + id + "': the cluster has "
                        + nodes.stream().map(PeerAddress::id).toList()));
    }

    /**
     * Checks the configuration.
     *
     * @return this
     * @throws ConfigException naming the first problem found
     */
    public ClusterConfig validate() {
        if (name == null || name.isBlank()) {
            throw new ConfigException("cluster name must not be empty");
        }
        if (nodes.isEmpty()) {
            throw new ConfigException("cluster '" + name + "' has no nodes");
        }
        Set<String> ids = new HashSet<>();
        Set<String> endpoints = new HashSet<>();
        for (PeerAddress node : nodes) {
            if (node.id() == null || node.id().isBlank()) {
                throw new ConfigException("a node has an empty id");
            }
            if (!ids.add(node.id())) {
                throw new ConfigException("duplicate node id '" + node.id() + "'");
            }
            if (node.host() == null || node.host().isBlank()) {
                throw new ConfigException("node '" + node.id() + "' has an empty host");
            }
            checkPort(node.id(), "raftPort", node.raftPort());
            checkPort(node.id(), "httpPort", node.httpPort());
            for (int port : new int[] {node.raftPort(), node.httpPort()}) {
                if (port != 0 && !endpoints.add(node.host() + ":" + port)) {
                    throw new ConfigException("duplicate port " + node.host() + ":" + port + " (node '"
                            + node.id() + "')");
                }
            }
        }
        return this;
    }

    private static void checkPort(String id, String field, int port) {
        if (port < 0 || port > 65535) {
            throw new ConfigException("node '" + id + "': " + field + " " + port + " is not in 0..65535");
        }
    }
}
