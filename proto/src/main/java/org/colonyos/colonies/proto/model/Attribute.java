package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A key/value attached to a process (protocol 5.7). {@code state} mirrors the process state. Immutable.
 */
public record Attribute(
        @JsonProperty("attributeid") String attributeId,
        @JsonProperty("targetid") String targetId,
        @JsonProperty("targetcolonyname") String targetColonyName,
        @JsonProperty("targetprocessgraphid") String targetProcessGraphId,
        @JsonProperty("state") int state,
        @JsonProperty("attributetype") int attributeType,
        @JsonProperty("key") String key,
        @JsonProperty("value") String value) {

    public static final int IN = 0;
    public static final int OUT = 1;
    public static final int ERR = 2;
    public static final int ENV = 3;

    public Attribute withState(int newState) {
        return new Attribute(attributeId, targetId, targetColonyName, targetProcessGraphId, newState, attributeType,
                key, value);
    }
}
