package org.colonyos.colonies.sm.command;

import com.google.protobuf.ByteString;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.log.AddAttribute;
import org.colonyos.colonies.proto.log.AddChild;
import org.colonyos.colonies.proto.log.AddClusterMember;
import org.colonyos.colonies.proto.log.AddColony;
import org.colonyos.colonies.proto.log.AddCron;
import org.colonyos.colonies.proto.log.AddBlueprint;
import org.colonyos.colonies.proto.log.AddBlueprintDefinition;
import org.colonyos.colonies.proto.log.AddFile;
import org.colonyos.colonies.proto.log.ReconcileBlueprint;
import org.colonyos.colonies.proto.log.RemoveBlueprint;
import org.colonyos.colonies.proto.log.RemoveBlueprintDefinition;
import org.colonyos.colonies.proto.log.UpdateBlueprint;
import org.colonyos.colonies.proto.log.UpdateBlueprintStatus;
import org.colonyos.colonies.proto.wire.BlueprintPayloads;
import org.colonyos.colonies.proto.log.AddLocation;
import org.colonyos.colonies.proto.log.AppendChannel;
import org.colonyos.colonies.proto.log.RemoveLocation;
import org.colonyos.colonies.proto.wire.CatalogPayloads;
import org.colonyos.colonies.proto.log.CreateSnapshot;
import org.colonyos.colonies.proto.log.RemoveAllSnapshots;
import org.colonyos.colonies.proto.log.RemoveFile;
import org.colonyos.colonies.proto.log.RemoveSnapshot;
import org.colonyos.colonies.proto.wire.CfsPayloads;
import org.colonyos.colonies.proto.log.AddExecutor;
import org.colonyos.colonies.proto.log.AddExecutorLog;
import org.colonyos.colonies.proto.log.AddFunction;
import org.colonyos.colonies.proto.log.AddGenerator;
import org.colonyos.colonies.proto.log.AddProcessLog;
import org.colonyos.colonies.proto.log.AddUser;
import org.colonyos.colonies.proto.log.AssignProcess;
import org.colonyos.colonies.proto.log.CancelProcess;
import org.colonyos.colonies.proto.log.CancelProcessGraph;
import org.colonyos.colonies.proto.log.ChangeColonyId;
import org.colonyos.colonies.proto.log.ChangeExecutorId;
import org.colonyos.colonies.proto.log.ChangeServerId;
import org.colonyos.colonies.proto.log.ChangeUserId;
import org.colonyos.colonies.proto.log.CloseProcess;
import org.colonyos.colonies.proto.log.ExecutorState;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.log.PackGenerator;
import org.colonyos.colonies.proto.log.RemoveAllProcessGraphs;
import org.colonyos.colonies.proto.log.RemoveAllProcesses;
import org.colonyos.colonies.proto.log.RemoveClusterMember;
import org.colonyos.colonies.proto.log.RemoveColony;
import org.colonyos.colonies.proto.log.RemoveCron;
import org.colonyos.colonies.proto.log.RemoveExecutor;
import org.colonyos.colonies.proto.log.RemoveFunction;
import org.colonyos.colonies.proto.log.RemoveGenerator;
import org.colonyos.colonies.proto.log.RemoveProcess;
import org.colonyos.colonies.proto.log.RemoveProcessGraph;
import org.colonyos.colonies.proto.log.RemoveUser;
import org.colonyos.colonies.proto.log.ReportAllocation;
import org.colonyos.colonies.proto.log.RunCron;
import org.colonyos.colonies.proto.log.SetAssignmentsPaused;
import org.colonyos.colonies.proto.log.SetExecutorState;
import org.colonyos.colonies.proto.log.SetOutput;
import org.colonyos.colonies.proto.log.SubmitProcess;
import org.colonyos.colonies.proto.log.SubmitWorkflow;
import org.colonyos.colonies.proto.log.UpdateCapabilities;
import org.colonyos.colonies.proto.model.Allocations;
import org.colonyos.colonies.proto.model.Capabilities;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Resources;
import org.colonyos.colonies.proto.model.User;
import org.colonyos.colonies.proto.wire.ColonyPayloads;
import org.colonyos.colonies.proto.wire.ExecutorPayloads;
import org.colonyos.colonies.proto.wire.Payload;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ProcessPayloads;
import org.colonyos.colonies.proto.wire.RecordPayloads;
import org.colonyos.colonies.proto.wire.ScheduledPayloads;
import org.colonyos.colonies.proto.wire.ServerPayloads;
import org.colonyos.colonies.proto.wire.UserPayloads;
import org.colonyos.colonies.proto.wire.WorkflowPayloads;
import org.colonyos.colonies.sm.Rejection;

