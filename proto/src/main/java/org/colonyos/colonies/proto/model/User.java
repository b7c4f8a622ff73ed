package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A user: a full member of one colony, identified by the id of its key. Immutable. */
public record User(
        @JsonProperty("colonyname") String colonyName,
        @JsonProperty("userid") String userId,
        @JsonProperty("name") String name,
        @JsonProperty("email") String email,
        @JsonProperty("phone") String phone) {
}
