package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.colonyos.colonies.proto.json.GoTime;

/**
 * A workflow run periodically (protocol 5.11): every {@code interval} seconds, or at the times of
 * {@code cronexpression} (six fields with seconds, UTC) when {@code interval} is -1. {@code workflowspec} is a
 * WorkflowSpec as a JSON string. {@code checkerperiod} is filled in {@code getcronmsg} replies only. Immutable.
 */
public record Cron(
        @JsonProperty("cronid") String cronId,
        @JsonProperty("initiatorid") String initiatorId,
        @JsonProperty("initiatorname") String initiatorName,
        @JsonProperty("colonyname") String colonyName,
        @JsonProperty("name") String name,
        @JsonProperty("cronexpression") String cronExpression,
        @JsonProperty("interval") int interval,
        @JsonProperty("random") boolean random,
        @JsonProperty("nextrun") Instant nextRun,
        @JsonProperty("lastrun") Instant lastRun,
        @JsonProperty("workflowspec") String workflowSpec,
        @JsonProperty("prevprocessgraphid") String prevProcessGraphId,
        @JsonProperty("waitforprevprocessgraph") boolean waitForPrevProcessGraph,
        @JsonProperty("checkerperiod") int checkerPeriod) {

    public Cron {
        cronId = cronId == null ? "" : cronId;
        initiatorId = initiatorId == null ? "" : initiatorId;
        initiatorName = initiatorName == null ? "" : initiatorName;
        colonyName = colonyName == null ? "" : colonyName;
        name = name == null ? "" : name;
        cronExpression = cronExpression == null ? "" : cronExpression;
        nextRun = nextRun == null ? GoTime.ZERO : nextRun;
        lastRun = lastRun == null ? GoTime.ZERO : lastRun;
        workflowSpec = workflowSpec == null ? "" : workflowSpec;
        prevProcessGraphId = prevProcessGraphId == null ? "" : prevProcessGraphId;
    }

    /** A cron to add: run {@code workflowSpec} (JSON) in a colony every {@code interval} s or by an expression. */
    public static Cron of(String colonyName, String name, String cronExpression, int interval, String workflowSpec,
            boolean waitForPrevProcessGraph) {
        return new Cron("", "", "", colonyName, name, cronExpression, interval, false, null, null, workflowSpec, "",
                waitForPrevProcessGraph, 0);
    }

    /** The cron as registered: its id and initiator, its first run. */
    public Cron registered(String id, String initiator, String initiatorNameOf, Instant firstRun) {
        return new Cron(id, initiator, initiatorNameOf, colonyName, name, cronExpression, interval, random, firstRun,
                GoTime.ZERO, workflowSpec, "", waitForPrevProcessGraph, 0);
    }

    /** The cron after a run that started {@code graphId} at {@code now}, next due at {@code next}. */
    public Cron ran(String graphId, Instant now, Instant next) {
        return new Cron(cronId, initiatorId, initiatorName, colonyName, name, cronExpression, interval, random, next,
                now, workflowSpec, graphId, waitForPrevProcessGraph, 0);
    }

    /** The cron as {@code getcronmsg} shows it: with the server's checker period in ms. */
    public Cron withCheckerPeriod(int millis) {
        return new Cron(cronId, initiatorId, initiatorName, colonyName, name, cronExpression, interval, random,
                nextRun, lastRun, workflowSpec, prevProcessGraphId, waitForPrevProcessGraph, millis);
    }
}
