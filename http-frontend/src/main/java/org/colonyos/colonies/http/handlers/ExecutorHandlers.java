package org.colonyos.colonies.http.handlers;

import org.colonyos.colonies.http.rpc.Access;
import org.colonyos.colonies.http.rpc.RouteTable;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.wire.ColonyPayloads;
import org.colonyos.colonies.proto.wire.ExecutorPayloads;
import org.colonyos.colonies.proto.wire.ExecutorPayloads.ExecutorRef;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.Replies;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;

/** Routes of the executor domain. */
public final class ExecutorHandlers {
    private ExecutorHandlers() {
    }

    public static void register(RouteTable.Builder routes) {
        routes.write(PayloadType.ADD_EXECUTOR, Access.COLONY_OWNER, ExecutorPayloads.AddExecutor.class)
                .write(PayloadType.APPROVE_EXECUTOR, Access.COLONY_OWNER, ExecutorRef.class)
                .write(PayloadType.REJECT_EXECUTOR, Access.COLONY_OWNER, ExecutorRef.class)
                .write(PayloadType.REMOVE_EXECUTOR, Access.COLONY_OWNER, ExecutorRef.class)
                .read(PayloadType.GET_EXECUTORS, Access.MEMBER_ANY_STATE, ColonyPayloads.ColonyRef.class,
                        (state, caller, p) -> {
                            Authorizer.requireMember(state, caller, p.colonyName(), false);
                            return Replies.listOrNull(state.executorsOf(p.colonyName()));
                        })
                .read(PayloadType.GET_EXECUTOR, Access.MEMBER, ExecutorRef.class, (state, caller, p) -> {
                    Executor executor = state.executor(p.colonyName(), p.executorName()).orElseThrow(() ->
                            Rejection.internal("Executor with name <" + p.executorName() + "> not found"));
                    Authorizer.requireMember(state, caller, executor.colonyName(), true);
                    return executor;
                })
                .read(PayloadType.GET_EXECUTOR_BY_ID, Access.MEMBER, ExecutorPayloads.ExecutorIdRef.class,
                        (state, caller, p) -> {
                            Executor executor = state.executorById(p.executorId()).orElseThrow(() ->
                                    Rejection.notFound("Executor with Id <" + p.executorId() + "> not found"));
                            Authorizer.requireMember(state, caller, executor.colonyName(), true);
                            return executor;
                        });
        registerSelfUpdates(routes);
    }

    private static void registerSelfUpdates(RouteTable.Builder routes) {
        routes.write(PayloadType.REPORT_ALLOCATION, Access.MEMBER_SELF_EXECUTOR, ExecutorPayloads.ReportAllocation.class)
                .write(PayloadType.UPDATE_EXECUTOR, Access.MEMBER_SELF_EXECUTOR, ExecutorPayloads.UpdateExecutor.class)
                .echoWrite(PayloadType.CHANGE_EXECUTOR_ID, Access.MEMBER_SELF_EXECUTOR, ExecutorPayloads.ExecutorIdRef.class);
    }
}
