package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Counters of a colony or of the whole server (protocol 5.14). Immutable. */
public record Statistics(
        @JsonProperty("colonies") int colonies,
        @JsonProperty("executors") int executors,
        @JsonProperty("activeexecutors") int activeExecutors,
        @JsonProperty("unregisteredexecutors") int unregisteredExecutors,
        @JsonProperty("waitingprocesses") int waitingProcesses,
        @JsonProperty("runningprocesses") int runningProcesses,
        @JsonProperty("successfulprocesses") int successfulProcesses,
        @JsonProperty("failedprocesses") int failedProcesses,
        @JsonProperty("cancelledprocesses") int cancelledProcesses,
        @JsonProperty("waitingworkflows") int waitingWorkflows,
        @JsonProperty("runningworkflows") int runningWorkflows,
        @JsonProperty("successfulworkflows") int successfulWorkflows,
        @JsonProperty("failedworkflows") int failedWorkflows,
        @JsonProperty("cancelledworkflows") int cancelledWorkflows) {
}
