package org.colonyos.colonies.sm.state;

import java.util.List;
import java.util.Optional;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.model.Blueprint;
import org.colonyos.colonies.proto.model.BlueprintDefinition;
import org.colonyos.colonies.proto.model.BlueprintHistory;

/**
 * Blueprint definitions and blueprints by (colony, name), blueprints also by id, and each blueprint's history
 * newest first. Kind and location queries read one colony's blueprints. Not synchronised: used under the state
 * machine's lock like {@link ColoniesState}.
 */
public final class BlueprintTables {
    private final Table<BlueprintDefinition> definitions;
    private final Table<Blueprint> blueprints;
    /** Blueprint id to its (colony, name) key. */
    private final Table<String> ids;
    /** (blueprint id, descending time, history id) to the entry. */
    private final Table<BlueprintHistory> history;

    BlueprintTables(ColoniesStore store) {
        definitions = store.table("blueprint_definitions", BlueprintDefinition.class);
        blueprints = store.table("blueprints", Blueprint.class);
        ids = store.table("blueprint_ids", String.class);
        history = store.table("blueprint_history", BlueprintHistory.class);
    }

    public Optional<BlueprintDefinition> definition(String colonyName, String name) {
        return definitions.get(Table.key(colonyName, name));
    }

    /** A colony's definitions, by name. */
    public List<BlueprintDefinition> definitionsOf(String colonyName) {
        return definitions.valuesUnder(colonyName);
    }

    /** The colony's definition whose {@code spec.names.kind} is {@code kind}. */
    public Optional<BlueprintDefinition> definitionOfKind(String colonyName, String kind) {
        return definitionsOf(colonyName).stream().filter(d -> d.blueprintKind().equals(kind)).findFirst();
    }

    public void putDefinition(BlueprintDefinition definition) {
        definitions.put(Table.key(definition.metadata().colonyName(), definition.metadata().name()), definition);
    }

    public void removeDefinition(BlueprintDefinition definition) {
        definitions.remove(Table.key(definition.metadata().colonyName(), definition.metadata().name()));
    }

    public Optional<Blueprint> blueprint(String colonyName, String name) {
        return blueprints.get(Table.key(colonyName, name));
    }

    public Optional<Blueprint> blueprintById(String blueprintId) {
        return ids.get(blueprintId).flatMap(blueprints::get);
    }

    /** A colony's blueprints, by name. */
    public List<Blueprint> blueprintsOf(String colonyName) {
        return blueprints.valuesUnder(colonyName);
    }

    public void putBlueprint(Blueprint blueprint) {
        String key = Table.key(blueprint.metadata().colonyName(), blueprint.metadata().name());
        blueprints.put(key, blueprint);
        ids.put(blueprint.blueprintId(), key);
    }

    public void removeBlueprint(Blueprint blueprint) {
        blueprints.remove(Table.key(blueprint.metadata().colonyName(), blueprint.metadata().name()));
        ids.remove(blueprint.blueprintId());
    }

    public void addHistory(BlueprintHistory entry) {
        history.put(Table.key(entry.blueprintId(), SortKey.descending(GoTime.toUnixNanos(entry.timestamp())),
                entry.historyId()), entry);
    }

    /** A blueprint's history, newest first, at most {@code limit}. */
    public List<BlueprintHistory> history(String blueprintId, long limit) {
        return history.keyStreamUnder(blueprintId).limit(limit).map(history::get).flatMap(Optional::stream).toList();
    }

    /** Removes a colony's definitions, blueprints and their histories. */
    public void removeColony(String colonyName) {
        for (Blueprint blueprint : blueprintsOf(colonyName)) {
            removeBlueprint(blueprint);
            history.keyStreamUnder(blueprint.blueprintId()).toList().forEach(history::remove);
        }
        definitionsOf(colonyName).forEach(this::removeDefinition);
    }
}
