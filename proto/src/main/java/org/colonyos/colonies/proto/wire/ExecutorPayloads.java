package org.colonyos.colonies.proto.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.colonyos.colonies.proto.model.Allocations;
import org.colonyos.colonies.proto.model.Capabilities;
import org.colonyos.colonies.proto.model.Executor;

/** Payloads of the executor domain. */
public final class ExecutorPayloads {
    private ExecutorPayloads() {
    }

    /** {@code addexecutormsg}. */
    public record AddExecutor(@JsonProperty("executor") Executor executor) implements Payload {
    }

    /** {@code approveexecutormsg}, {@code rejectexecutormsg}, {@code removeexecutormsg}, {@code getexecutormsg}. */
    public record ExecutorRef(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("executorname") String executorName) implements Payload {
    }

    /** {@code getexecutorbyidmsg}, {@code changeexecutoridmsg}. */
    public record ExecutorIdRef(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("executorid") String executorId) implements Payload {
    }

    /** {@code reportallocationmsg}. */
    public record ReportAllocation(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("executorname") String executorName,
            @JsonProperty("allocations") Allocations allocations) implements Payload {
    }

    /** {@code updateexecutormsg}. */
    public record UpdateExecutor(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("executorname") String executorName,
            @JsonProperty("capabilities") Capabilities capabilities) implements Payload {
    }
}
