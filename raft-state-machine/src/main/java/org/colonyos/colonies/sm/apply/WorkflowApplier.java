package org.colonyos.colonies.sm.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.colonyos.colonies.proto.crypto.Sha3;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.log.CancelProcessGraph;
import org.colonyos.colonies.proto.log.RemoveAllProcessGraphs;
import org.colonyos.colonies.proto.log.RemoveProcessGraph;
import org.colonyos.colonies.proto.log.SubmitWorkflow;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessGraph;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.proto.model.WorkflowSpec;
import org.colonyos.colonies.proto.wire.Replies;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.colonyos.colonies.sm.state.Table;

/**
 * Applies the workflow commands (protocol 4.7): submitting a graph, cancelling and removing graphs. Adding a
 * child to a running graph is {@link ChildApplier}'s; how a graph follows its processes is {@link GraphProgress}'s.
 * A workflow is checked whole before anything is stored. The graph id is the entry's generated id and each
 * process id is derived from it and the spec's position ({@link #processId}), so every replica creates the same.
 *
 * <p>Single-threaded: called only from the apply thread.
 */
final class WorkflowApplier {

    /** The id of the process created for the spec at {@code position} of the workflow with id {@code graphId}. */
    static String processId(String graphId, int position) {
        return Sha3.hashHex(graphId + "/" + position);
    }

    /** Creates the graph and its processes: roots assignable at once, the others waiting for their parents. */
    Object apply(SubmitWorkflow command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        WorkflowSpec sent = Json.parse(command.getWorkflowJson().toByteArray(), WorkflowSpec.class);
        Authorizer.requireMember(state, ctx.callerId(), sent.colonyName(), true);
        Initiator initiator = new Initiator(ctx.callerId(), ProcessApplier.initiatorName(state, ctx.callerId(),
                sent.colonyName()));
        return new RawJson(create(ctx, check(sent), ctx.generatedId(), initiator, RootInput.NONE));
    }

    /**
     * A workflow checked whole: its dependency plan, and its specs as its processes run them.
     *
     * @param colony the workflow's colony
     */
    record Checked(String colony, WorkflowPlan plan, List<FunctionSpec> specs) {
    }

    /**
     * Checks a workflow whole.
     *
     * @throws Rejection for a workflow that is not valid (see {@link WorkflowPlan#of}, {@link #workflowSpec})
     */
    static Checked check(WorkflowSpec sent) {
        String colony = sent.colonyName();
        return new Checked(colony, WorkflowPlan.of(sent.functionSpecs()),
                sent.functionSpecs().stream().map(spec -> workflowSpec(spec, colony)).toList());
    }

    /** Who a graph's processes are submitted by. */
    record Initiator(String id, String name) {
    }

    /**
     * What a graph's roots start with beyond their specs: an input (a cron's previous leaf outputs), and
     * arguments that replace theirs with empty keyword arguments (a generator's packs), unless null.
     */
    record RootInput(List<Object> in, List<Object> args) {
        static final RootInput NONE = new RootInput(List.of(), null);
    }

