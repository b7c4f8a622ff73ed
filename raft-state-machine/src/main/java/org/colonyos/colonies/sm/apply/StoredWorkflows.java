package org.colonyos.colonies.sm.apply;

import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.json.JsonDecodeException;
import org.colonyos.colonies.proto.model.WorkflowSpec;
import org.colonyos.colonies.sm.Rejection;

/**
 * The workflow a cron or generator keeps as a JSON string (its {@code workflowspec}): read in the colony of its
 * owner, and checked whole when it is added, so that a later run cannot fail on it. Stateless.
 */
final class StoredWorkflows {
    private StoredWorkflows() {
    }

    /** The workflow of a stored string, in {@code colony}, checked (it was checked when stored). */
    static WorkflowApplier.Checked read(String json, String colony) {
        WorkflowSpec spec = Json.parse(json, WorkflowSpec.class);
        return WorkflowApplier.check(new WorkflowSpec(colony, spec.functionSpecs()));
    }

    /**
     * Checks a workflow string as {@code submitworkflowspecmsg} would check its workflow.
     *
     * @throws Rejection 400 {@code Failed to <operation>, invalid workflow spec: <why>}
     */
    static void check(String json, String colony, String operation) {
        try {
            read(json, colony);
        } catch (JsonDecodeException | Rejection e) {
            throw Rejection.badRequest("Failed to " + operation + ", invalid workflow spec: " + e.getMessage());
        }
    }
}
