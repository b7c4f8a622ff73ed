package org.colonyos.colonies.proto.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The failure document inside an error reply ({@code core.Failure}); {@code status} equals the HTTP status.
 */
public record Failure(@JsonProperty("status") int status, @JsonProperty("message") String message) {
}
