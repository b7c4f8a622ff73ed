package org.colonyos.colonies.http.handlers;

import java.time.Clock;
import java.util.Optional;
import org.colonyos.colonies.http.rpc.Access;
import org.colonyos.colonies.http.rpc.Route;
import org.colonyos.colonies.http.rpc.RouteTable;
import org.colonyos.colonies.http.wait.SubscribeFlows;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.proto.wire.ColonyPayloads.ColonyRef;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ProcessPayloads;
import org.colonyos.colonies.proto.wire.ProcessPayloads.ProcessRef;
import org.colonyos.colonies.proto.wire.Replies;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.state.ColoniesState;

/** Routes of the process domain (protocol 4.6). */
public final class ProcessHandlers {
    /** The largest {@code count} of a process listing. */
    static final int MAX_COUNT = 100;

    private ProcessHandlers() {
    }

    public static void register(RouteTable.Builder routes, Route.AsyncHandler assign, SubscribeFlows subscribe,
            Clock clock) {
        routes.write(PayloadType.SUBMIT_FUNC_SPEC, Access.MEMBER, ProcessPayloads.SubmitFuncSpec.class)
                .async(PayloadType.ASSIGN_PROCESS, Access.MEMBER, ProcessPayloads.AssignProcess.class, assign)
                .subscription(PayloadType.SUBSCRIBE_PROCESS, Access.MEMBER, ProcessPayloads.SubscribeProcess.class,
                        subscribe::process)
                .subscription(PayloadType.SUBSCRIBE_PROCESSES, Access.MEMBER,
                        ProcessPayloads.SubscribeProcesses.class, subscribe::processes)
                .write(PayloadType.CLOSE_SUCCESSFUL, Access.MEMBER, ProcessPayloads.ProcessOutput.class)
                .write(PayloadType.CLOSE_FAILED, Access.MEMBER, ProcessPayloads.CloseFailed.class)
                .write(PayloadType.SET_OUTPUT, Access.MEMBER, ProcessPayloads.ProcessOutput.class)
                .write(PayloadType.REMOVE_PROCESS, Access.MEMBER, ProcessRef.class)
                .write(PayloadType.REMOVE_ALL_PROCESSES, Access.COLONY_OWNER, ProcessPayloads.RemoveAllProcesses.class)
                .write(PayloadType.CANCEL_PROCESS, Access.MEMBER, ProcessRef.class)
                .write(PayloadType.PAUSE_ASSIGNMENTS, Access.COLONY_OWNER, ColonyRef.class)
                .write(PayloadType.RESUME_ASSIGNMENTS, Access.COLONY_OWNER, ColonyRef.class);
        registerReads(routes, clock);
    }

    private static void registerReads(RouteTable.Builder routes, Clock clock) {
        routes.read(PayloadType.GET_PROCESS, Access.MEMBER, ProcessRef.class, (state, caller, p) -> {
            ColonyProcess process = state.processes().get(p.processId()).orElseThrow(() ->
                    Rejection.notFound("Failed to get process, process not found"));
            Authorizer.requireMember(state, caller, process.colonyName(), true);
            return process;
        })
                .read(PayloadType.GET_PROCESSES, Access.MEMBER, ProcessPayloads.GetProcesses.class,
                        ProcessHandlers::processes)
                .read(PayloadType.GET_PROCESS_HIST, Access.MEMBER, ProcessPayloads.GetProcessHist.class,
                        (state, caller, p) -> history(state, caller, p, GoTime.toUnixNanos(clock.instant())))
                .read(PayloadType.GET_PAUSE_STATUS, Access.MEMBER_ANY_STATE, ColonyRef.class, (state, caller, p) -> {
                    Authorizer.requireMember(state, caller, p.colonyName(), false);
                    return ProcessPayloads.PauseStatus.of(p.colonyName(), state.isPaused(p.colonyName()));
                });
    }

    /** {@code getprocessesmsg}: one filter (executortype, else initiator, else label), at most 100. */
    private static Object processes(ColoniesState state, String caller, ProcessPayloads.GetProcesses p) {
        Authorizer.requireMember(state, caller, p.colonyName(), true);
        if (p.count() > MAX_COUNT) {
            throw Rejection.badRequest("Count is larger than MaxCount limit <" + MAX_COUNT + ">");
        }
        if (!p.initiator().isEmpty() && state.user(p.colonyName(), p.initiator()).isEmpty()) {
            throw Rejection.badRequest("User <" + p.initiator() + "> does not exist");
        }
        if (!ProcessState.isValid(p.state())) {
            throw Rejection.badRequest("Failed to get processes, invalid msg.State");
        }
        return Replies.listOrNull(state.processes().inState(p.colonyName(), p.state())
                .map(state.processes()::get).flatMap(Optional::stream)
                .filter(process -> matchesFilter(process, p))
                .limit(Math.max(p.count(), 0)).toList());
    }

    private static boolean matchesFilter(ColonyProcess process, ProcessPayloads.GetProcesses p) {
        if (!p.executorType().isEmpty()) {
            return process.executorType().equals(p.executorType());
        }
        if (!p.initiator().isEmpty()) {
            return process.initiatorName().equals(p.initiator());
        }
        return p.label().isEmpty() || process.spec().label().equals(p.label());
    }

    /** {@code getprocesshistmsg}: submitted in the last {@code seconds}, in a state, optionally of one executor. */
    private static Object history(ColoniesState state, String caller, ProcessPayloads.GetProcessHist p, long now) {
        Authorizer.requireMember(state, caller, p.colonyName(), true);
        long since = now - Math.max(p.seconds(), 0) * 1_000_000_000L;
        return Replies.listOrNull(state.processes().submittedSince(p.colonyName(), since)
                .map(state.processes()::get).flatMap(Optional::stream)
                .filter(process -> process.state() == p.state())
                .filter(process -> p.executorId().isEmpty() || process.assignedExecutorId().equals(p.executorId()))
                .toList());
    }
}
