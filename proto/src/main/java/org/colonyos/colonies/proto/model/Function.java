package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A function an executor offers, with call statistics (protocol 5.9; times in seconds). Immutable.
 */
public record Function(
        @JsonProperty("functionid") String functionId,
        @JsonProperty("executorname") String executorName,
        @JsonProperty("executortype") String executorType,
        @JsonProperty("colonyname") String colonyName,
        @JsonProperty("funcname") String funcName,
        @JsonProperty("description") @JsonInclude(JsonInclude.Include.NON_EMPTY) String description,
        @JsonProperty("args") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Object> args,
        @JsonProperty("counter") int counter,
        @JsonProperty("minwaittime") double minWaitTime,
        @JsonProperty("maxwaittime") double maxWaitTime,
        @JsonProperty("minexectime") double minExecTime,
        @JsonProperty("maxexectime") double maxExecTime,
        @JsonProperty("avgwaittime") double avgWaitTime,
        @JsonProperty("avgexectime") double avgExecTime,
        @JsonProperty("locationname") @JsonInclude(JsonInclude.Include.NON_EMPTY) String locationName) {

    /** A function as an executor registers it: no id, no statistics (the server fills them in). */
    public static Function offered(String colonyName, String executorName, String executorType, String funcName) {
        return new Function("", executorName, executorType, colonyName, funcName, "", null, 0, 0, 0, 0, 0, 0, 0, "");
    }

    /** The function as registered: id and location chosen by the server, statistics reset. */
    public Function registered(String id, String location) {
        return new Function(id, executorName, executorType, colonyName, funcName, description, args, 0, 0, 0, 0, 0,
                0, 0, location);
    }

    /**
     * Counts one successful call. Like the Go server, the "average" is (old + new) / 2, and the first call
     * sets every figure.
     */
    public Function withCall(double waitSeconds, double execSeconds) {
        boolean first = counter == 0;
        return new Function(functionId, executorName, executorType, colonyName, funcName, description, args,
                counter + 1,
                first ? waitSeconds : Math.min(minWaitTime, waitSeconds),
                first ? waitSeconds : Math.max(maxWaitTime, waitSeconds),
                first ? execSeconds : Math.min(minExecTime, execSeconds),
                first ? execSeconds : Math.max(maxExecTime, execSeconds),
                first ? waitSeconds : (avgWaitTime + waitSeconds) / 2,
                first ? execSeconds : (avgExecTime + execSeconds) / 2,
                locationName);
    }
}
