package org.colonyos.colonies.proto.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.colonyos.colonies.proto.model.User;

/** Payloads of the user domain. */
public final class UserPayloads {
    private UserPayloads() {
    }

    /** {@code addusermsg}. */
    public record AddUser(@JsonProperty("user") User user) implements Payload {
    }

    /** {@code getusermsg}, {@code removeusermsg}. */
    public record UserRef(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("name") String name) implements Payload {
    }

    /** {@code getuserbyidmsg}, {@code changeuseridmsg}. */
    public record UserIdRef(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("userid") String userId) implements Payload {
    }
}
