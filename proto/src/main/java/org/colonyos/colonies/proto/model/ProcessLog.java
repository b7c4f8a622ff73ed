package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One log line written by an executor (protocol 5.8); {@code processid} is empty for executor logs and
 * {@code timestamp} is Unix nanoseconds. Immutable.
 */
public record ProcessLog(
        @JsonProperty("processid") String processId,
        @JsonProperty("colonyname") String colonyName,
        @JsonProperty("executorname") String executorName,
        @JsonProperty("message") String message,
        @JsonProperty("timestamp") long timestamp) {
}
