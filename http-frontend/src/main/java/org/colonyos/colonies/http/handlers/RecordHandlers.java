package org.colonyos.colonies.http.handlers;

import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.colonyos.colonies.http.rpc.Access;
import org.colonyos.colonies.http.rpc.RouteTable;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessLog;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.RecordPayloads;
import org.colonyos.colonies.proto.wire.Replies;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.state.ColoniesState;

/** Routes of attributes, logs and functions (protocol 4.5, 4.8, 4.9). */
public final class RecordHandlers {
    static final int MAX_LOG_COUNT = 500;
    static final int MAX_SEARCH_COUNT = 100;
    static final int MAX_SEARCH_DAYS = 30;
    private static final long DAY_NANOS = 86_400_000_000_000L;

    private RecordHandlers() {
    }

    public static void register(RouteTable.Builder routes, Clock clock) {
        routes.write(PayloadType.ADD_ATTRIBUTE, Access.MEMBER, RecordPayloads.AddAttribute.class)
                .read(PayloadType.GET_ATTRIBUTE, Access.MEMBER, RecordPayloads.AttributeRef.class,
                        RecordHandlers::attribute)
                .write(PayloadType.ADD_LOG, Access.MEMBER, RecordPayloads.AddLog.class)
                .write(PayloadType.ADD_EXECUTOR_LOG, Access.MEMBER_SELF_EXECUTOR, RecordPayloads.AddExecutorLog.class)
                .read(PayloadType.GET_LOGS, Access.MEMBER, RecordPayloads.GetLogs.class, RecordHandlers::logs)
                .read(PayloadType.SEARCH_LOGS, Access.MEMBER, RecordPayloads.SearchLogs.class,
                        (state, caller, p) -> search(state, caller, p, GoTime.toUnixNanos(clock.instant())))
                .write(PayloadType.ADD_FUNCTION, Access.MEMBER_SELF_EXECUTOR, RecordPayloads.AddFunction.class)
                .read(PayloadType.GET_FUNCTIONS, Access.MEMBER, RecordPayloads.GetFunctions.class,
                        (state, caller, p) -> {
                            Authorizer.requireMember(state, caller, p.colonyName(), true);
                            return Replies.listOrNull(p.executorName().isEmpty()
                                    ? state.functions().ofColony(p.colonyName())
                                    : state.functions().ofExecutor(p.colonyName(), p.executorName()));
                        })
                .write(PayloadType.REMOVE_FUNCTION, Access.MEMBER_SELF_EXECUTOR, RecordPayloads.FunctionRef.class);
    }

    private static Object attribute(ColoniesState state, String caller, RecordPayloads.AttributeRef p) {
        String processId = state.processes().processOfAttribute(p.attributeId()).orElseThrow(() ->
                Rejection.badRequest("Attribute does not exists"));
        ColonyProcess process = state.processes().get(processId).orElseThrow(() ->
                Rejection.notFound("Failed to get attribute, process not found"));
        Authorizer.requireMember(state, caller, process.colonyName(), true);
        return process.attributes().stream().filter(a -> a.attributeId().equals(p.attributeId())).findFirst()
                .orElseThrow(() -> Rejection.badRequest("Attribute does not exists"));
    }

    /** {@code getlogsmsg}: by executor name when given, else by process; latest, since, or from the start. */
    private static Object logs(ColoniesState state, String caller, RecordPayloads.GetLogs p) {
        Stream<ProcessLog> lines;
        if (!p.executorName().isEmpty()) {
            Executor executor = state.executor(p.colonyName(), p.executorName()).orElseThrow(() ->
                    Rejection.internal("Failed to get logs, executor with name <" + p.executorName()
                            + "> not found"));
            Authorizer.requireMember(state, caller, executor.colonyName(), true);
            // Unlike the Go server, an executor name reads only the lines of the caller's colony.
            lines = state.logs().ofExecutor(p.executorName())
                    .filter(line -> line.colonyName().equals(executor.colonyName()));
        } else {
            ColonyProcess process = state.processes().get(p.processId()).orElseThrow(() ->
                    Rejection.internal("Failed to get logs, process with Id <" + p.processId() + "> not found"));
            Authorizer.requireMember(state, caller, process.colonyName(), true);
            lines = state.logs().ofProcess(p.processId());
        }
        if (p.count() > MAX_LOG_COUNT) {
            throw Rejection.forbidden("Count exceeds max log count (" + MAX_LOG_COUNT + ")");
        }
        int count = Math.max(p.count(), 0);
        if (p.latest()) {
            List<ProcessLog> all = lines.toList();
            return Replies.listOrNull(all.subList(Math.max(all.size() - count, 0), all.size()));
        }
        return Replies.listOrNull(lines.filter(line -> p.since() <= 0 || line.timestamp() > p.since())
                .limit(count).toList());
    }

    /** {@code searchlogsmsg}: lines of the colony from the last {@code days} days containing {@code text}. */
    private static Object search(ColoniesState state, String caller, RecordPayloads.SearchLogs p, long now) {
        Authorizer.requireMember(state, caller, p.colonyName(), true);
        if (p.count() > MAX_SEARCH_COUNT) {
            throw Rejection.badRequest("Count is larger than MaxCount limit <" + MAX_SEARCH_COUNT + ">");
        }
        if (p.days() > MAX_SEARCH_DAYS) {
            throw Rejection.badRequest("Days is larger than MaxDays limit <" + MAX_SEARCH_DAYS + ">");
        }
        return Replies.listOrNull(state.logs().ofColonySince(p.colonyName(), now - Math.max(p.days(), 0) * DAY_NANOS)
                .filter(line -> line.message().contains(p.text()))
                .limit(Math.max(p.count(), 0)).toList());
    }
}