/**
 * The log command each signed write message stands for: one pure function from a decoded payload to its
 * command. The frontend uses it to check a write before proposing it, and apply uses it to derive the command
 * from the signed request an entry carries, so no entry can name a command its signer did not ask for.
 * Documents (specs, executors, attributes, functions) become canonical JSON bytes of the wire model.
 *
 * <p>Stateless and deterministic; safe from any thread.
 */
public final class ClientCommands {
    private static final Map<PayloadType, Function<Payload, LogEntry.Builder>> COMMANDS = commands();

    private ClientCommands() {
    }

    /** Whether the payload type is a write, that is whether {@link #of} translates it. */
    public static boolean isWrite(PayloadType type) {
        return COMMANDS.containsKey(type);
    }

    /**
     * The command of a write message.
     *
     * @throws Rejection 400 when the message lacks a document it needs (the Go server's text)
     * @throws IllegalArgumentException for a type that is not a write
     */
    public static LogEntry.Builder of(PayloadType type, Payload payload) {
        Function<Payload, LogEntry.Builder> command = COMMANDS.get(type);
        if (command == null) {
            throw new IllegalArgumentException(type.wireName() + " is not a write");
        }
        return command.apply(payload);
    }

    /** One write's translation, typed by its payload record. */
    private static final class Table {
        private final Map<PayloadType, Function<Payload, LogEntry.Builder>> commands = new EnumMap<>(
                PayloadType.class);

        <P extends Payload> Table on(PayloadType type, Class<P> payload, Function<P, LogEntry.Builder> command) {
            if (type.payloadClass() != payload) {
                throw new IllegalStateException(type + " carries " + type.payloadClass().getSimpleName());
            }
            commands.put(type, p -> command.apply(payload.cast(p)));
            return this;
        }
    }

    private static Map<PayloadType, Function<Payload, LogEntry.Builder>> commands() {
        Table table = new Table();
        identity(table);
        executors(table);
        processes(table);
        records(table);
        workflows(table);
        scheduled(table);
        files(table);
        catalog(table);
        blueprints(table);
        return Collections.unmodifiableMap(table.commands);
    }

    private static LogEntry.Builder entry() {
        return LogEntry.newBuilder();
    }

    private static void identity(Table table) {
        table.on(PayloadType.CHANGE_SERVER_ID, ServerPayloads.ChangeServerId.class, p -> entry()
                        .setChangeServerId(ChangeServerId.newBuilder().setServerId(p.serverId())))
                .on(PayloadType.ADD_CLUSTER_MEMBER, ServerPayloads.AddClusterMember.class, p -> entry()
                        .setAddClusterMember(AddClusterMember.newBuilder().setNodeId(p.nodeName()).setHost(p.host())
                                .setRaftPort(p.raftPort()).setHttpPort(p.apiPort())))
                .on(PayloadType.REMOVE_CLUSTER_MEMBER, ServerPayloads.RemoveClusterMember.class, p -> entry()
                        .setRemoveClusterMember(RemoveClusterMember.newBuilder().setNodeId(p.nodeName())))
                .on(PayloadType.ADD_COLONY, ColonyPayloads.AddColony.class, p -> {
                    Colony colony = present(p.colony(), PayloadType.ADD_COLONY, "colony");
                    return entry().setAddColony(AddColony.newBuilder().setColonyId(colony.colonyId())
                            .setName(colony.name()));
                })
                .on(PayloadType.REMOVE_COLONY, ColonyPayloads.ColonyRef.class, p -> entry()
                        .setRemoveColony(RemoveColony.newBuilder().setColonyName(p.colonyName())))
                .on(PayloadType.CHANGE_COLONY_ID, ColonyPayloads.ChangeColonyId.class, p -> entry()
                        .setChangeColonyId(ChangeColonyId.newBuilder().setColonyName(p.colonyName())
                                .setColonyId(p.colonyId())))
                .on(PayloadType.ADD_USER, UserPayloads.AddUser.class, p -> {
                    User user = present(p.user(), PayloadType.ADD_USER, "user");
                    return entry().setAddUser(AddUser.newBuilder().setColonyName(user.colonyName())
                            .setUserId(user.userId()).setName(user.name()).setEmail(user.email())
                            .setPhone(user.phone()));
                })
                .on(PayloadType.REMOVE_USER, UserPayloads.UserRef.class, p -> entry()
                        .setRemoveUser(RemoveUser.newBuilder().setColonyName(p.colonyName()).setName(p.name())))
                .on(PayloadType.CHANGE_USER_ID, UserPayloads.UserIdRef.class, p -> entry()
                        .setChangeUserId(ChangeUserId.newBuilder().setColonyName(p.colonyName())
                                .setUserId(p.userId())));
    }

