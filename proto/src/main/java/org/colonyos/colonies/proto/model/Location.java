package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A named place in a colony (protocol 5.15) that executors and processes can name ({@code locationname}) to
 * constrain where processes run. Stored as sent; its id is the client's. Immutable.
 */
public record Location(
        @JsonProperty("locationid") String locationId,
        @JsonProperty("name") String name,
        @JsonProperty("colonyname") String colonyName,
        @JsonProperty("description") String description,
        @JsonProperty("long") double longitude,
        @JsonProperty("lat") double latitude) {

    public Location {
        locationId = locationId == null ? "" : locationId;
        name = name == null ? "" : name;
        colonyName = colonyName == null ? "" : colonyName;
        description = description == null ? "" : description;
    }
}
