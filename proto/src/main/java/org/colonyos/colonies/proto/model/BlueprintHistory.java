package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/** One change of a blueprint (protocol 5.17): who made it, when, and the spec and status then. Immutable. */
public record BlueprintHistory(
        @JsonProperty("historyid") String historyId,
        @JsonProperty("blueprintid") String blueprintId,
        @JsonProperty("kind") String kind,
        @JsonProperty("namespace") String namespace,
        @JsonProperty("name") String name,
        @JsonProperty("generation") long generation,
        @JsonProperty("spec") Map<String, Object> spec,
        @JsonProperty("status") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> status,
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("changedby") String changedBy,
        @JsonProperty("changetype") String changeType) {

    /** An empty status is not written, so it reads back as none. */
    public BlueprintHistory {
        status = status == null || status.isEmpty() ? null : status;
    }

    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";

    /** The history entry of a change to a blueprint. */
    public static BlueprintHistory of(String id, Blueprint blueprint, Instant time, String changedBy, String type) {
        return new BlueprintHistory(id, blueprint.blueprintId(), blueprint.kind(), blueprint.metadata().colonyName(),
                blueprint.metadata().name(), blueprint.metadata().generation(), blueprint.spec(), blueprint.status(),
                time, changedBy, type);
    }
}