    private static void executors(Table table) {
        table.on(PayloadType.ADD_EXECUTOR, ExecutorPayloads.AddExecutor.class, p -> entry()
                        .setAddExecutor(AddExecutor.newBuilder().setExecutorJson(json(present(p.executor(),
                                PayloadType.ADD_EXECUTOR, "executor")))))
                .on(PayloadType.APPROVE_EXECUTOR, ExecutorPayloads.ExecutorRef.class,
                        p -> setState(p, ExecutorState.EXECUTOR_STATE_APPROVED))
                .on(PayloadType.REJECT_EXECUTOR, ExecutorPayloads.ExecutorRef.class,
                        p -> setState(p, ExecutorState.EXECUTOR_STATE_REJECTED))
                .on(PayloadType.REMOVE_EXECUTOR, ExecutorPayloads.ExecutorRef.class, p -> entry()
                        .setRemoveExecutor(RemoveExecutor.newBuilder().setColonyName(p.colonyName())
                                .setExecutorName(p.executorName())))
                .on(PayloadType.REPORT_ALLOCATION, ExecutorPayloads.ReportAllocation.class, p -> entry()
                        .setReportAllocation(ReportAllocation.newBuilder().setColonyName(p.colonyName())
                                .setExecutorName(p.executorName()).setAllocationsJson(json(
                                        p.allocations() == null ? Allocations.NONE : p.allocations()))))
                .on(PayloadType.UPDATE_EXECUTOR, ExecutorPayloads.UpdateExecutor.class, p -> entry()
                        .setUpdateCapabilities(UpdateCapabilities.newBuilder().setColonyName(p.colonyName())
                                .setExecutorName(p.executorName()).setCapabilitiesJson(json(
                                        p.capabilities() == null ? Capabilities.NONE : p.capabilities()))))
                .on(PayloadType.CHANGE_EXECUTOR_ID, ExecutorPayloads.ExecutorIdRef.class, p -> entry()
                        .setChangeExecutorId(ChangeExecutorId.newBuilder().setColonyName(p.colonyName())
                                .setExecutorId(p.executorId())));
    }

    private static LogEntry.Builder setState(ExecutorPayloads.ExecutorRef p, ExecutorState state) {
        return entry().setSetExecutorState(SetExecutorState.newBuilder().setColonyName(p.colonyName())
                .setExecutorName(p.executorName()).setState(state));
    }

