package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.colonyos.colonies.proto.json.GoTime;

/**
 * A process: one execution of a {@link FunctionSpec} (protocol 5.5). Lists are never {@code null} (the Python
 * SDK requires lists). Immutable; change it through {@link #toBuilder()}.
 */
public record ColonyProcess(
        @JsonProperty("processid") String processId,
        @JsonProperty("initiatorid") String initiatorId,
        @JsonProperty("initiatorname") String initiatorName,
        @JsonProperty("assignedexecutorid") String assignedExecutorId,
        @JsonProperty("isassigned") boolean isAssigned,
        @JsonProperty("state") int state,
        @JsonProperty("prioritytime") long priorityTime,
        @JsonProperty("submissiontime") Instant submissionTime,
        @JsonProperty("starttime") Instant startTime,
        @JsonProperty("endtime") Instant endTime,
        @JsonProperty("waitdeadline") Instant waitDeadline,
        @JsonProperty("execdeadline") Instant execDeadline,
        @JsonProperty("retries") int retries,
        @JsonProperty("attributes") List<Attribute> attributes,
        @JsonProperty("spec") FunctionSpec spec,
        @JsonProperty("waitforparents") boolean waitForParents,
        @JsonProperty("parents") List<String> parents,
        @JsonProperty("children") List<String> children,
        @JsonProperty("processgraphid") String processGraphId,
        @JsonProperty("in") List<Object> in,
        @JsonProperty("out") List<Object> out,
        @JsonProperty("errors") List<String> errors) {

    /** One day in nanoseconds: what one step of priority is worth in {@code prioritytime}. */
    public static final long PRIORITY_STEP_NANOS = 86_400_000_000_000L;

    public ColonyProcess {
        submissionTime = orZero(submissionTime);
        startTime = orZero(startTime);
        endTime = orZero(endTime);
        waitDeadline = orZero(waitDeadline);
        execDeadline = orZero(execDeadline);
        attributes = attributes == null ? List.of() : attributes;
        spec = spec == null ? FunctionSpec.of("", "", "", List.of()) : spec;
        parents = parents == null ? List.of() : parents;
        children = children == null ? List.of() : children;
        in = in == null ? List.of() : in;
        out = out == null ? List.of() : out;
        errors = errors == null ? List.of() : errors;
    }

    private static Instant orZero(Instant time) {
        return time == null ? GoTime.ZERO : time;
    }

    /** The colony the process belongs to. */
    public String colonyName() {
        return spec.conditions().colonyName();
    }

    /** The executor type that may run it. */
    public String executorType() {
        return spec.conditions().executorType();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A mutable copy used to derive a changed process. Not thread-safe. */
    public static final class Builder {
        private String processId;
        private String initiatorId;
        private String initiatorName;
        private String assignedExecutorId;
        private boolean isAssigned;
        private int state;
        private long priorityTime;
        private Instant submissionTime;
        private Instant startTime;
        private Instant endTime;
        private Instant waitDeadline;
        private Instant execDeadline;
        private int retries;
        private List<Attribute> attributes;
        private FunctionSpec spec;
        private boolean waitForParents;
        private List<String> parents;
        private List<String> children;
        private String processGraphId;
        private List<Object> in;
        private List<Object> out;
        private List<String> errors;

        private Builder(ColonyProcess p) {
            processId = p.processId;
            initiatorId = p.initiatorId;
            initiatorName = p.initiatorName;
            assignedExecutorId = p.assignedExecutorId;
            isAssigned = p.isAssigned;
            state = p.state;
            priorityTime = p.priorityTime;
            submissionTime = p.submissionTime;
            startTime = p.startTime;
            endTime = p.endTime;
            waitDeadline = p.waitDeadline;
            execDeadline = p.execDeadline;
            retries = p.retries;
            attributes = p.attributes;
            spec = p.spec;
            waitForParents = p.waitForParents;
            parents = p.parents;
            children = p.children;
            processGraphId = p.processGraphId;
            in = p.in;
            out = p.out;
            errors = p.errors;
        }

        /** Sets the assignment: {@code executorId} empty means unassigned. */
        public Builder assignedTo(String executorId) {
            assignedExecutorId = executorId;
            isAssigned = !executorId.isEmpty();
            return this;
        }

        public Builder state(int value) {
            state = value;
            return this;
        }

        public Builder startTime(Instant value) {
            startTime = value;
            return this;
        }

        public Builder endTime(Instant value) {
            endTime = value;
            return this;
        }

        public Builder waitDeadline(Instant value) {
            waitDeadline = value;
            return this;
        }

        public Builder execDeadline(Instant value) {
            execDeadline = value;
            return this;
        }

        public Builder retries(int value) {
            retries = value;
            return this;
        }

        public Builder attributes(List<Attribute> value) {
            attributes = value;
            return this;
        }

        public Builder waitForParents(boolean value) {
            waitForParents = value;
            return this;
        }

        public Builder parents(List<String> value) {
            parents = value;
            return this;
        }

        public Builder children(List<String> value) {
            children = value;
            return this;
        }

        public Builder processGraphId(String value) {
            processGraphId = value;
            return this;
        }

        public Builder in(List<Object> value) {
            in = value;
            return this;
        }

        public Builder out(List<Object> value) {
            out = value;
            return this;
        }

        public Builder errors(List<String> value) {
            errors = value;
            return this;
        }

        public ColonyProcess build() {
            return new ColonyProcess(processId, initiatorId, initiatorName, assignedExecutorId, isAssigned, state,
                    priorityTime, submissionTime, startTime, endTime, waitDeadline, execDeadline, retries, attributes,
                    spec, waitForParents, parents, children, processGraphId, in, out, errors);
        }
    }
}
