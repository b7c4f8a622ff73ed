package org.colonyos.colonies.http.handlers;

import java.util.List;
import org.colonyos.colonies.http.rpc.Access;
import org.colonyos.colonies.http.rpc.RouteTable;
import org.colonyos.colonies.proto.model.Blueprint;
import org.colonyos.colonies.proto.model.BlueprintHistory;
import org.colonyos.colonies.proto.wire.BlueprintPayloads;
import org.colonyos.colonies.proto.wire.ColonyPayloads;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.Replies;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.state.ColoniesState;

/** Routes of blueprints and their definitions (protocol 4.14), with the Go server's statuses. */
public final class BlueprintHandlers {
    private BlueprintHandlers() {
    }

    public static void register(RouteTable.Builder routes) {
        routes.write(PayloadType.ADD_BLUEPRINT_DEFINITION, Access.COLONY_OWNER, BlueprintPayloads.AddDefinition.class)
                .write(PayloadType.REMOVE_BLUEPRINT_DEFINITION, Access.COLONY_OWNER,
                        BlueprintPayloads.NamespacedRef.class)
                .read(PayloadType.GET_BLUEPRINT_DEFINITION, Access.MEMBER_OR_COLONY_OWNER,
                        BlueprintPayloads.DefinitionRef.class, (state, caller, p) -> {
                            Authorizer.requireMemberOrOwner(state, caller, p.colonyName());
                            return state.blueprints().definition(p.colonyName(), p.name())
                                    .orElseThrow(() -> Rejection.notFound("Blueprint definition not found"));
                        })
                .read(PayloadType.GET_BLUEPRINT_DEFINITIONS, Access.MEMBER_OR_COLONY_OWNER,
                        ColonyPayloads.ColonyRef.class, (state, caller, p) -> {
                            Authorizer.requireMemberOrOwner(state, caller, p.colonyName());
                            return state.blueprints().definitionsOf(p.colonyName());
                        })
                .write(PayloadType.ADD_BLUEPRINT, Access.MEMBER_OR_COLONY_OWNER, BlueprintPayloads.AddBlueprint.class)
                .read(PayloadType.GET_BLUEPRINT, Access.MEMBER_OR_COLONY_OWNER, BlueprintPayloads.NamespacedRef.class,
                        (state, caller, p) -> blueprint(state, caller, p.namespace(), p.name()))
                .read(PayloadType.GET_BLUEPRINTS, Access.MEMBER_OR_COLONY_OWNER, BlueprintPayloads.GetBlueprints.class,
                        BlueprintHandlers::blueprints)
                .write(PayloadType.UPDATE_BLUEPRINT, Access.MEMBER_OR_COLONY_OWNER,
                        BlueprintPayloads.UpdateBlueprint.class)
                .write(PayloadType.UPDATE_BLUEPRINT_STATUS, Access.MEMBER, BlueprintPayloads.UpdateStatus.class)
                .write(PayloadType.REMOVE_BLUEPRINT, Access.MEMBER_OR_COLONY_OWNER,
                        BlueprintPayloads.NamespacedRef.class)
                .read(PayloadType.GET_BLUEPRINT_HISTORY, Access.MEMBER_OR_COLONY_OWNER,
                        BlueprintPayloads.GetHistory.class, BlueprintHandlers::history)
                .write(PayloadType.RECONCILE_BLUEPRINT, Access.MEMBER, BlueprintPayloads.Reconcile.class);
    }

    private static Blueprint blueprint(ColoniesState state, String caller, String colony, String name) {
        Authorizer.requireMemberOrOwner(state, caller, colony);
        return state.blueprints().blueprint(colony, name).orElseThrow(() -> Rejection.notFound(
                "Blueprint with name <" + name + "> not found in colony <" + colony + ">"));
    }

    private static List<Blueprint> blueprints(ColoniesState state, String caller, BlueprintPayloads.GetBlueprints p) {
        Authorizer.requireMemberOrOwner(state, caller, p.namespace());
        return Replies.listOrNull(state.blueprints().blueprintsOf(p.namespace()).stream()
                .filter(b -> p.kind().isEmpty() || b.kind().equals(p.kind()))
                .filter(b -> p.locationName().isEmpty() || b.metadata().locationName().equals(p.locationName()))
                .toList());
    }

    private static List<BlueprintHistory> history(ColoniesState state, String caller,
            BlueprintPayloads.GetHistory p) {
        Blueprint blueprint = state.blueprints().blueprintById(p.blueprintId()).orElseThrow(() ->
                Rejection.notFound("Blueprint with id <" + p.blueprintId() + "> not found"));
        Authorizer.requireMemberOrOwner(state, caller, blueprint.metadata().colonyName());
        if (p.limit() < 0) {
            throw Rejection.badRequest("limit must not be negative");
        }
        return state.blueprints().history(blueprint.blueprintId(), p.limit() == 0 ? Long.MAX_VALUE : p.limit());
    }
}
