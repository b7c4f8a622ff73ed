package org.colonyos.colonies.sm.apply;

import java.util.ArrayList;
import java.util.List;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.log.AddChild;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessGraph;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.state.ColoniesState;

/**
 * Applies {@code addchildmsg} (protocol 4.7): the executor running a process of a graph extends the graph after
 * that process. Appended, the new process waits for the parent (and, given a child, becomes one more parent of
 * that waiting child); inserted, it takes the parent's place before all the parent's children. Either way no
 * cycle can form: the parent runs, so its ancestors have all succeeded and none of them is a waiting child.
 *
 * <p>Single-threaded: called only from the apply thread.
 */
final class ChildApplier {
    private static final String OPERATION = "add child";

    Object apply(AddChild command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        FunctionSpec sent = Json.parse(command.getSpecJson().toByteArray(), FunctionSpec.class);
        String colony = sent.conditions().colonyName();
        Authorizer.requireMember(state, ctx.callerId(), colony, true);
        ColonyProcess parent = ProcessLifecycle.existing(state, command.getParentProcessId());
        requireExtensibleBy(ctx, parent, command.getProcessGraphId());
        ProcessGraph graph = WorkflowApplier.existing(state, parent.processGraphId(), OPERATION);
        if (!graph.colonyName().equals(colony)) {
            throw Rejection.badRequest("Failed to add child, the child must run in the colony of its graph <"
                    + graph.colonyName() + ">");
        }
        ColonyProcess extraChild = command.getInsert() || command.getChildProcessId().isEmpty() ? null
                : waitingChildOf(state, graph, command.getChildProcessId());
        FunctionSpec spec = WorkflowApplier.workflowSpec(sent, colony);
        String id = ctx.generatedId();
        List<String> children = command.getInsert() ? parent.children()
                : extraChild == null ? List.of() : List.of(extraChild.processId());
        String initiatorName = ProcessApplier.initiatorName(state, ctx.callerId(), colony);
        ColonyProcess child = ProcessApplier.created(ctx, id, spec, ctx.callerId(), initiatorName).toBuilder()
                .processGraphId(graph.processGraphId()).parents(List.of(parent.processId())).children(children)
                .waitForParents(true).build();
        state.graphs().replace(graph, graph.withProcessIds(appended(graph.processIds(), id)));
        RawJson reply = ProcessLifecycle.storeAndReply(ctx, null, child.toBuilder());
        if (command.getInsert()) {
            spliceBefore(ctx, parent.children(), parent.processId(), id);
            ProcessLifecycle.store(ctx, parent, parent.toBuilder().children(List.of(id)));
        } else {
            ProcessLifecycle.store(ctx, parent, parent.toBuilder().children(appended(parent.children(), id)));
            if (extraChild != null) {
                ProcessLifecycle.store(ctx, extraChild, extraChild.toBuilder().waitForParents(true)
                        .parents(appended(extraChild.parents(), id)));
            }
        }
        return reply;
    }

    /** The parent must be a process of the named graph, RUNNING on the caller. */
    private static void requireExtensibleBy(ApplyContext ctx, ColonyProcess parent, String graphId) {
        if (parent.processGraphId().isEmpty()) {
            throw Rejection.badRequest("Failed to add child, the parent process is not part of a workflow");
        }
        if (!graphId.isEmpty() && !graphId.equals(parent.processGraphId())) {
            throw Rejection.badRequest("Failed to add child, the parent process is not part of process graph <"
                    + graphId + ">");
        }
        if (parent.state() != ProcessState.RUNNING) {
            throw Rejection.badRequest("Failed to add child, the parent process is not running");
        }
        if (!parent.assignedExecutorId().equals(ctx.callerId())) {
            throw Rejection.badRequest("Failed to add child, the parent process is not assigned to the caller");
        }
    }

    /** A process of the graph that still waits to be assigned, to get the new process as one more parent. */
    private static ColonyProcess waitingChildOf(ColoniesState state, ProcessGraph graph, String childId) {
        ColonyProcess child = state.processes().get(childId)
                .filter(p -> p.processGraphId().equals(graph.processGraphId()))
                .orElseThrow(() -> Rejection.badRequest("Failed to add child, process <" + childId
                        + "> is not part of the process graph"));
        if (child.state() != ProcessState.WAITING || child.isAssigned()) {
            throw Rejection.badRequest("Failed to add child, process <" + childId + "> has already started");
        }
        return child;
    }

    /** Each former child of the parent now waits for the inserted process instead of the parent. */
    private static void spliceBefore(ApplyContext ctx, List<String> formerChildren, String parentId, String id) {
        for (String childId : formerChildren) {
            ctx.state().processes().get(childId).ifPresent(child -> ProcessLifecycle.store(ctx, child,
                    child.toBuilder().parents(child.parents().stream().map(p -> p.equals(parentId) ? id : p)
                            .distinct().toList())));
        }
    }

    private static List<String> appended(List<String> ids, String id) {
        List<String> all = new ArrayList<>(ids);
        all.add(id);
        return all;
    }
}
