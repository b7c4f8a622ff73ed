package org.colonyos.colonies.sdk;

import java.util.List;
import java.util.Map;
import org.colonyos.colonies.proto.model.Blueprint;
import org.colonyos.colonies.proto.model.BlueprintDefinition;
import org.colonyos.colonies.proto.model.BlueprintHistory;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.wire.BlueprintPayloads;
import org.colonyos.colonies.proto.wire.ColonyPayloads;
import org.colonyos.colonies.proto.wire.PayloadType;

/**
 * The blueprint messages (protocol 4.14) for one colony, each signed with the key passed to it: definitions need
 * the colony owner's key; blueprints a member's or the owner's. Lists are never null.
 *
 * <p>Thread-safe (as {@link ColoniesClient}).
 */
public final class BlueprintClient {
    private final ColoniesClient client;
    private final String colonyName;

    public BlueprintClient(ColoniesClient client, String colonyName) {
        this.client = client;
        this.colonyName = colonyName;
    }

    public BlueprintDefinition addDefinition(BlueprintDefinition definition, String colonyPrvKey) {
        return client.call(PayloadType.ADD_BLUEPRINT_DEFINITION, new BlueprintPayloads.AddDefinition(definition),
                colonyPrvKey, BlueprintDefinition.class);
    }

    public BlueprintDefinition getDefinition(String name, String prvKey) {
        return client.call(PayloadType.GET_BLUEPRINT_DEFINITION, new BlueprintPayloads.DefinitionRef(colonyName,
                name), prvKey, BlueprintDefinition.class);
    }

    public List<BlueprintDefinition> getDefinitions(String prvKey) {
        return client.callList(PayloadType.GET_BLUEPRINT_DEFINITIONS, new ColonyPayloads.ColonyRef(colonyName),
                prvKey, BlueprintDefinition.class);
    }

    public void removeDefinition(String name, String colonyPrvKey) {
        client.callEmpty(PayloadType.REMOVE_BLUEPRINT_DEFINITION, new BlueprintPayloads.NamespacedRef(colonyName,
                name), colonyPrvKey);
    }

    public Blueprint add(Blueprint blueprint, String prvKey) {
        return client.call(PayloadType.ADD_BLUEPRINT, new BlueprintPayloads.AddBlueprint(blueprint), prvKey,
                Blueprint.class);
    }

    public Blueprint get(String name, String prvKey) {
        return client.call(PayloadType.GET_BLUEPRINT, new BlueprintPayloads.NamespacedRef(colonyName, name), prvKey,
                Blueprint.class);
    }

    /** The colony's blueprints, of one kind and location when those are not empty. */
    public List<Blueprint> list(String kind, String locationName, String prvKey) {
        return client.callList(PayloadType.GET_BLUEPRINTS, new BlueprintPayloads.GetBlueprints(colonyName, kind,
                locationName), prvKey, Blueprint.class);
    }

    /** Replaces a blueprint; a changed spec (or {@code forceGeneration}) makes a new generation. */
    public Blueprint update(Blueprint blueprint, boolean forceGeneration, String prvKey) {
        return client.call(PayloadType.UPDATE_BLUEPRINT, new BlueprintPayloads.UpdateBlueprint(blueprint,
                forceGeneration), prvKey, Blueprint.class);
    }

    /** Replaces only a blueprint's reported status (member key). */
    public void updateStatus(String name, Map<String, Object> status, String prvKey) {
        client.callEmpty(PayloadType.UPDATE_BLUEPRINT_STATUS, new BlueprintPayloads.UpdateStatus(colonyName, name,
                status), prvKey);
    }

    public void remove(String name, String prvKey) {
        client.callEmpty(PayloadType.REMOVE_BLUEPRINT, new BlueprintPayloads.NamespacedRef(colonyName, name),
                prvKey);
    }

    /** A blueprint's history, newest first, at most {@code limit} (0: all). */
    public List<BlueprintHistory> history(String blueprintId, int limit, String prvKey) {
        return client.callList(PayloadType.GET_BLUEPRINT_HISTORY, new BlueprintPayloads.GetHistory(blueprintId,
                limit), prvKey, BlueprintHistory.class);
    }

    /** Submits a reconciliation process now; {@code force} makes a new generation first. */
    public ColonyProcess reconcile(String name, boolean force, String prvKey) {
        return client.call(PayloadType.RECONCILE_BLUEPRINT, new BlueprintPayloads.Reconcile(colonyName, name, force),
                prvKey, ColonyProcess.class);
    }
}
