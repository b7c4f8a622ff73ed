package org.colonyos.colonies.http.handlers;

import java.util.List;
import org.colonyos.colonies.http.rpc.Access;
import org.colonyos.colonies.http.rpc.RouteTable;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.ExecutorState;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.proto.model.Statistics;
import org.colonyos.colonies.proto.wire.ColonyPayloads.ColonyRef;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ServerPayloads;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.state.ColoniesState;

/**
 * {@code getcolonystatsmsg} and {@code getstatisticsmsg} (protocol 4.1, 4.2, 5.14). Process figures come from
 * counters kept by the state, executor figures from the colony's executor list (small). A colony's figures
 * count its workflows per state too.
 */
public final class StatisticsHandlers {
    private StatisticsHandlers() {
    }

    public static void register(RouteTable.Builder routes) {
        routes.read(PayloadType.GET_COLONY_STATS, Access.MEMBER, ColonyRef.class, (state, caller, p) -> {
            if (state.colony(p.colonyName()).isEmpty()) {
                throw Rejection.badRequest("Colony with name <" + p.colonyName() + "> does not exist");
            }
            Authorizer.requireMember(state, caller, p.colonyName(), true);
            return colonyStatistics(state, p.colonyName());
        }).read(PayloadType.GET_STATISTICS, Access.SERVER_OWNER, ServerPayloads.Empty.class, (state, caller, p) -> {
            Authorizer.requireServerOwner(state, caller);
            return serverStatistics(state);
        });
    }

    private static Statistics colonyStatistics(ColoniesState state, String colony) {
        List<Executor> executors = state.executorsOf(colony);
        return new Statistics(1, executors.size(), countIn(executors, ExecutorState.APPROVED),
                countIn(executors, ExecutorState.UNREGISTERED),
                state.processes().count(colony, ProcessState.WAITING),
                state.processes().count(colony, ProcessState.RUNNING),
                state.processes().count(colony, ProcessState.SUCCESS),
                state.processes().count(colony, ProcessState.FAILED),
                state.processes().count(colony, ProcessState.CANCELLED),
                state.graphs().count(colony, ProcessState.WAITING), state.graphs().count(colony, ProcessState.RUNNING),
                state.graphs().count(colony, ProcessState.SUCCESS), state.graphs().count(colony, ProcessState.FAILED),
                state.graphs().count(colony, ProcessState.CANCELLED));
    }

    /** Like Go: colonies, registered executors and four process counts over all colonies; the rest 0. */
    private static Statistics serverStatistics(ColoniesState state) {
        List<Colony> colonies = state.colonies();
        int executors = 0;
        int[] processes = new int[ProcessState.CANCELLED + 1];
        for (Colony colony : colonies) {
            List<Executor> all = state.executorsOf(colony.name());
            executors += all.size() - countIn(all, ExecutorState.UNREGISTERED);
            for (int s = ProcessState.WAITING; s <= ProcessState.CANCELLED; s++) {
                processes[s] += state.processes().count(colony.name(), s);
            }
        }
        return new Statistics(colonies.size(), executors, 0, 0, processes[ProcessState.WAITING],
                processes[ProcessState.RUNNING], processes[ProcessState.SUCCESS], processes[ProcessState.FAILED], 0,
                0, 0, 0, 0, 0);
    }

    private static int countIn(List<Executor> executors, int executorState) {
        return (int) executors.stream().filter(e -> e.state() == executorState).count();
    }
}
