package org.colonyos.colonies.proto.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.colonyos.colonies.proto.model.FunctionSpec;

/** Payloads of the process domain (protocol 4.6). */
public final class ProcessPayloads {
    private ProcessPayloads() {
    }

    /** {@code submitfuncspecmsg}. */
    public record SubmitFuncSpec(@JsonProperty("spec") FunctionSpec spec) implements Payload {
    }

    /** {@code assignprocessmsg}: {@code timeout} in seconds, > 0 waits, < 0 tries once. */
    public record AssignProcess(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("timeout") int timeout,
            @JsonProperty("availablecpu") String availableCpu,
            @JsonProperty("availablemem") String availableMem) implements Payload {
    }

    /** {@code getprocessmsg}, {@code cancelprocessmsg}, {@code removeprocessmsg} ({@code all} is ignored). */
    public record ProcessRef(
            @JsonProperty("processid") String processId,
            @JsonProperty("all") boolean all) implements Payload {
    }

    /** {@code getprocessesmsg}: one filter applies, executortype before initiator before label. */
    public record GetProcesses(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("count") int count,
            @JsonProperty("state") int state,
            @JsonProperty("executortype") String executorType,
            @JsonProperty("label") String label,
            @JsonProperty("initiator") String initiator) implements Payload {
    }

    /** {@code getprocesshistmsg}. */
    public record GetProcessHist(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("executorid") String executorId,
            @JsonProperty("seconds") int seconds,
            @JsonProperty("state") int state) implements Payload {
    }

    /** {@code removeallprocessesmsg}: state -1 all, 0/2/3/4 one state. */
    public record RemoveAllProcesses(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("state") int state) implements Payload {
    }

    /** {@code setoutputmsg} and {@code closesuccessfulmsg}. */
    public record ProcessOutput(
            @JsonProperty("processid") String processId,
            @JsonProperty("out") List<Object> out) implements Payload {
    }

    /** {@code closefailedmsg}. */
    public record CloseFailed(
            @JsonProperty("processid") String processId,
            @JsonProperty("errors") List<String> errors) implements Payload {
    }

    /** Reply of {@code getpausestatusmsg} (its payloadtype is {@code pausestatusreplymsg}). */
    public record PauseStatus(
            @JsonProperty("msgtype") String msgType,
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("ispaused") boolean isPaused) {
        public static final String MSG_TYPE = "pausestatusreplymsg";

        public static PauseStatus of(String colonyName, boolean paused) {
            return new PauseStatus(MSG_TYPE, colonyName, paused);
        }
    }

    /**
     * {@code subscribeprocessmsg} (WebSocket {@code /pubsub} only): frames with the process each time it
     * enters {@code state}, at once if it already is in it; the socket closes after {@code timeout} seconds.
     */
    public record SubscribeProcess(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("processid") String processId,
            @JsonProperty("executortype") String executorType,
            @JsonProperty("state") int state,
            @JsonProperty("timeout") int timeout) implements Payload {
    }

    /**
     * {@code subscribeprocessesmsg} (WebSocket {@code /pubsub} only): frames with every process of the colony
     * and executor type that enters {@code state}, until the socket closes after {@code timeout} seconds.
     */
    public record SubscribeProcesses(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("executortype") String executorType,
            @JsonProperty("state") int state,
            @JsonProperty("timeout") int timeout) implements Payload {
    }
}
