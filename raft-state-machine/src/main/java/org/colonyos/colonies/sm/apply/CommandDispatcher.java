package org.colonyos.colonies.sm.apply;

import com.google.protobuf.UnsafeByteOperations;
import java.util.ArrayList;
import java.util.List;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.log.ApplyReply;
import org.colonyos.colonies.proto.log.LogBatch;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.Signals;
import org.colonyos.colonies.sm.command.RequestProofs;
import org.colonyos.colonies.sm.command.SignedEntries;
import org.colonyos.colonies.sm.state.ColoniesState;

/**
 * Routes each log entry to the one applier method of its command (one exhaustive switch) and turns the
 * outcome into a deterministic reply ({@link AppliedReply}). A {@link Rejection} becomes an error reply with nothing
 * changed; any other exception escapes, which by the Ratis contract stops the node (it means corruption).
 *
 * <p>Single-threaded: called only from the apply thread under the state write lock.
 */
public final class CommandDispatcher {
    private final ServerApplier server = new ServerApplier();
    private final ColonyApplier colonies = new ColonyApplier();
    private final ExecutorApplier executors = new ExecutorApplier();
    private final UserApplier users = new UserApplier();
    private final ProcessApplier processes = new ProcessApplier();
    private final RecordApplier records = new RecordApplier();
    private final TimerApplier timers = new TimerApplier();
    private final WorkflowApplier workflows = new WorkflowApplier();
    private final ChildApplier children = new ChildApplier();
    private final CronApplier crons = new CronApplier();
    private final GeneratorApplier generators = new GeneratorApplier();
    private final FileApplier files = new FileApplier();
    private final CatalogApplier catalog = new CatalogApplier();
    private final BlueprintApplier blueprints = new BlueprintApplier();
    private final SignedEntries signedEntries;

    /** A dispatcher that proves every client entry from scratch. */
    public CommandDispatcher() {
        this(new RequestProofs());
    }

    /** @param proofs what this node's frontend already proved about the requests it proposed */
    public CommandDispatcher(RequestProofs proofs) {
        this.signedEntries = new SignedEntries(proofs);
    }

    /**
     * Applies the entry at a log index and returns its reply; signals for waiting clients go to {@code signals}.
     * A {@link LogBatch} applies its entries in order, each as if it were a log entry of its own, and replies
     * with their replies in that order.
     */
    public AppliedReply apply(ColoniesState state, LogEntry entry, long index, Signals signals) {
        if (!entry.hasBatch()) {
            return AppliedReply.single(applyOne(state, entry, index, signals));
        }
        LogBatch batch = entry.getBatch();
        if (batch.getEntriesCount() == 0) {
            return AppliedReply.single(ApplyReply.newBuilder().setErrorStatus(400)
                    .setErrorMessage("empty log batch").build());
        }
        List<Object> outcomes = new ArrayList<>(batch.getEntriesCount());
        for (LogEntry inner : batch.getEntriesList()) {
            outcomes.add(applyOne(state, inner, index, signals));
        }
        return AppliedReply.batch(outcomes);
    }

    /** The entry's outcome: a stored document ({@link RawJson}, encoded later) or an encoded reply. */
    private Object applyOne(ColoniesState state, LogEntry entry, long index, Signals signals) {
        java.time.Instant now = state.advanceClock(entry.getLeaderTimeUnixNanos());
        try {
            SignedEntries.Proven proven = signedEntries.prove(entry);
            ApplyContext ctx = new ApplyContext(state, proven.callerId(), now, index, entry.getGeneratedId(), signals);
            Object reply = dispatch(proven.entry(), ctx);
            return reply instanceof RawJson raw ? raw : ApplyReply.newBuilder()
                    .setReplyJson(UnsafeByteOperations.unsafeWrap(Json.toBytes(reply))).build();
        } catch (Rejection rejection) {
            return ApplyReply.newBuilder().setErrorStatus(rejection.status())
                    .setErrorMessage(rejection.getMessage()).build();
        }
    }

