package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Declares a kind of {@link Blueprint} in a colony (protocol 5.17): {@code spec.names.kind} is the kind,
 * {@code spec.schema} an optional JSON schema of its blueprints' {@code spec}, and {@code spec.handler} the
 * executor type and function that reconcile them. The spec is kept as sent. Immutable.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BlueprintDefinition(
        @JsonProperty("blueprintdefinitionid") String definitionId,
        @JsonProperty("kind") String kind,
        @JsonProperty("metadata") Blueprint.Metadata metadata,
        @JsonProperty("spec") Map<String, Object> spec) {

    public BlueprintDefinition {
        definitionId = definitionId == null ? "" : definitionId;
        kind = kind == null ? "" : kind;
        metadata = metadata == null ? Blueprint.Metadata.of("", "") : metadata;
        spec = spec == null ? Map.of() : spec;
    }

    public BlueprintDefinition withId(String id) {
        return new BlueprintDefinition(id, kind, metadata, spec);
    }

    /** The kind its blueprints name: {@code spec.names.kind}. */
    public String blueprintKind() {
        return text(part("names").get("kind"));
    }

    /** {@code spec.schema}, or an empty map. */
    public Map<String, Object> schema() {
        return part("schema");
    }

    public String handlerExecutorType() {
        return text(part("handler").get("executorType"));
    }

    public String handlerFunctionName() {
        return text(part("handler").get("functionName"));
    }

    /** Whether blueprints of this kind are reconciled: a handler with an executor type and a function. */
    public boolean hasHandler() {
        return !handlerExecutorType().isEmpty() && !handlerFunctionName().isEmpty();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> part(String name) {
        Object value = spec.get(name);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String text(Object value) {
        return value instanceof String s ? s : "";
    }
}
