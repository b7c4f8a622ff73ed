package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.colonyos.colonies.proto.json.GoTime;

/**
 * An executor: a worker registered in one colony, identified by the id of its key. Immutable; the
 * {@code with*} methods return changed copies.
 */
public record Executor(
        @JsonProperty("executorid") String executorId,
        @JsonProperty("executortype") String executorType,
        @JsonProperty("executorname") String executorName,
        @JsonProperty("colonyname") String colonyName,
        @JsonProperty("state") int state,
        @JsonProperty("requirefuncreg") boolean requireFuncReg,
        @JsonProperty("commissiontime") Instant commissionTime,
        @JsonProperty("lastheardfromtime") Instant lastHeardFromTime,
        @JsonProperty("locationname") @JsonInclude(JsonInclude.Include.NON_EMPTY) String locationName,
        @JsonProperty("capabilities") Capabilities capabilities,
        @JsonProperty("allocations") Allocations allocations,
        @JsonProperty("blueprintid") @JsonInclude(JsonInclude.Include.NON_EMPTY) String blueprintId,
        @JsonProperty("blueprintgen") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long blueprintGen) {

    /** Fills Go zero values for absent parts. */
    public Executor {
        commissionTime = commissionTime == null ? GoTime.ZERO : commissionTime;
        lastHeardFromTime = lastHeardFromTime == null ? GoTime.ZERO : lastHeardFromTime;
        capabilities = capabilities == null ? Capabilities.NONE : capabilities;
        allocations = allocations == null ? Allocations.NONE : allocations;
    }

    /** A minimal executor as clients register it. */
    public static Executor of(String id, String type, String name, String colonyName) {
        return new Executor(id, type, name, colonyName, ExecutorState.PENDING, false, GoTime.ZERO, GoTime.ZERO,
                "", Capabilities.NONE, Allocations.NONE, "", 0);
    }

    public Executor withState(int newState) {
        return new Executor(executorId, executorType, executorName, colonyName, newState, requireFuncReg,
                commissionTime, lastHeardFromTime, locationName, capabilities, allocations, blueprintId, blueprintGen);
    }

    /** The executor at a location (processes naming a location only go to executors there). */
    public Executor withLocation(String location) {
        return new Executor(executorId, executorType, executorName, colonyName, state, requireFuncReg,
                commissionTime, lastHeardFromTime, location, capabilities, allocations, blueprintId, blueprintGen);
    }

    public Executor withId(String newId) {
        return new Executor(newId, executorType, executorName, colonyName, state, requireFuncReg,
                commissionTime, lastHeardFromTime, locationName, capabilities, allocations, blueprintId, blueprintGen);
    }

    public Executor withCommissionTime(Instant time) {
        return new Executor(executorId, executorType, executorName, colonyName, state, requireFuncReg,
                time, lastHeardFromTime, locationName, capabilities, allocations, blueprintId, blueprintGen);
    }

    public Executor withCapabilities(Capabilities newCapabilities) {
        return new Executor(executorId, executorType, executorName, colonyName, state, requireFuncReg,
                commissionTime, lastHeardFromTime, locationName, newCapabilities, allocations, blueprintId,
                blueprintGen);
    }

    public Executor withAllocations(Allocations newAllocations) {
        return new Executor(executorId, executorType, executorName, colonyName, state, requireFuncReg,
                commissionTime, lastHeardFromTime, locationName, capabilities, newAllocations, blueprintId,
                blueprintGen);
    }

    public Executor withLastHeardFromTime(Instant time) {
        return new Executor(executorId, executorType, executorName, colonyName, state, requireFuncReg,
                commissionTime, time, locationName, capabilities, allocations, blueprintId, blueprintGen);
    }
}
