package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import org.colonyos.colonies.proto.json.GoTime;

/**
 * A declarative desired-state object (protocol 5.17): an instance of a kind its colony's
 * {@link BlueprintDefinition} declares, with a free-form desired {@code spec} and a reported {@code status}.
 * Unknown fields clients send (the TypeScript SDK adds {@code handler}) are dropped. Immutable.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Blueprint(
        @JsonProperty("blueprintid") String blueprintId,
        @JsonProperty("kind") String kind,
        @JsonProperty("metadata") Metadata metadata,
        @JsonProperty("spec") Map<String, Object> spec,
        @JsonProperty("status") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> status) {

    public Blueprint {
        blueprintId = blueprintId == null ? "" : blueprintId;
        kind = kind == null ? "" : kind;
        metadata = metadata == null ? Metadata.of("", "") : metadata;
        spec = spec == null ? Map.of() : spec;
        status = status == null ? Map.of() : status;
    }

    public Blueprint with(String id, Metadata newMetadata) {
        return new Blueprint(id, kind, newMetadata, spec, status);
    }

    public Blueprint withStatus(Map<String, Object> newStatus) {
        return new Blueprint(blueprintId, kind, metadata, spec, newStatus);
    }

    /** The metadata of blueprints and definitions. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metadata(
            @JsonProperty("name") String name,
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("locationname") @JsonInclude(JsonInclude.Include.NON_EMPTY) String locationName,
            @JsonProperty("labels") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> labels,
            @JsonProperty("annotations") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> annotations,
            @JsonProperty("generation") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long generation,
            @JsonProperty("createdAt") Instant createdAt,
            @JsonProperty("updatedAt") Instant updatedAt,
            @JsonProperty("lastReconciliationTime") Instant lastReconciliationTime,
            @JsonProperty("lastReconciliationProcess") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            String lastReconciliationProcess) {

        public Metadata {
            name = name == null ? "" : name;
            colonyName = colonyName == null ? "" : colonyName;
            locationName = locationName == null ? "" : locationName;
            labels = labels == null ? Map.of() : labels;
            annotations = annotations == null ? Map.of() : annotations;
            createdAt = createdAt == null ? GoTime.ZERO : createdAt;
            updatedAt = updatedAt == null ? GoTime.ZERO : updatedAt;
            lastReconciliationTime = lastReconciliationTime == null ? GoTime.ZERO : lastReconciliationTime;
            lastReconciliationProcess = lastReconciliationProcess == null ? "" : lastReconciliationProcess;
        }

        public static Metadata of(String colonyName, String name) {
            return new Metadata(name, colonyName, "", null, null, 0, null, null, null, null);
        }

        public Metadata withLocation(String location) {
            return new Metadata(name, colonyName, location, labels, annotations, generation, createdAt, updatedAt,
                    lastReconciliationTime, lastReconciliationProcess);
        }

        /** The metadata at a generation, created and updated at the times given. */
        public Metadata at(long newGeneration, Instant created, Instant updated) {
            return new Metadata(name, colonyName, locationName, labels, annotations, newGeneration, created, updated,
                    lastReconciliationTime, lastReconciliationProcess);
        }

        /** The metadata after a reconciliation process was submitted at {@code time}. */
        public Metadata reconciledBy(String processId, Instant time) {
            return new Metadata(name, colonyName, locationName, labels, annotations, generation, createdAt, updatedAt,
                    time, processId);
        }
    }
}
