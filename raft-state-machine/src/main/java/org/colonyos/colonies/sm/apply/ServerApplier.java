package org.colonyos.colonies.sm.apply;

import org.colonyos.colonies.proto.log.BootstrapServerId;
import org.colonyos.colonies.proto.log.ChangeServerId;
import org.colonyos.colonies.proto.wire.Replies;
import org.colonyos.colonies.sm.auth.Authorizer;

/** Applies the server-owner commands. Single-threaded: called only from the apply thread. */
final class ServerApplier {
    /** Sets the server id from the node's configuration, only while the state has none (first start). */
    Object apply(BootstrapServerId command, ApplyContext ctx) {
        if (ctx.state().serverId().isEmpty() && !command.getServerId().isEmpty()) {
            ctx.state().setServerId(command.getServerId());
        }
        return Replies.EMPTY;
    }

    Object apply(ChangeServerId command, ApplyContext ctx) {
        Validation.requireNonEmpty(command.getServerId(), "Failed to change server Id, server Id is empty");
        Authorizer.requireServerOwner(ctx.state(), ctx.callerId());
        ctx.state().setServerId(command.getServerId());
        return Replies.EMPTY;
    }
}
