package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A colony: a named tenant owned by the key whose id is {@code colonyid}. Immutable.
 *
 * @param colonyId id of the colony owner key (64 hex)
 * @param name unique colony name
 */
public record Colony(@JsonProperty("colonyid") String colonyId, @JsonProperty("name") String name) {
}
