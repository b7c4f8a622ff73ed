package org.colonyos.colonies.http.cluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.ratis.util.CodeInjectionForTesting;
import org.colonyos.colonies.sm.node.ReplicatedNode;

/**
 * A network partition between the nodes of one in-process cluster, made with Ratis's test injection points
 * (the same ones its own partition tests use). Peer requests between the two sides (votes, appends, snapshot
 * installs) are held back, like lost packets, until the partition heals; requests that the cut-off nodes forward
 * to a leader on the other side are refused. Only one partition can exist at a time in a JVM.
 */
final class Partition implements AutoCloseable {
    private static final List<String> PEER_REQUESTS = List.of("RaftServerImpl.requestVote",
            "RaftServerImpl.appendEntries", "RaftServerImpl.installSnapshot");
    private static final String CLIENT_REQUEST = "RaftServerImpl.appendTransaction";

    private final Set<String> cutOffNodes = new HashSet<>();
    private final List<ReplicatedNode> cutOff = new ArrayList<>();
    private volatile boolean healed;

    private Partition() {
    }

    /** Cuts nodes {@code indexes} off from every other node of {@code cluster}. */
    static Partition isolate(TestCluster cluster, int... indexes) {
        Partition partition = new Partition();
        for (int index : indexes) {
            partition.cutOffNodes.add(cluster.address(index).id());
            partition.cutOff.add(cluster.server(index).node());
        }
        for (String point : PEER_REQUESTS) {
            CodeInjectionForTesting.put(point, (local, remote, args) -> partition.holdPeerRequest(local, remote));
        }
        CodeInjectionForTesting.put(CLIENT_REQUEST, (local, client, args) -> partition.refuseForwarded(local,
                client));
        return partition;
    }

    private boolean holdPeerRequest(Object local, Object remote) {
        while (!healed && separated(String.valueOf(local), String.valueOf(remote))) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return true;
    }

    private boolean refuseForwarded(Object leader, Object client) {
        if (!healed && !cutOffNodes.contains(String.valueOf(leader))
                && cutOff.stream().anyMatch(node -> node.forwardingClientId().equals(String.valueOf(client)))) {
            throw new IllegalStateException("partitioned: request from a cut-off node dropped");
        }
        return true;
    }

    private boolean separated(String a, String b) {
        return cutOffNodes.contains(a) != cutOffNodes.contains(b);
    }

    /** Heals the partition: held requests proceed, new ones pass. */
    @Override
    public void close() {
        healed = true;
        PEER_REQUESTS.forEach(CodeInjectionForTesting::remove);
        CodeInjectionForTesting.remove(CLIENT_REQUEST);
    }
}
