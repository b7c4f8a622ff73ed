package org.colonyos.colonies.proto.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.colonyos.colonies.proto.model.Attribute;
import org.colonyos.colonies.proto.model.Function;

/** Payloads of attributes, logs and functions (protocol 4.5, 4.8, 4.9). */
public final class RecordPayloads {
    private RecordPayloads() {
    }

    /** {@code addattributemsg}. */
    public record AddAttribute(@JsonProperty("attribute") Attribute attribute) implements Payload {
    }

    /** {@code getattributemsg}. */
    public record AttributeRef(@JsonProperty("attributeid") String attributeId) implements Payload {
    }

    /** {@code addlogmsg}. */
    public record AddLog(
            @JsonProperty("processid") String processId,
            @JsonProperty("message") String message) implements Payload {
    }

    /** {@code addexecutorlogmsg}. */
    public record AddExecutorLog(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("executorname") String executorName,
            @JsonProperty("message") String message) implements Payload {
    }

    /** {@code getlogsmsg}: by executor name when given, else by process; {@code since} in Unix nanoseconds. */
    public record GetLogs(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("processid") String processId,
            @JsonProperty("executorname") String executorName,
            @JsonProperty("count") int count,
            @JsonProperty("since") long since,
            @JsonProperty("latest") boolean latest) implements Payload {
    }

    /** {@code searchlogsmsg}. */
    public record SearchLogs(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("text") String text,
            @JsonProperty("days") int days,
            @JsonProperty("count") int count) implements Payload {
    }

    /** {@code addfunctionmsg} (the key is {@code fun}). */
    public record AddFunction(@JsonProperty("fun") Function function) implements Payload {
    }

    /** {@code getfunctionsmsg}: all functions of the colony when {@code executorname} is empty. */
    public record GetFunctions(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("executorname") String executorName) implements Payload {
    }

    /** {@code removefunctionmsg}. */
    public record FunctionRef(@JsonProperty("functionid") String functionId) implements Payload {
    }
}
