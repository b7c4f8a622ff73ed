package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Reply of {@code getserverinfomsg}. Immutable. */
public record ServerInfo(
        @JsonProperty("buildversion") String buildVersion,
        @JsonProperty("buildtime") String buildTime,
        @JsonProperty("backends") List<Backend> backends) {

    /** One listener of the server. */
    public record Backend(
            @JsonProperty("type") String type,
            @JsonProperty("port") int port,
            @JsonProperty("host") @JsonInclude(JsonInclude.Include.NON_EMPTY) String host,
            @JsonProperty("tls") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean tls,
            @JsonProperty("insecure") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean insecure) {
    }
}