    private static void processes(Table table) {
        table.on(PayloadType.SUBMIT_FUNC_SPEC, ProcessPayloads.SubmitFuncSpec.class, p -> entry()
                        .setSubmitProcess(SubmitProcess.newBuilder().setSpecJson(json(present(p.spec(),
                                PayloadType.SUBMIT_FUNC_SPEC, "spec")))))
                .on(PayloadType.ASSIGN_PROCESS, ProcessPayloads.AssignProcess.class,
                        p -> entry().setAssignProcess(assign(p)))
                .on(PayloadType.REMOVE_PROCESS, ProcessPayloads.ProcessRef.class, p -> entry()
                        .setRemoveProcess(RemoveProcess.newBuilder().setProcessId(p.processId())))
                .on(PayloadType.CANCEL_PROCESS, ProcessPayloads.ProcessRef.class, p -> entry()
                        .setCancelProcess(CancelProcess.newBuilder().setProcessId(p.processId())))
                .on(PayloadType.REMOVE_ALL_PROCESSES, ProcessPayloads.RemoveAllProcesses.class, p -> entry()
                        .setRemoveAllProcesses(RemoveAllProcesses.newBuilder().setColonyName(p.colonyName())
                                .setState(p.state())))
                .on(PayloadType.SET_OUTPUT, ProcessPayloads.ProcessOutput.class, p -> entry()
                        .setSetOutput(SetOutput.newBuilder().setProcessId(p.processId()).setOutJson(out(p.out()))))
                .on(PayloadType.CLOSE_SUCCESSFUL, ProcessPayloads.ProcessOutput.class, p -> entry()
                        .setCloseProcess(CloseProcess.newBuilder().setProcessId(p.processId()).setSuccessful(true)
                                .setOutJson(out(p.out()))))
                .on(PayloadType.CLOSE_FAILED, ProcessPayloads.CloseFailed.class, p -> entry()
                        .setCloseProcess(CloseProcess.newBuilder().setProcessId(p.processId()).setSuccessful(false)
                                .addAllErrors(p.errors() == null ? List.of() : p.errors())))
                .on(PayloadType.PAUSE_ASSIGNMENTS, ColonyPayloads.ColonyRef.class, p -> pause(p, true))
                .on(PayloadType.RESUME_ASSIGNMENTS, ColonyPayloads.ColonyRef.class, p -> pause(p, false));
    }

    private static LogEntry.Builder pause(ColonyPayloads.ColonyRef p, boolean paused) {
        return entry().setSetAssignmentsPaused(SetAssignmentsPaused.newBuilder().setColonyName(p.colonyName())
                .setPaused(paused));
    }

    /**
     * The assign command of an {@code assignprocessmsg}: the colony and the resources the executor offers.
     *
     * @throws Rejection 400 for an unreadable {@code availablecpu} or {@code availablemem}
     */
    public static AssignProcess.Builder assign(ProcessPayloads.AssignProcess p) {
        long cpu = Resources.availableCpuMillis(p.availableCpu()).orElseThrow(() -> Rejection.badRequest(
                "Failed to assign process, invalid availablecpu <" + p.availableCpu() + ">"));
        long mem = Resources.memMiB(p.availableMem(), Resources.UNLIMITED).orElseThrow(() ->
                Rejection.badRequest("Failed to assign process, invalid availablemem <" + p.availableMem() + ">"));
        return AssignProcess.newBuilder().setColonyName(p.colonyName()).setAvailableCpuMillis(cpu)
                .setAvailableMemMib(mem);
    }

    private static void records(Table table) {
        table.on(PayloadType.ADD_FUNCTION, RecordPayloads.AddFunction.class, p -> entry()
                        .setAddFunction(AddFunction.newBuilder().setFunctionJson(json(present(p.function(),
                                PayloadType.ADD_FUNCTION, "fun")))))
                .on(PayloadType.REMOVE_FUNCTION, RecordPayloads.FunctionRef.class, p -> entry()
                        .setRemoveFunction(RemoveFunction.newBuilder().setFunctionId(p.functionId())))
                .on(PayloadType.ADD_ATTRIBUTE, RecordPayloads.AddAttribute.class, p -> entry()
                        .setAddAttribute(AddAttribute.newBuilder().setAttributeJson(json(present(p.attribute(),
                                PayloadType.ADD_ATTRIBUTE, "attribute")))))
                .on(PayloadType.ADD_LOG, RecordPayloads.AddLog.class, p -> entry()
                        .setAddProcessLog(AddProcessLog.newBuilder().setProcessId(p.processId())
                                .setMessage(p.message())))
                .on(PayloadType.ADD_EXECUTOR_LOG, RecordPayloads.AddExecutorLog.class, p -> entry()
                        .setAddExecutorLog(AddExecutorLog.newBuilder().setColonyName(p.colonyName())
                                .setExecutorName(p.executorName()).setMessage(p.message())));
    }

