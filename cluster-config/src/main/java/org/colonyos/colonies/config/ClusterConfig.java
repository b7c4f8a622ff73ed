package org.colonyos.colonies.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The members of one Raft group, and optionally the mutual TLS their Raft traffic uses. Every node of a
 * cluster is started with the same value. Immutable; {@link #validate()} rejects duplicate ids or addresses,
 * out-of-range ports and incomplete TLS settings with readable messages.
 *
 * @param name the cluster's name (the Raft group id derives from it)
 * @param nodes the members
 * @param peerTls mutual TLS between the members, or null for plain gRPC (loopback and development)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClusterConfig(@JsonProperty("name") String name, @JsonProperty("nodes") List<PeerAddress> nodes,
        @JsonProperty("peerTls") PeerTls peerTls) {

    public ClusterConfig {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    /** A cluster whose peers talk plain gRPC. */
    public ClusterConfig(String name, List<PeerAddress> nodes) {
        this(name, nodes, null);
    }

    /** This cluster with its peer traffic under the given TLS settings. */
    public ClusterConfig withPeerTls(PeerTls tls) {
        return new ClusterConfig(name, nodes, tls).validate();
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    /**
     * Reads and validates a cluster file: {@code {"name": "...", "nodes": [{"id", "host", "raftPort",
     * "httpPort"}, ...], "peerTls": {"certFile", "keyFile", "caFile"}}} ({@code peerTls} optional); other
     * fields are ignored.
     *
     * @throws ConfigException naming the file and the problem
     */
    public static ClusterConfig load(Path file) {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read cluster file " + file + ": " + e.getMessage());
        }
        return parse(json, file.toString());
    }

    /**
     * A cluster configuration from the JSON of a cluster file, validated.
     *
     * @param source where the JSON came from, for the messages
     * @throws ConfigException naming the source and the problem
     */
    public static ClusterConfig parse(byte[] json, String source) {
        try {
            ClusterConfig config = JSON.readValue(json, ClusterConfig.class);
            if (config == null) {
                throw new ConfigException("cluster file " + source + " is empty");
            }
            return config.validate();
        } catch (JsonProcessingException e) {
            throw new ConfigException("cluster file " + source + " is not valid: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("cannot read cluster file " + source + ": " + e.getMessage());
        } catch (ConfigException e) {
            throw new ConfigException("cluster file " + source + ": " + e.getMessage());
        }
    }

    /**
     * A cluster of {@code size} nodes {@code n1..nN} on one host with consecutive ports from the given ones
     * (what {@code colonies cluster init} prints).
     */
    public static ClusterConfig generate(String name, int size, String host, int firstRaftPort, int firstHttpPort) {
        if (size < 1) {
            throw new ConfigException("a cluster needs at least one node, got " + size);
        }
        List<PeerAddress> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nodes.add(new PeerAddress("n" + (i + 1), host, firstRaftPort + i, firstHttpPort + i));
        }
        return new ClusterConfig(name, nodes).validate();
    }

    /** A cluster of {@code size} nodes n1..nN on 127.0.0.1, each on free ports (tests, benchmarks, tools). */
    public static ClusterConfig onFreeLoopbackPorts(String name, int size) {
        int[] ports = PeerAddress.freeLoopbackPorts(2 * size);
        List<PeerAddress> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nodes.add(new PeerAddress("n" + (i + 1), "127.0.0.1", ports[2 * i], ports[2 * i + 1]));
        }
        return new ClusterConfig(name, nodes).validate();
    }

    /** The configuration as indented JSON, the cluster file format. */
    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write cluster JSON", e);
        }
    }

    /** Advice about a valid configuration that is still unwise (an even number of nodes). */
    public List<String> warnings() {
        int size = nodes.size();
        if (size > 1 && size % 2 == 0) {
            return List.of("cluster '" + name + "' has " + size + " nodes: an even number tolerates no more failed "
                    + "nodes than " + (size - 1) + " would (a majority is " + (size / 2 + 1) + ")");
        }
        return List.of();
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
            node.validate(nodes.size() == 1);
            if (!ids.add(node.id())) {
                throw new ConfigException("duplicate node id '" + node.id() + "'");
            }
            for (int port : new int[] {node.raftPort(), node.httpPort()}) {
                if (port != 0 && !endpoints.add(node.host() + ":" + port)) {
                    throw new ConfigException("duplicate port " + node.host() + ":" + port + " (node '"
                            + node.id() + "')");
                }
            }
        }
        if (peerTls != null) {
            peerTls.validate();
        }
        return this;
    }
}
