package org.colonyos.colonies.http.handlers;

import java.util.List;
import java.util.Optional;
import org.colonyos.colonies.http.rpc.Access;
import org.colonyos.colonies.http.rpc.RouteTable;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessGraph;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.Replies;
import org.colonyos.colonies.proto.wire.WorkflowPayloads;
import org.colonyos.colonies.proto.wire.WorkflowPayloads.ProcessGraphRef;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.state.ColoniesState;

/** Routes of the workflow domain (protocol 4.7). */
public final class WorkflowHandlers {
    private WorkflowHandlers() {
    }

    public static void register(RouteTable.Builder routes) {
        routes.write(PayloadType.SUBMIT_WORKFLOW_SPEC, Access.MEMBER, WorkflowPayloads.SubmitWorkflowSpec.class)
                .write(PayloadType.REMOVE_PROCESS_GRAPH, Access.MEMBER, ProcessGraphRef.class)
                .write(PayloadType.REMOVE_ALL_PROCESS_GRAPHS, Access.COLONY_OWNER,
                        WorkflowPayloads.RemoveAllProcessGraphs.class)
                .write(PayloadType.CANCEL_PROCESS_GRAPH, Access.MEMBER, ProcessGraphRef.class)
                .write(PayloadType.ADD_CHILD, Access.MEMBER, WorkflowPayloads.AddChild.class)
                .read(PayloadType.GET_PROCESS_GRAPH, Access.MEMBER, ProcessGraphRef.class, WorkflowHandlers::graph)
                .read(PayloadType.GET_PROCESS_GRAPHS, Access.MEMBER, WorkflowPayloads.GetProcessGraphs.class,
                        WorkflowHandlers::graphs);
    }

    /** {@code getprocessgraphmsg}: the graph with its display layout. */
    private static Object graph(ColoniesState state, String caller, ProcessGraphRef p) {
        ProcessGraph graph = state.graphs().get(p.processGraphId()).orElseThrow(() -> Rejection.unknown(
                "get process graph", "process graph", p.processGraphId()));
        Authorizer.requireMember(state, caller, graph.colonyName(), true);
        List<ColonyProcess> processes = graph.processIds().stream().map(state.processes()::get)
                .flatMap(Optional::stream).toList();
        return GraphLayout.of(graph, processes);
    }

    /** {@code getprocessgraphsmsg}: a colony's graphs in a state, newest first, at most 100, without layout. */
    private static Object graphs(ColoniesState state, String caller, WorkflowPayloads.GetProcessGraphs p) {
        Authorizer.requireMember(state, caller, p.colonyName(), true);
        if (p.count() > ProcessHandlers.MAX_COUNT) {
            throw Rejection.badRequest("Count is larger than MaxCount limit <" + ProcessHandlers.MAX_COUNT + ">");
        }
        if (!ProcessState.isValid(p.state())) {
            throw Rejection.badRequest("Failed to get process graphs, invalid msg.State");
        }
        return Replies.listOrNull(state.graphs().inState(p.colonyName(), p.state()).limit(Math.max(p.count(), 0))
                .map(state.graphs()::get).flatMap(Optional::stream).toList());
    }
}