    private Object dispatch(LogEntry entry, ApplyContext ctx) {
        return switch (entry.getCommandCase()) {
            case BOOTSTRAP_SERVER_ID -> server.apply(entry.getBootstrapServerId(), ctx);
            case CHANGE_SERVER_ID -> server.apply(entry.getChangeServerId(), ctx);
            case ADD_CLUSTER_MEMBER -> server.apply(entry.getAddClusterMember(), ctx);
            case REMOVE_CLUSTER_MEMBER -> server.apply(entry.getRemoveClusterMember(), ctx);
            case ADD_COLONY -> colonies.apply(entry.getAddColony(), ctx);
            case REMOVE_COLONY -> colonies.apply(entry.getRemoveColony(), ctx);
            case CHANGE_COLONY_ID -> colonies.apply(entry.getChangeColonyId(), ctx);
            case ADD_USER -> users.apply(entry.getAddUser(), ctx);
            case REMOVE_USER -> users.apply(entry.getRemoveUser(), ctx);
            case CHANGE_USER_ID -> users.apply(entry.getChangeUserId(), ctx);
            case ADD_EXECUTOR -> executors.apply(entry.getAddExecutor(), ctx);
            case SET_EXECUTOR_STATE -> executors.apply(entry.getSetExecutorState(), ctx);
            case REMOVE_EXECUTOR -> executors.apply(entry.getRemoveExecutor(), ctx);
            case REPORT_ALLOCATION -> executors.apply(entry.getReportAllocation(), ctx);
            case UPDATE_CAPABILITIES -> executors.apply(entry.getUpdateCapabilities(), ctx);
            case CHANGE_EXECUTOR_ID -> executors.apply(entry.getChangeExecutorId(), ctx);
            case TOUCH_EXECUTOR -> timers.apply(entry.getTouchExecutor(), ctx);
            case SUBMIT_PROCESS -> processes.apply(entry.getSubmitProcess(), ctx);
            case ASSIGN_PROCESS -> processes.apply(entry.getAssignProcess(), ctx);
            case CLOSE_PROCESS -> processes.apply(entry.getCloseProcess(), ctx);
            case SET_OUTPUT -> processes.apply(entry.getSetOutput(), ctx);
            case REMOVE_PROCESS -> processes.apply(entry.getRemoveProcess(), ctx);
            case REMOVE_ALL_PROCESSES -> processes.apply(entry.getRemoveAllProcesses(), ctx);
            case CANCEL_PROCESS -> processes.apply(entry.getCancelProcess(), ctx);
            case SET_ASSIGNMENTS_PAUSED -> processes.apply(entry.getSetAssignmentsPaused(), ctx);
            case SUBMIT_WORKFLOW -> workflows.apply(entry.getSubmitWorkflow(), ctx);
            case REMOVE_PROCESS_GRAPH -> workflows.apply(entry.getRemoveProcessGraph(), ctx);
            case REMOVE_ALL_PROCESS_GRAPHS -> workflows.apply(entry.getRemoveAllProcessGraphs(), ctx);
            case CANCEL_PROCESS_GRAPH -> workflows.apply(entry.getCancelProcessGraph(), ctx);
            case ADD_CHILD -> children.apply(entry.getAddChild(), ctx);
            case ADD_CRON -> crons.apply(entry.getAddCron(), ctx);
            case REMOVE_CRON -> crons.apply(entry.getRemoveCron(), ctx);
            case RUN_CRON -> crons.apply(entry.getRunCron(), ctx);
            case FIRE_CRON -> crons.apply(entry.getFireCron(), ctx);
            case ADD_GENERATOR -> generators.apply(entry.getAddGenerator(), ctx);
            case REMOVE_GENERATOR -> generators.apply(entry.getRemoveGenerator(), ctx);
            case PACK_GENERATOR -> generators.apply(entry.getPackGenerator(), ctx);
            case FIRE_GENERATOR -> generators.apply(entry.getFireGenerator(), ctx);
            case ADD_FILE -> files.apply(entry.getAddFile(), ctx);
            case REMOVE_FILE -> files.apply(entry.getRemoveFile(), ctx);
            case CREATE_SNAPSHOT -> files.apply(entry.getCreateSnapshot(), ctx);
            case REMOVE_SNAPSHOT -> files.apply(entry.getRemoveSnapshot(), ctx);
            case REMOVE_ALL_SNAPSHOTS -> files.apply(entry.getRemoveAllSnapshots(), ctx);
            case ADD_LOCATION -> catalog.apply(entry.getAddLocation(), ctx);
            case REMOVE_LOCATION -> catalog.apply(entry.getRemoveLocation(), ctx);
            case APPEND_CHANNEL -> catalog.apply(entry.getAppendChannel(), ctx);
            case ADD_BLUEPRINT_DEFINITION -> blueprints.apply(entry.getAddBlueprintDefinition(), ctx);
            case REMOVE_BLUEPRINT_DEFINITION -> blueprints.apply(entry.getRemoveBlueprintDefinition(), ctx);
            case ADD_BLUEPRINT -> blueprints.apply(entry.getAddBlueprint(), ctx);
            case UPDATE_BLUEPRINT -> blueprints.apply(entry.getUpdateBlueprint(), ctx);
            case UPDATE_BLUEPRINT_STATUS -> blueprints.apply(entry.getUpdateBlueprintStatus(), ctx);
            case REMOVE_BLUEPRINT -> blueprints.apply(entry.getRemoveBlueprint(), ctx);
            case RECONCILE_BLUEPRINT -> blueprints.apply(entry.getReconcileBlueprint(), ctx);
            case ADD_ATTRIBUTE -> records.apply(entry.getAddAttribute(), ctx);
            case ADD_PROCESS_LOG -> records.apply(entry.getAddProcessLog(), ctx);
            case ADD_EXECUTOR_LOG -> records.apply(entry.getAddExecutorLog(), ctx);
            case ADD_FUNCTION -> records.apply(entry.getAddFunction(), ctx);
            case REMOVE_FUNCTION -> records.apply(entry.getRemoveFunction(), ctx);
            case EXPIRE_PROCESSES -> timers.apply(entry.getExpireProcesses(), ctx);
            case UNREGISTER_STALE_EXECUTORS -> timers.apply(entry.getUnregisterStaleExecutors(), ctx);
            case BATCH -> throw new IllegalStateException("log batch nested in a log batch at " + ctx.index());
            case COMMAND_NOT_SET -> throw new IllegalStateException("log entry without a command at " + ctx.index());
        };
    }
}
