package org.colonyos.colonies.http.server;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.colonyos.colonies.config.NodeSettings;
import org.colonyos.colonies.config.PeerAddress;
import org.colonyos.colonies.http.handlers.ClusterHandlers;
import org.colonyos.colonies.http.rpc.HttpReply;
import org.colonyos.colonies.http.rpc.Route;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.model.Cluster;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ServerPayloads;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.command.ClientCommands;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.node.Failures;
import org.colonyos.colonies.sm.node.ReplicatedNode;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's view of its Raft group and the run-time membership changes. Members come from the Raft
 * configuration; their API ports from the addresses recorded by {@code addclustermembermsg}, else from the
 * cluster file. A change first replicates its record (apply checks that the caller is the server owner), then
 * changes the Raft configuration; a failed Raft change leaves only the harmless address record.
 *
 * <p>Thread-safe.
 */
final class ClusterMembership implements ClusterHandlers.Membership {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterMembership.class);

    private final NodeSettings settings;
    private final ReplicatedNode node;
    private final IntSupplier boundHttpPort;

    ClusterMembership(NodeSettings settings, ReplicatedNode node, IntSupplier boundHttpPort) {
        this.settings = settings;
        this.node = node;
        this.boundHttpPort = boundHttpPort;
    }

    @Override
    public Cluster describe(ColoniesState state) {
        Map<String, PeerAddress> known = new TreeMap<>();
        settings.cluster().nodes().forEach(n -> known.put(n.id(), n));
        state.addedMembers().forEach(n -> known.put(n.id(), n));
        List<Cluster.Node> nodes = node.raftMembers().stream().map(m -> Cluster.Node.of(m.id(), m.host(),
                m.raftPort(), apiPort(m.id(), known))).toList();
        Cluster.Node leader = node.leaderId().flatMap(id -> nodes.stream().filter(n -> n.name().equals(id))
                .findFirst()).orElse(null);
        return new Cluster(nodes, leader);
    }

    private int apiPort(String id, Map<String, PeerAddress> known) {
        if (id.equals(settings.nodeId())) {
            return boundHttpPort.getAsInt();
        }
        PeerAddress address = known.get(id);
        return address == null ? 0 : address.httpPort();
    }

    @Override
    public CompletableFuture<HttpReply> add(Route.Call call) {
        ServerPayloads.AddClusterMember p = (ServerPayloads.AddClusterMember) call.payload();
        PeerAddress member = new PeerAddress(p.nodeName(), p.host(), p.raftPort(), p.apiPort());
        return change(call, () -> {
            if (isMember(p.nodeName())) {
                throw Rejection.badRequest("Failed to add cluster member, " + p.nodeName() + " is already a member");
            }
        }, () -> node.addMember(member), PayloadType.ADD_CLUSTER_MEMBER);
    }

    @Override
    public CompletableFuture<HttpReply> remove(Route.Call call) {
        String nodeName = ((ServerPayloads.RemoveClusterMember) call.payload()).nodeName();
        return change(call, () -> {
            if (!isMember(nodeName)) {
                throw Rejection.notFound("Failed to remove cluster member, no member named " + nodeName);
            }
            if (node.raftMembers().size() == 1) {
                throw Rejection.badRequest("Failed to remove cluster member, " + nodeName + " is the last member");
            }
        }, () -> node.removeMember(nodeName), PayloadType.REMOVE_CLUSTER_MEMBER);
    }

    /**
     * One membership change: local pre-checks (the caller is the server owner, so a stranger cannot start a Raft
     * change, then {@code precheck}; apply checks the caller again on replicated state), the replicated record,
     * then the Raft change.
     */
    private CompletableFuture<HttpReply> change(Route.Call call, Runnable precheck,
            Supplier<CompletableFuture<Void>> raftChange, PayloadType type) {
        try {
            node.read(state -> {
                Authorizer.requireServerOwner(state, call.callerId());
                return null;
            });
            precheck.run();
        } catch (Rejection rejection) {
            return CompletableFuture.completedFuture(HttpReply.error(rejection.status(), rejection.getMessage()));
        }
        return recordThenChange(call, raftChange, type);
    }

    private boolean isMember(String nodeName) {
        return node.raftMembers().stream().anyMatch(m -> m.id().equals(nodeName));
    }

    private CompletableFuture<HttpReply> recordThenChange(Route.Call call, Supplier<CompletableFuture<Void>> change,
            PayloadType type) {
        return node.submitProven(call.entry(), call.callerId(), ClientCommands.of(type, call.payload())).thenCompose(reply -> reply.getErrorStatus() != 0
                ? CompletableFuture.completedFuture(HttpReply.of(reply, type))
                : change.get().thenApply(done -> HttpReply.ok(type.replyWireName(),
                        Json.toBytes(node.read(this::describe)))))
                .exceptionally(error -> {
                    Throwable cause = Failures.cause(error);
                    LOG.warn("{} failed: {}", type.wireName(), cause.toString());
                    return HttpReply.error(503, "Failed to change the cluster, the Raft configuration was not "
                            + "changed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
                });
    }
}
