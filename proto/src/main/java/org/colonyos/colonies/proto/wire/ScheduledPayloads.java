package org.colonyos.colonies.proto.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.colonyos.colonies.proto.model.Cron;
import org.colonyos.colonies.proto.model.Generator;

/** Payloads of crons and generators (protocol 4.10, 4.11). */
public final class ScheduledPayloads {
    private ScheduledPayloads() {
    }

    /** {@code addcronmsg}. */
    public record AddCron(@JsonProperty("cron") Cron cron) implements Payload {
    }

    /** {@code getcronmsg}, {@code runcronmsg}, {@code removecronmsg} ({@code all} is ignored). */
    public record CronRef(
            @JsonProperty("cronid") String cronId,
            @JsonProperty("all") boolean all) implements Payload {
    }

    /** {@code getcronsmsg} and {@code getgeneratorsmsg}: a colony's first {@code count}, by name. */
    public record ColonyListing(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("count") int count) implements Payload {
    }

    /** {@code addgeneratormsg}. */
    public record AddGenerator(@JsonProperty("generator") Generator generator) implements Payload {
    }

    /** {@code getgeneratormsg}, {@code removegeneratormsg} ({@code all} is ignored). */
    public record GeneratorRef(
            @JsonProperty("generatorid") String generatorId,
            @JsonProperty("all") boolean all) implements Payload {
    }

    /** {@code resolvegeneratormsg}: a generator by name. */
    public record ResolveGenerator(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("generatorname") String generatorName) implements Payload {
    }

    /** {@code packgeneratormsg}: one more argument for the generator's next workflow. */
    public record PackGenerator(
            @JsonProperty("generatorid") String generatorId,
            @JsonProperty("arg") String arg) implements Payload {
    }
}
