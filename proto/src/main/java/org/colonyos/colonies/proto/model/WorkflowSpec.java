package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A workflow as submitted (protocol 5.4): function specs named by {@code nodename}, whose
 * {@code conditions.dependencies} name the nodes they wait for. Immutable; {@code colonyname} and
 * {@code functionspecs} are never null.
 */
public record WorkflowSpec(
        @JsonProperty("colonyname") String colonyName,
        @JsonProperty("functionspecs") List<FunctionSpec> functionSpecs) {

    public WorkflowSpec {
        colonyName = colonyName == null ? "" : colonyName;
        functionSpecs = functionSpecs == null ? List.of() : functionSpecs;
    }
}