    private static void workflows(Table table) {
        table.on(PayloadType.SUBMIT_WORKFLOW_SPEC, WorkflowPayloads.SubmitWorkflowSpec.class, p -> entry()
                        .setSubmitWorkflow(SubmitWorkflow.newBuilder().setWorkflowJson(json(present(p.spec(),
                                PayloadType.SUBMIT_WORKFLOW_SPEC, "spec")))))
                .on(PayloadType.REMOVE_PROCESS_GRAPH, WorkflowPayloads.ProcessGraphRef.class, p -> entry()
                        .setRemoveProcessGraph(RemoveProcessGraph.newBuilder().setProcessGraphId(p.processGraphId())))
                .on(PayloadType.REMOVE_ALL_PROCESS_GRAPHS, WorkflowPayloads.RemoveAllProcessGraphs.class, p -> entry()
                        .setRemoveAllProcessGraphs(RemoveAllProcessGraphs.newBuilder().setColonyName(p.colonyName())
                                .setState(p.state())))
                .on(PayloadType.CANCEL_PROCESS_GRAPH, WorkflowPayloads.ProcessGraphRef.class, p -> entry()
                        .setCancelProcessGraph(CancelProcessGraph.newBuilder().setProcessGraphId(p.processGraphId())))
                .on(PayloadType.ADD_CHILD, WorkflowPayloads.AddChild.class, p -> entry()
                        .setAddChild(AddChild.newBuilder().setProcessGraphId(p.processGraphId())
                                .setParentProcessId(p.parentProcessId()).setChildProcessId(p.childProcessId())
                                .setSpecJson(json(present(p.spec(), PayloadType.ADD_CHILD, "spec")))
                                .setInsert(p.insert())));
    }

    private static void scheduled(Table table) {
        table.on(PayloadType.ADD_CRON, ScheduledPayloads.AddCron.class, p -> entry()
                        .setAddCron(AddCron.newBuilder().setCronJson(json(present(p.cron(), PayloadType.ADD_CRON,
                                "cron")))))
                .on(PayloadType.REMOVE_CRON, ScheduledPayloads.CronRef.class, p -> entry()
                        .setRemoveCron(RemoveCron.newBuilder().setCronId(p.cronId())))
                .on(PayloadType.RUN_CRON, ScheduledPayloads.CronRef.class, p -> entry()
                        .setRunCron(RunCron.newBuilder().setCronId(p.cronId())))
                .on(PayloadType.ADD_GENERATOR, ScheduledPayloads.AddGenerator.class, p -> entry()
                        .setAddGenerator(AddGenerator.newBuilder().setGeneratorJson(json(present(p.generator(),
                                PayloadType.ADD_GENERATOR, "generator")))))
                .on(PayloadType.REMOVE_GENERATOR, ScheduledPayloads.GeneratorRef.class, p -> entry()
                        .setRemoveGenerator(RemoveGenerator.newBuilder().setGeneratorId(p.generatorId())))
                .on(PayloadType.PACK_GENERATOR, ScheduledPayloads.PackGenerator.class, p -> entry()
                        .setPackGenerator(PackGenerator.newBuilder().setGeneratorId(p.generatorId())
                                .setArg(p.arg())));
    }

    private static void files(Table table) {
        table.on(PayloadType.ADD_FILE, CfsPayloads.AddFile.class, p -> entry()
                        .setAddFile(AddFile.newBuilder().setFileJson(json(present(p.file(), PayloadType.ADD_FILE,
                                "file")))))
                .on(PayloadType.REMOVE_FILE, CfsPayloads.RemoveFile.class, p -> entry()
                        .setRemoveFile(RemoveFile.newBuilder().setColonyName(p.colonyName())
                                .setFileId(p.fileId()).setLabel(p.label()).setName(p.name())))
                .on(PayloadType.CREATE_SNAPSHOT, CfsPayloads.CreateSnapshot.class, p -> entry()
                        .setCreateSnapshot(CreateSnapshot.newBuilder().setColonyName(p.colonyName())
                                .setLabel(p.label()).setName(p.name())))
                .on(PayloadType.REMOVE_SNAPSHOT, CfsPayloads.SnapshotRef.class, p -> entry()
                        .setRemoveSnapshot(RemoveSnapshot.newBuilder().setColonyName(p.colonyName())
                                .setSnapshotId(p.snapshotId()).setName(p.name())))
                .on(PayloadType.REMOVE_ALL_SNAPSHOTS, ColonyPayloads.ColonyRef.class, p -> entry()
                        .setRemoveAllSnapshots(RemoveAllSnapshots.newBuilder().setColonyName(p.colonyName())));
    }

