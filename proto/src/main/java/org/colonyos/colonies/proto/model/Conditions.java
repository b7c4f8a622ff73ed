package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Where a process may run (protocol 5.4): colony, executor type, optional executor names and location, and
 * the resources it needs. {@code executornames} stays {@code null} when not given (Go nil slice). Immutable.
 */
public record Conditions(
        @JsonProperty("colonyname") String colonyName,
        @JsonProperty("executornames") List<String> executorNames,
        @JsonProperty("executortype") String executorType,
        @JsonProperty("locationname") @JsonInclude(JsonInclude.Include.NON_EMPTY) String locationName,
        @JsonProperty("dependencies") List<String> dependencies,
        @JsonProperty("nodes") int nodes,
        @JsonProperty("cpu") String cpu,
        @JsonProperty("processes") int processes,
        @JsonProperty("processespernode") int processesPerNode,
        @JsonProperty("mem") String mem,
        @JsonProperty("storage") String storage,
        @JsonProperty("gpu") Capabilities.Gpu gpu,
        @JsonProperty("walltime") long wallTime) {

    public static final Conditions NONE = of("", "");

    public Conditions {
        dependencies = dependencies == null ? List.of() : dependencies;
        gpu = gpu == null ? Capabilities.Gpu.NONE : gpu;
    }

    /** Conditions naming only a colony and an executor type. */
    public static Conditions of(String colonyName, String executorType) {
        return new Conditions(colonyName, null, executorType, "", List.of(), 0, "", 0, 0, "", "",
                Capabilities.Gpu.NONE, 0);
    }

    public Conditions withColonyName(String name) {
        return new Conditions(name, executorNames, executorType, locationName, dependencies, nodes, cpu, processes,
                processesPerNode, mem, storage, gpu, wallTime);
    }

    /** The conditions for executors at a location only. */
    public Conditions withLocation(String location) {
        return new Conditions(colonyName, executorNames, executorType, location, dependencies, nodes, cpu, processes,
                processesPerNode, mem, storage, gpu, wallTime);
    }

    public Conditions withExecutorNames(List<String> names) {
        return new Conditions(colonyName, names, executorType, locationName, dependencies, nodes, cpu, processes,
                processesPerNode, mem, storage, gpu, wallTime);
    }

    /** The conditions with other workflow dependencies (node names of the parents). */
    public Conditions withDependencies(List<String> nodeNames) {
        return new Conditions(colonyName, executorNames, executorType, locationName, nodeNames, nodes, cpu, processes,
                processesPerNode, mem, storage, gpu, wallTime);
    }

    public Conditions withResources(String newCpu, String newMem, String newStorage, Capabilities.Gpu newGpu) {
        return new Conditions(colonyName, executorNames, executorType, locationName, dependencies, nodes, newCpu,
                processes, processesPerNode, newMem, newStorage, newGpu, wallTime);
    }
}
