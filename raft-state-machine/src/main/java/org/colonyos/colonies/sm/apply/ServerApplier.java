package org.colonyos.colonies.sm.apply;

import org.colonyos.colonies.config.ConfigException;
import org.colonyos.colonies.config.PeerAddress;
import org.colonyos.colonies.proto.log.AddClusterMember;
import org.colonyos.colonies.proto.log.BootstrapServerId;
import org.colonyos.colonies.proto.log.ChangeServerId;
import org.colonyos.colonies.proto.log.RemoveClusterMember;
import org.colonyos.colonies.proto.wire.Replies;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;

/**
 * Applies the server-owner commands (server id, run-time cluster members). Single-threaded: called only from the
 * apply thread.
 */
final class ServerApplier {
    /** Sets the server id from the node's configuration, only while the state has none (first start). */
    Object apply(BootstrapServerId command, ApplyContext ctx) {
        if (ctx.state().serverId().isEmpty() && !command.getServerId().isEmpty()) {
            ctx.state().setServerId(command.getServerId());
        }
        return Replies.EMPTY;
    }

    Object apply(AddClusterMember command, ApplyContext ctx) {
        Authorizer.requireServerOwner(ctx.state(), ctx.callerId());
        PeerAddress member = new PeerAddress(command.getNodeId(), command.getHost(), command.getRaftPort(),
                command.getHttpPort());
        try {
            member.validate(false);
        } catch (ConfigException e) {
            throw Rejection.badRequest("Failed to add cluster member, " + e.getMessage());
        }
        ctx.state().putAddedMember(member);
        return Replies.EMPTY;
    }

    Object apply(RemoveClusterMember command, ApplyContext ctx) {
        Authorizer.requireServerOwner(ctx.state(), ctx.callerId());
        ctx.state().removeAddedMember(command.getNodeId());
        return Replies.EMPTY;
    }

    Object apply(ChangeServerId command, ApplyContext ctx) {
        Validation.requireNonEmpty(command.getServerId(), "Failed to change server Id, server Id is empty");
        Authorizer.requireServerOwner(ctx.state(), ctx.callerId());
        ctx.state().setServerId(command.getServerId());
        return Replies.EMPTY;
    }
}