    private static void catalog(Table table) {
        table.on(PayloadType.ADD_LOCATION, CatalogPayloads.AddLocation.class, p -> entry()
                        .setAddLocation(AddLocation.newBuilder().setLocationJson(json(present(p.location(),
                                PayloadType.ADD_LOCATION, "location")))))
                .on(PayloadType.REMOVE_LOCATION, CatalogPayloads.LocationRef.class, p -> entry()
                        .setRemoveLocation(RemoveLocation.newBuilder().setColonyName(p.colonyName())
                                .setName(p.name())))
                .on(PayloadType.CHANNEL_APPEND, CatalogPayloads.ChannelAppend.class, p -> entry()
                        .setAppendChannel(AppendChannel.newBuilder().setProcessId(p.processId())
                                .setName(p.name()).setSequence(p.sequence()).setInReplyTo(p.inReplyTo())
                                .setPayload(p.payload() == null ? ByteString.EMPTY : ByteString.copyFrom(p.payload()))
                                .setType(p.payloadType())));
    }

    private static void blueprints(Table table) {
        table.on(PayloadType.ADD_BLUEPRINT_DEFINITION, BlueprintPayloads.AddDefinition.class, p -> entry()
                        .setAddBlueprintDefinition(AddBlueprintDefinition.newBuilder().setDefinitionJson(json(present(
                                p.definition(), PayloadType.ADD_BLUEPRINT_DEFINITION, "blueprint definition")))))
                .on(PayloadType.REMOVE_BLUEPRINT_DEFINITION, BlueprintPayloads.NamespacedRef.class, p -> entry()
                        .setRemoveBlueprintDefinition(RemoveBlueprintDefinition.newBuilder()
                                .setColonyName(p.namespace()).setName(p.name())))
                .on(PayloadType.ADD_BLUEPRINT, BlueprintPayloads.AddBlueprint.class, p -> entry()
                        .setAddBlueprint(AddBlueprint.newBuilder().setBlueprintJson(json(present(p.blueprint(),
                                PayloadType.ADD_BLUEPRINT, "blueprint")))))
                .on(PayloadType.UPDATE_BLUEPRINT, BlueprintPayloads.UpdateBlueprint.class, p -> entry()
                        .setUpdateBlueprint(UpdateBlueprint.newBuilder().setBlueprintJson(json(present(p.blueprint(),
                                PayloadType.UPDATE_BLUEPRINT, "blueprint"))).setForceGeneration(p.forceGeneration())))
                .on(PayloadType.UPDATE_BLUEPRINT_STATUS, BlueprintPayloads.UpdateStatus.class, p -> entry()
                        .setUpdateBlueprintStatus(UpdateBlueprintStatus.newBuilder()
                                .setColonyName(p.colonyName()).setName(p.blueprintName())
                                .setStatusJson(json(p.status() == null ? Map.of() : p.status()))))
                .on(PayloadType.REMOVE_BLUEPRINT, BlueprintPayloads.NamespacedRef.class, p -> entry()
                        .setRemoveBlueprint(RemoveBlueprint.newBuilder().setColonyName(p.namespace())
                                .setName(p.name())))
                .on(PayloadType.RECONCILE_BLUEPRINT, BlueprintPayloads.Reconcile.class, p -> entry()
                        .setReconcileBlueprint(ReconcileBlueprint.newBuilder().setColonyName(p.namespace())
                                .setName(p.name()).setForce(p.force())));
    }


    /** The value, or a 400 {@code Failed to <operation>, <what> is nil} (the Go server's text). */
    private static <T> T present(T value, PayloadType type, String what) {
        if (value == null) {
            throw Rejection.badRequest("Failed to " + type.operation() + ", " + what + " is nil");
        }
        return value;
    }

    private static ByteString json(Object value) {
        return ByteString.copyFrom(Json.toBytes(value));
    }

    private static ByteString out(List<Object> out) {
        return out == null || out.isEmpty() ? ByteString.EMPTY : json(out);
    }
}
