package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What a submitter asks for: the function, its arguments, limits and scheduling conditions (protocol 5.4).
 * Free-form values ({@code args}, {@code kwargs}) are generic JSON. Immutable.
 */
public record FunctionSpec(
        @JsonProperty("nodename") String nodeName,
        @JsonProperty("funcname") String funcName,
        @JsonProperty("args") List<Object> args,
        @JsonProperty("kwargs") Map<String, Object> kwargs,
        @JsonProperty("priority") int priority,
        @JsonProperty("maxwaittime") int maxWaitTime,
        @JsonProperty("maxexectime") int maxExecTime,
        @JsonProperty("maxretries") int maxRetries,
        @JsonProperty("conditions") Conditions conditions,
        @JsonProperty("label") String label,
        @JsonProperty("fs") Filesystem fs,
        @JsonProperty("env") Map<String, String> env,
        @JsonProperty("channels") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> channels) {

    /** Fills the Go server's normalized shape: empty lists and maps instead of null. */
    public FunctionSpec {
        args = args == null ? List.of() : args;
        kwargs = kwargs == null ? Map.of() : kwargs;
        conditions = conditions == null ? Conditions.NONE : conditions;
        fs = fs == null ? Filesystem.NONE : fs;
        env = env == null ? Map.of() : env;
    }

    /** A minimal spec: a function for an executor type in a colony, no limits. */
    public static FunctionSpec of(String colonyName, String executorType, String funcName, List<Object> args) {
        return new FunctionSpec("", funcName, args, Map.of(), 0, -1, -1, 0,
                Conditions.of(colonyName, executorType), "", Filesystem.NONE, Map.of(), null);
    }

    /** The spec with other positional arguments and no keyword arguments (a generator's packs). */
    public FunctionSpec withArgs(List<Object> newArgs) {
        return new FunctionSpec(nodeName, funcName, newArgs, Map.of(), priority, maxWaitTime, maxExecTime, maxRetries,
                conditions, label, fs, env, channels);
    }

    /** The spec with channels between its submitter and its executor. */
    public FunctionSpec withChannels(List<String> names) {
        return new FunctionSpec(nodeName, funcName, args, kwargs, priority, maxWaitTime, maxExecTime, maxRetries,
                conditions, label, fs, env, names);
    }

    /** The spec with CFS mounts for its executor. */
    public FunctionSpec withFs(Filesystem newFs) {
        return new FunctionSpec(nodeName, funcName, args, kwargs, priority, maxWaitTime, maxExecTime, maxRetries,
                conditions, label, newFs, env, channels);
    }

    /** The spec under another workflow node name. */
    public FunctionSpec withNodeName(String name) {
        return new FunctionSpec(name, funcName, args, kwargs, priority, maxWaitTime, maxExecTime, maxRetries,
                conditions, label, fs, env, channels);
    }

    /** The spec as a workflow node that waits for the nodes named (its {@code conditions.dependencies}). */
    public FunctionSpec dependingOn(String... nodeNames) {
        return withConditions(conditions.withDependencies(List.of(nodeNames)));
    }

    public FunctionSpec withConditions(Conditions newConditions) {
        return new FunctionSpec(nodeName, funcName, args, kwargs, priority, maxWaitTime, maxExecTime, maxRetries,
                newConditions, label, fs, env, channels);
    }

    public FunctionSpec withLimits(int waitSeconds, int execSeconds, int retries) {
        return new FunctionSpec(nodeName, funcName, args, kwargs, priority, waitSeconds, execSeconds, retries,
                conditions, label, fs, env, channels);
    }

    public FunctionSpec withPriority(int newPriority) {
        return new FunctionSpec(nodeName, funcName, args, kwargs, newPriority, maxWaitTime, maxExecTime, maxRetries,
                conditions, label, fs, env, channels);
    }

    public FunctionSpec withLabel(String newLabel) {
        return new FunctionSpec(nodeName, funcName, args, kwargs, priority, maxWaitTime, maxExecTime, maxRetries,
                conditions, newLabel, fs, env, channels);
    }

    public FunctionSpec withKwargsAndEnv(Map<String, Object> newKwargs, Map<String, String> newEnv) {
        return new FunctionSpec(nodeName, funcName, args, newKwargs, priority, maxWaitTime, maxExecTime, maxRetries,
                conditions, label, fs, newEnv, channels);
    }

    /** CFS mounts for executors; stored and returned as sent. */
    public record Filesystem(
            @JsonProperty("mount") String mount,
            @JsonProperty("snapshots") List<Object> snapshots,
            @JsonProperty("dirs") List<Object> dirs) {
        public static final Filesystem NONE = new Filesystem("", null, null);
    }
}
