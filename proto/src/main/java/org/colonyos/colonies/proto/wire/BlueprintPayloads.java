package org.colonyos.colonies.proto.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.colonyos.colonies.proto.model.Blueprint;
import org.colonyos.colonies.proto.model.BlueprintDefinition;

/** Payloads of blueprints and their definitions (protocol 4.14); {@code namespace} is the colony's name. */
public final class BlueprintPayloads {
    private BlueprintPayloads() {
    }

    /** {@code addblueprintdefinitionmsg}. */
    public record AddDefinition(@JsonProperty("blueprintdefinition") BlueprintDefinition definition)
            implements Payload {
    }

    /** {@code getblueprintdefinitionmsg}. */
    public record DefinitionRef(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("name") String name) implements Payload {
    }

    /** {@code removeblueprintdefinitionmsg}, {@code getblueprintmsg}, {@code removeblueprintmsg}. */
    public record NamespacedRef(
            @JsonProperty("namespace") String namespace,
            @JsonProperty("name") String name) implements Payload {
    }

    /** {@code addblueprintmsg}. */
    public record AddBlueprint(@JsonProperty("blueprint") Blueprint blueprint) implements Payload {
    }

    /** {@code getblueprintsmsg}: a colony's blueprints, optionally of one kind and location. */
    public record GetBlueprints(
            @JsonProperty("namespace") String namespace,
            @JsonProperty("kind") String kind,
            @JsonProperty("locationname") String locationName) implements Payload {
    }

    /** {@code updateblueprintmsg}. */
    public record UpdateBlueprint(
            @JsonProperty("blueprint") Blueprint blueprint,
            @JsonProperty("forcegeneration") boolean forceGeneration) implements Payload {
    }

    /** {@code updateblueprintstatusmsg}. */
    public record UpdateStatus(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("blueprintname") String blueprintName,
            @JsonProperty("status") Map<String, Object> status) implements Payload {
    }

    /** {@code getblueprinthistorymsg}: newest first, at most {@code limit} (0: all). */
    public record GetHistory(
            @JsonProperty("blueprintid") String blueprintId,
            @JsonProperty("limit") int limit) implements Payload {
    }

    /** {@code reconcileblueprintmsg}. */
    public record Reconcile(
            @JsonProperty("namespace") String namespace,
            @JsonProperty("name") String name,
            @JsonProperty("force") boolean force) implements Payload {
    }
}
