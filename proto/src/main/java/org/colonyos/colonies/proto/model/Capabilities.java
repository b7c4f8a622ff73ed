package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What an executor offers. Lists are {@code null} when the executor reported none (Go nil slices).
 * Immutable.
 */
public record Capabilities(
        @JsonProperty("hardware") List<Hardware> hardware,
        @JsonProperty("software") List<Software> software) {

    public static final Capabilities NONE = new Capabilities(null, null);

    /** One machine type. */
    public record Hardware(
            @JsonProperty("model") String model,
            @JsonProperty("nodes") int nodes,
            @JsonProperty("cpu") String cpu,
            @JsonProperty("cores") int cores,
            @JsonProperty("mem") String mem,
            @JsonProperty("storage") String storage,
            @JsonProperty("gpu") Gpu gpu,
            @JsonProperty("platform") String platform,
            @JsonProperty("architecture") String architecture,
            @JsonProperty("network") List<String> network) {

        public Hardware {
            gpu = gpu == null ? Gpu.NONE : gpu;
        }
    }

    /** GPUs of a machine type. */
    public record Gpu(
            @JsonProperty("name") String name,
            @JsonProperty("mem") String mem,
            @JsonProperty("count") int count,
            @JsonProperty("nodecount") int nodeCount) {
        public static final Gpu NONE = new Gpu("", "", 0, 0);
    }

    /** One piece of installed software. */
    public record Software(
            @JsonProperty("name") String name,
            @JsonProperty("type") String type,
            @JsonProperty("version") String version) {
    }
}
