package org.colonyos.colonies.http.handlers;

import org.colonyos.colonies.http.rpc.Access;
import org.colonyos.colonies.http.rpc.RouteTable;
import org.colonyos.colonies.proto.log.AddExecutor;
import org.colonyos.colonies.proto.log.ChangeExecutorId;
import org.colonyos.colonies.proto.log.ExecutorState;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.log.RemoveExecutor;
import org.colonyos.colonies.proto.log.ReportAllocation;
import org.colonyos.colonies.proto.log.SetExecutorState;
import org.colonyos.colonies.proto.log.UpdateCapabilities;
import org.colonyos.colonies.proto.model.Allocations;
import org.colonyos.colonies.proto.model.Capabilities;
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
        routes.write(PayloadType.ADD_EXECUTOR, Access.COLONY_OWNER, ExecutorPayloads.AddExecutor.class,
                        p -> LogEntry.newBuilder().setAddExecutor(AddExecutor.newBuilder().setExecutorJson(
                                Documents.json(Required.present(p.executor(), PayloadType.ADD_EXECUTOR, "executor")))))
                .write(PayloadType.APPROVE_EXECUTOR, Access.COLONY_OWNER, ExecutorRef.class,
                        p -> setState(p, ExecutorState.EXECUTOR_STATE_APPROVED))
                .write(PayloadType.REJECT_EXECUTOR, Access.COLONY_OWNER, ExecutorRef.class,
                        p -> setState(p, ExecutorState.EXECUTOR_STATE_REJECTED))
                .write(PayloadType.REMOVE_EXECUTOR, Access.COLONY_OWNER, ExecutorRef.class,
                        p -> LogEntry.newBuilder().setRemoveExecutor(RemoveExecutor.newBuilder()
                                .setColonyName(p.colonyName()).setExecutorName(p.executorName())))
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
        routes.write(PayloadType.REPORT_ALLOCATION, Access.MEMBER_SELF_EXECUTOR,
                        ExecutorPayloads.ReportAllocation.class,
                        p -> LogEntry.newBuilder().setReportAllocation(ReportAllocation.newBuilder()
                                .setColonyName(p.colonyName()).setExecutorName(p.executorName())
                                .setAllocationsJson(Documents.json(p.allocations() == null ? Allocations.NONE
                                        : p.allocations()))))
                .write(PayloadType.UPDATE_EXECUTOR, Access.MEMBER_SELF_EXECUTOR, ExecutorPayloads.UpdateExecutor.class,
                        p -> LogEntry.newBuilder().setUpdateCapabilities(UpdateCapabilities.newBuilder()
                                .setColonyName(p.colonyName()).setExecutorName(p.executorName())
                                .setCapabilitiesJson(Documents.json(p.capabilities() == null ? Capabilities.NONE
                                        : p.capabilities()))))
                .echoWrite(PayloadType.CHANGE_EXECUTOR_ID, Access.MEMBER_SELF_EXECUTOR,
                        ExecutorPayloads.ExecutorIdRef.class,
                        p -> LogEntry.newBuilder().setChangeExecutorId(ChangeExecutorId.newBuilder()
                                .setColonyName(p.colonyName()).setExecutorId(p.executorId())));
    }

    private static LogEntry.Builder setState(ExecutorRef p, ExecutorState state) {
        return LogEntry.newBuilder().setSetExecutorState(SetExecutorState.newBuilder()
                .setColonyName(p.colonyName()).setExecutorName(p.executorName()).setState(state));
    }

}
