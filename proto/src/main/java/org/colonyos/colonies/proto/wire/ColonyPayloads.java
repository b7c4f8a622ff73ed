package org.colonyos.colonies.proto.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.colonyos.colonies.proto.model.Colony;

/** Payloads of the colony domain. */
public final class ColonyPayloads {
    private ColonyPayloads() {
    }

    /** {@code addcolonymsg}. */
    public record AddColony(@JsonProperty("colony") Colony colony) implements Payload {
    }

    /** {@code removecolonymsg}, {@code getcolonymsg}. */
    public record ColonyRef(@JsonProperty("colonyname") String colonyName) implements Payload {
    }

    /** {@code changecolonyidmsg}. */
    public record ChangeColonyId(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("colonyid") String colonyId) implements Payload {
    }
}
