package org.colonyos.colonies.sm.apply;

import org.colonyos.colonies.proto.log.AddUser;
import org.colonyos.colonies.proto.log.ChangeUserId;
import org.colonyos.colonies.proto.log.RemoveUser;
import org.colonyos.colonies.proto.model.User;
import org.colonyos.colonies.proto.wire.Replies;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.state.ColoniesState;

/** Applies user commands. Single-threaded: called only from the apply thread. */
final class UserApplier {
    Object apply(AddUser command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        String colonyName = command.getColonyName();
        if (state.colony(colonyName).isEmpty()) {
            throw Rejection.badRequest("Failed to add user, colony with name <" + colonyName + "> not found");
        }
        Authorizer.requireColonyOwner(state, ctx.callerId(), colonyName);
        Validation.requireName(command.getName(), "user");
        if (state.user(colonyName, command.getName()).isPresent()) {
            throw Rejection.badRequest("A user with name <" + command.getName() + "> already exists in colony <"
                    + colonyName + ">");
        }
        User user = new User(colonyName, command.getUserId(), command.getName(), command.getEmail(),
                command.getPhone());
        state.putUser(user);
        return user;
    }

    Object apply(RemoveUser command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        Authorizer.requireColonyOwner(state, ctx.callerId(), command.getColonyName());
        User user = state.user(command.getColonyName(), command.getName()).orElseThrow(() ->
                Rejection.badRequest("Failed to remove user, user with name <" + command.getName()
                        + "> not found"));
        state.removeUser(user);
        return Replies.EMPTY;
    }

    /** Rebinds the calling user to a new key. */
    Object apply(ChangeUserId command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        Validation.requireNonEmpty(command.getUserId(), "Failed to change user Id, user Id is empty");
        Authorizer.requireMember(state, ctx.callerId(), command.getColonyName(), false);
        User user = state.userById(command.getColonyName(), ctx.callerId()).orElseThrow(() ->
                Rejection.badRequest("Failed to change user Id, caller is not a user of colony <"
                        + command.getColonyName() + ">"));
        Validation.requireIdLength(command.getUserId(), "Failed to change user Id, invalid Id length");
        Validation.requireUnusedMemberId(state, command.getColonyName(), command.getUserId(),
                "Failed to change user Id");
        state.putUser(new User(user.colonyName(), command.getUserId(), user.name(), user.email(), user.phone()));
        return Replies.EMPTY;
    }
}
