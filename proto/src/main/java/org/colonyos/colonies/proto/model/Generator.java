package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.colonyos.colonies.proto.json.GoTime;

/**
 * A workflow run per {@code trigger} packed arguments, or for what is packed once {@code timeout} seconds passed
 * (protocol 5.10). {@code workflowspec} is a WorkflowSpec as a JSON string. {@code queuesize} and
 * {@code checkerperiod} are filled in {@code getgeneratormsg} replies only. Immutable.
 */
public record Generator(
        @JsonProperty("generatorid") String generatorId,
        @JsonProperty("initiatorid") String initiatorId,
        @JsonProperty("initiatorname") String initiatorName,
        @JsonProperty("colonyname") String colonyName,
        @JsonProperty("name") String name,
        @JsonProperty("workflowspec") String workflowSpec,
        @JsonProperty("trigger") int trigger,
        @JsonProperty("timeout") int timeout,
        @JsonProperty("firstpack") Instant firstPack,
        @JsonProperty("lastrun") Instant lastRun,
        @JsonProperty("queuesize") int queueSize,
        @JsonProperty("checkerperiod") int checkerPeriod) {

    public Generator {
        generatorId = generatorId == null ? "" : generatorId;
        initiatorId = initiatorId == null ? "" : initiatorId;
        initiatorName = initiatorName == null ? "" : initiatorName;
        colonyName = colonyName == null ? "" : colonyName;
        name = name == null ? "" : name;
        workflowSpec = workflowSpec == null ? "" : workflowSpec;
        firstPack = firstPack == null ? GoTime.ZERO : firstPack;
        lastRun = lastRun == null ? GoTime.ZERO : lastRun;
    }

    /** A generator to add: run {@code workflowSpec} (JSON) per {@code trigger} args or after {@code timeout} s. */
    public static Generator of(String colonyName, String name, String workflowSpec, int trigger, int timeout) {
        return new Generator("", "", "", colonyName, name, workflowSpec, trigger, timeout, null, null, 0, 0);
    }

    /** The generator as registered: its id and initiator. */
    public Generator registered(String id, String initiator, String initiatorNameOf) {
        return new Generator(id, initiator, initiatorNameOf, colonyName, name, workflowSpec, trigger, timeout, null,
                null, 0, 0);
    }

    /** The generator with other pack and run times. */
    public Generator withTimes(Instant newFirstPack, Instant newLastRun) {
        return new Generator(generatorId, initiatorId, initiatorName, colonyName, name, workflowSpec, trigger, timeout,
                newFirstPack, newLastRun, 0, 0);
    }

    /** The generator as {@code getgeneratormsg} shows it: its queue size and the server's checker period in ms. */
    public Generator withQueue(int size, int checkerPeriodMillis) {
        return new Generator(generatorId, initiatorId, initiatorName, colonyName, name, workflowSpec, trigger, timeout,
                firstPack, lastRun, size, checkerPeriodMillis);
    }
}
