package org.colonyos.colonies.sm.apply;

import org.colonyos.colonies.proto.log.AddColony;
import org.colonyos.colonies.proto.log.ChangeColonyId;
import org.colonyos.colonies.proto.log.RemoveColony;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.proto.model.User;
import org.colonyos.colonies.proto.wire.Replies;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.state.ColoniesState;

/** Applies colony commands. Single-threaded: called only from the apply thread. */
final class ColonyApplier {
    Object apply(AddColony command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        Authorizer.requireServerOwner(state, ctx.callerId());
        Validation.requireIdLength(command.getColonyId(), "Failed to add colony, invalid colony Id length");
        Validation.requireName(command.getName(), "colony");
        if (state.colony(command.getName()).isPresent()) {
            throw Rejection.badRequest("A Colony with name <" + command.getName() + "> already exists");
        }
        Colony colony = new Colony(command.getColonyId(), command.getName());
        state.putColony(colony);
        return colony;
    }

    /**
     * Removes a colony with everything in it: users, executors, functions, crons, generators, workflows,
     * processes, logs.
     */
    Object apply(RemoveColony command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        Authorizer.requireServerOwner(state, ctx.callerId());
        String name = command.getColonyName();
        if (state.colony(name).isEmpty()) {
            throw Rejection.badRequest("Colony with name <" + name + "> not found");
        }
        for (User user : state.usersOf(name)) {
            state.removeUser(user);
        }
        for (Executor executor : state.executorsOf(name)) {
            state.functions().removeExecutor(name, executor.executorName());
            state.removeExecutor(executor);
        }
        state.crons().ofColony(name, Integer.MAX_VALUE).forEach(state.crons()::remove);
        state.generators().ofColony(name, Integer.MAX_VALUE).forEach(state.generators()::remove);
        WorkflowApplier.removeAllIn(state, name, ProcessState.ALL);
        ProcessApplier.removeAllIn(state, name, ProcessState.ALL);
        state.logs().removeColony(name);
        state.files().removeColony(name);
        state.catalog().locationsOf(name).forEach(state.catalog()::removeLocation);
        state.blueprints().removeColony(name);
        state.setPaused(name, false);
        state.removeColony(name);
        return Replies.EMPTY;
    }

    /** Transfers ownership of a colony to another key. */
    Object apply(ChangeColonyId command, ApplyContext ctx) {
        Validation.requireNonEmpty(command.getColonyId(), "Failed to change colony Id, colony Id is empty");
        Colony colony = Authorizer.requireColonyOwner(ctx.state(), ctx.callerId(), command.getColonyName());
        Validation.requireIdLength(command.getColonyId(), "Failed to change colony Id, invalid Id length");
        ctx.state().putColony(new Colony(command.getColonyId(), colony.name()));
        return Replies.EMPTY;
    }
}
