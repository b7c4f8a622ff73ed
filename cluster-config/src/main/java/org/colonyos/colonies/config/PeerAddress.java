package org.colonyos.colonies.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * One member of a cluster: its node id, the host its peers and clients reach it on, its Raft (gRPC) port and
 * its HTTP API port. Immutable.
 */
public record PeerAddress(
        @JsonProperty("id") String id,
        @JsonProperty("host") String host,
        @JsonProperty("raftPort") int raftPort,
        @JsonProperty("httpPort") int httpPort) {

    /**
     * Checks the address on its own: a non-empty id and host, and ports in 0..65535, where 0 (any free port)
     * is allowed only for a node that is the whole cluster, since no peer could find it.
     *
     * @param alone whether the node is the only member of its cluster
     * @return this
     * @throws ConfigException naming the node and the problem
     */
    public PeerAddress validate(boolean alone) {
        if (id == null || id.isBlank()) {
            throw new ConfigException("a node has an empty id");
        }
        if (host == null || host.isBlank()) {
            throw new ConfigException("node '" + id + "' has an empty host");
        }
        checkPort("raftPort", raftPort, alone);
        checkPort("httpPort", httpPort, alone);
        return this;
    }

    private void checkPort(String field, int port, boolean alone) {
        if (port < 0 || port > 65535) {
            throw new ConfigException("node '" + id + "': " + field + " " + port + " is not in 0..65535");
        }
        if (port == 0 && !alone) {
            throw new ConfigException("node '" + id + "': " + field + " must be set in a cluster of several nodes");
        }
    }

    /**
     * Node {@code id} on 127.0.0.1 with a free Raft and HTTP port each (for tests, benchmarks and throw-away
     * local clusters; a port may in rare cases be taken by someone else before the node binds it).
     */
    public static PeerAddress onFreeLoopbackPorts(String id) {
        int[] ports = freeLoopbackPorts(2);
        return new PeerAddress(id, "127.0.0.1", ports[0], ports[1]);
    }

    /** A TCP port on 127.0.0.1 that was free a moment ago. */
    public static int freeLoopbackPort() {
        return freeLoopbackPorts(1)[0];
    }

    /**
     * {@code count} distinct TCP ports on 127.0.0.1 that were free a moment ago: all are held open until all
     * are chosen, since the system may hand a just-released port out again.
     */
    public static int[] freeLoopbackPorts(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // a socket that was never used for a connection; nothing to release
                }
            }
        }
    }

    /** {@code host:raftPort}, the Raft peer address. */
    public String raftAddress() {
        return host + ":" + raftPort;
    }
}