    /** Stores the graph (id {@code graphId}) and the processes of a checked workflow; returns the graph as written. */
    static Table.Written create(ApplyContext ctx, Checked workflow, String graphId, Initiator initiator,
            RootInput roots) {
        String colony = workflow.colony();
        WorkflowPlan plan = workflow.plan();
        List<FunctionSpec> specs = workflow.specs();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            ids.add(processId(graphId, i));
        }
        ProcessGraph graph = new ProcessGraph(graphId, initiator.id(), initiator.name(), colony,
                plan.roots().stream().map(ids::get).toList(), ProcessState.WAITING, ctx.now(), GoTime.ZERO,
                GoTime.ZERO, ids, List.of(), List.of());
        Table.Written stored = ctx.state().graphs().add(graph);
        for (int i = 0; i < specs.size(); i++) {
            List<String> parents = plan.parents().get(i).stream().map(ids::get).toList();
            FunctionSpec spec = parents.isEmpty() && roots.args() != null
                    ? specs.get(i).withArgs(roots.args()) : specs.get(i);
            ColonyProcess.Builder process = ProcessApplier.created(ctx, ids.get(i), spec, initiator.id(),
                    initiator.name())
                    .toBuilder().processGraphId(graphId).parents(parents)
                    .children(plan.children().get(i).stream().map(ids::get).toList())
                    .waitForParents(!parents.isEmpty());
            if (parents.isEmpty()) {
                process.in(roots.in());
            }
            ProcessLifecycle.store(ctx, null, process);
        }
        return stored;
    }

    /**
     * A workflow's spec as its process runs it: checked and normalized like a submitted spec, in the workflow's
     * colony, and without an execution limit when it has none ({@code maxexectime} 0 means -1 here, as in Go).
     */
    static FunctionSpec workflowSpec(FunctionSpec sent, String colony) {
        FunctionSpec spec = ProcessApplier.checkedSpec(sent).withConditions(sent.conditions().withColonyName(colony));
        return spec.maxExecTime() == 0 ? spec.withLimits(spec.maxWaitTime(), -1, spec.maxRetries()) : spec;
    }

    /** The graph with this id, or a 500 (the Go server's status for an unknown graph). */
    static ProcessGraph existing(ColoniesState state, String graphId, String operation) {
        return state.graphs().get(graphId).orElseThrow(() -> Rejection.unknown(operation, "process graph", graphId));
    }

    /** Removes a graph that is not running, with all its processes and their log lines. */
    Object apply(RemoveProcessGraph command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        ProcessGraph graph = existing(state, command.getProcessGraphId(), "remove process graph");
        Authorizer.requireMember(state, ctx.callerId(), graph.colonyName(), true);
        if (graph.state() == ProcessState.RUNNING) {
            throw Rejection.badRequest("Failed to remove process graph, cannot remove a running process graph");
        }
        delete(state, graph);
        return Replies.EMPTY;
    }

    private static void delete(ColoniesState state, ProcessGraph graph) {
        for (String id : graph.processIds()) {
            state.processes().get(id).ifPresent(process -> {
                state.processes().remove(process);
                state.logs().removeProcess(id);
                CatalogApplier.processGone(state, null, process);
            });
        }
        state.graphs().remove(graph);
    }

    /** Removes the colony's graphs in a state (-1: every state), colony owner only. */
    Object apply(RemoveAllProcessGraphs command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        Authorizer.requireColonyOwner(state, ctx.callerId(), command.getColonyName());
        Validation.requireRemovableState(command.getState(), "process graphs");
        removeAllIn(state, command.getColonyName(), command.getState());
        return Replies.EMPTY;
    }

    /** Removes every graph of a colony in a state, with its processes; {@link ProcessState#ALL}: every state. */
    static void removeAllIn(ColoniesState state, String colony, int target) {
        for (int s : ProcessState.selectedBy(target)) {
            List<ProcessGraph> doomed = state.graphs().inState(colony, s).map(state.graphs()::get)
                    .flatMap(Optional::stream).toList();
            doomed.forEach(graph -> delete(state, graph));
        }
    }

    /** Cancels every process of a graph that has not ended; the graph becomes CANCELLED. */
    Object apply(CancelProcessGraph command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        ProcessGraph graph = existing(state, command.getProcessGraphId(), "cancel process graph");
        Authorizer.requireMember(state, ctx.callerId(), graph.colonyName(), true);
        if (ProcessState.isFinal(graph.state())) {
            throw Rejection.badRequest("Failed to cancel process graph, process graph is already "
                    + ProcessState.name(graph.state()));
        }
        for (String id : graph.processIds()) {
            state.processes().get(id).filter(p -> !ProcessState.isFinal(p.state()))
                    .ifPresent(p -> ProcessLifecycle.finish(ctx, p, ProcessState.CANCELLED, null));
        }
        return Replies.EMPTY;
    }
}
