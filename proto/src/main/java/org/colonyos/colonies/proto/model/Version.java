package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Reply of {@code versionmsg}. Immutable. */
public record Version(
        @JsonProperty("buildversion") String buildVersion,
        @JsonProperty("buildtime") String buildTime,
        @JsonProperty("msgtype") String msgType) {
}
