package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Resource allocations an executor reports per project; {@code projects} is null when none. Immutable. */
public record Allocations(@JsonProperty("projects") Map<String, Project> projects) {
    public static final Allocations NONE = new Allocations(null);

    /** Allocated and used resources of one project. */
    public record Project(
            @JsonProperty("allocatedcpu") long allocatedCpu,
            @JsonProperty("usedcpu") long usedCpu,
            @JsonProperty("allocatedgpu") long allocatedGpu,
            @JsonProperty("usedgpu") long usedGpu,
            @JsonProperty("allocatedstorage") long allocatedStorage,
            @JsonProperty("usedstorage") long usedStorage) {
    }
}
