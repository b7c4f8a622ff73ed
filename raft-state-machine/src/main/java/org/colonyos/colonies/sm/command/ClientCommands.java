package org.colonyos.colonies.sm.command;

import com.google.protobuf.ByteString;
import java.util.List;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.log.AddAttribute;
import org.colonyos.colonies.proto.log.AddClusterMember;
import org.colonyos.colonies.proto.log.AddColony;
import org.colonyos.colonies.proto.log.AddExecutor;
import org.colonyos.colonies.proto.log.AddExecutorLog;
import org.colonyos.colonies.proto.log.AddFunction;
import org.colonyos.colonies.proto.log.AddProcessLog;
import org.colonyos.colonies.proto.log.AddUser;
import org.colonyos.colonies.proto.log.AssignProcess;
import org.colonyos.colonies.proto.log.CancelProcess;
import org.colonyos.colonies.proto.log.ChangeColonyId;
import org.colonyos.colonies.proto.log.ChangeExecutorId;
import org.colonyos.colonies.proto.log.ChangeServerId;
import org.colonyos.colonies.proto.log.ChangeUserId;
import org.colonyos.colonies.proto.log.CloseProcess;
import org.colonyos.colonies.proto.log.ExecutorState;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.log.RemoveAllProcesses;
import org.colonyos.colonies.proto.log.RemoveClusterMember;
import org.colonyos.colonies.proto.log.RemoveColony;
import org.colonyos.colonies.proto.log.RemoveExecutor;
import org.colonyos.colonies.proto.log.RemoveFunction;
import org.colonyos.colonies.proto.log.RemoveProcess;
import org.colonyos.colonies.proto.log.RemoveUser;
import org.colonyos.colonies.proto.log.ReportAllocation;
import org.colonyos.colonies.proto.log.SetAssignmentsPaused;
import org.colonyos.colonies.proto.log.SetExecutorState;
import org.colonyos.colonies.proto.log.SetOutput;
import org.colonyos.colonies.proto.log.SubmitProcess;
import org.colonyos.colonies.proto.log.UpdateCapabilities;
import org.colonyos.colonies.proto.model.Allocations;
import org.colonyos.colonies.proto.model.Capabilities;
import org.colonyos.colonies.proto.model.Resources;
import org.colonyos.colonies.proto.model.User;
import org.colonyos.colonies.proto.wire.ColonyPayloads;
import org.colonyos.colonies.proto.wire.ExecutorPayloads;
import org.colonyos.colonies.proto.wire.Payload;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ProcessPayloads;
import org.colonyos.colonies.proto.wire.RecordPayloads;
import org.colonyos.colonies.proto.wire.ServerPayloads;
import org.colonyos.colonies.proto.wire.UserPayloads;
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
    private ClientCommands() {
    }

    /** Whether the payload type is a write, that is whether {@link #of} translates it. */
    public static boolean isWrite(PayloadType type) {
        return switch (type) {
            case CHANGE_SERVER_ID, ADD_CLUSTER_MEMBER, REMOVE_CLUSTER_MEMBER, ADD_COLONY, REMOVE_COLONY,
                    CHANGE_COLONY_ID, ADD_EXECUTOR, APPROVE_EXECUTOR, REJECT_EXECUTOR, REMOVE_EXECUTOR,
                    REPORT_ALLOCATION, UPDATE_EXECUTOR, CHANGE_EXECUTOR_ID, ADD_USER, REMOVE_USER, CHANGE_USER_ID,
                    ADD_FUNCTION, REMOVE_FUNCTION, SUBMIT_FUNC_SPEC, ASSIGN_PROCESS, REMOVE_PROCESS,
                    REMOVE_ALL_PROCESSES, SET_OUTPUT, CLOSE_SUCCESSFUL, CLOSE_FAILED, CANCEL_PROCESS,
                    PAUSE_ASSIGNMENTS, RESUME_ASSIGNMENTS, ADD_ATTRIBUTE, ADD_LOG, ADD_EXECUTOR_LOG -> true;
            default -> false;
        };
    }

    /**
     * The command of a write message.
     *
     * @throws Rejection 400 when the message lacks a document it needs (the Go server's text)
     * @throws IllegalArgumentException for a type that is not a write
     */
    public static LogEntry.Builder of(PayloadType type, Payload payload) {
        LogEntry.Builder entry = LogEntry.newBuilder();
        return switch (type) {
            case CHANGE_SERVER_ID, ADD_CLUSTER_MEMBER, REMOVE_CLUSTER_MEMBER, ADD_COLONY, REMOVE_COLONY,
                    CHANGE_COLONY_ID, ADD_USER, REMOVE_USER, CHANGE_USER_ID -> identity(entry, type, payload);
            case ADD_EXECUTOR, APPROVE_EXECUTOR, REJECT_EXECUTOR, REMOVE_EXECUTOR, REPORT_ALLOCATION,
                    UPDATE_EXECUTOR, CHANGE_EXECUTOR_ID -> executor(entry, type, payload);
            case SUBMIT_FUNC_SPEC, ASSIGN_PROCESS, REMOVE_PROCESS, REMOVE_ALL_PROCESSES, SET_OUTPUT,
                    CLOSE_SUCCESSFUL, CLOSE_FAILED, CANCEL_PROCESS, PAUSE_ASSIGNMENTS,
                    RESUME_ASSIGNMENTS -> process(entry, type, payload);
            case ADD_FUNCTION, REMOVE_FUNCTION, ADD_ATTRIBUTE, ADD_LOG, ADD_EXECUTOR_LOG -> record(entry, type, payload);
            default -> throw new IllegalArgumentException(type.wireName() + " is not a write");
        };
    }

    private static LogEntry.Builder identity(LogEntry.Builder entry, PayloadType type, Payload payload) {
        return switch (type) {
            case CHANGE_SERVER_ID -> {
                ServerPayloads.ChangeServerId p = (ServerPayloads.ChangeServerId) payload;
                yield entry.setChangeServerId(ChangeServerId.newBuilder()
                        .setServerId(p.serverId()));
            }
            case ADD_CLUSTER_MEMBER -> {
                ServerPayloads.AddClusterMember p = (ServerPayloads.AddClusterMember) payload;
                yield entry.setAddClusterMember(AddClusterMember.newBuilder()
                        .setNodeId(p.nodeName()).setHost(p.host()).setRaftPort(p.raftPort()).setHttpPort(p.apiPort()));
            }
            case REMOVE_CLUSTER_MEMBER -> {
                ServerPayloads.RemoveClusterMember p = (ServerPayloads.RemoveClusterMember) payload;
                yield entry.setRemoveClusterMember(RemoveClusterMember.newBuilder()
                        .setNodeId(p.nodeName()));
            }
            case ADD_COLONY -> {
                ColonyPayloads.AddColony p = (ColonyPayloads.AddColony) payload;
                yield entry.setAddColony(AddColony.newBuilder()
                        .setColonyId(present(p.colony(), type, "colony").colonyId()).setName(p.colony().name()));
            }
            case REMOVE_COLONY -> {
                ColonyPayloads.ColonyRef p = (ColonyPayloads.ColonyRef) payload;
                yield entry.setRemoveColony(RemoveColony.newBuilder()
                        .setColonyName(p.colonyName()));
            }
            case CHANGE_COLONY_ID -> {
                ColonyPayloads.ChangeColonyId p = (ColonyPayloads.ChangeColonyId) payload;
                yield entry.setChangeColonyId(ChangeColonyId.newBuilder()
                        .setColonyName(p.colonyName()).setColonyId(p.colonyId()));
            }
            case ADD_USER -> {
                UserPayloads.AddUser p = (UserPayloads.AddUser) payload;
                yield entry.setAddUser(addUser(present(p.user(), type, "user")));
            }
            case REMOVE_USER -> {
                UserPayloads.UserRef p = (UserPayloads.UserRef) payload;
                yield entry.setRemoveUser(RemoveUser.newBuilder().setColonyName(p.colonyName())
                        .setName(p.name()));
            }
            case CHANGE_USER_ID -> {
                UserPayloads.UserIdRef p = (UserPayloads.UserIdRef) payload;
                yield entry.setChangeUserId(ChangeUserId.newBuilder()
                        .setColonyName(p.colonyName()).setUserId(p.userId()));
            }
            default -> throw mismatch(type, payload);
        };
    }

    private static AddUser.Builder addUser(User user) {
        return AddUser.newBuilder().setColonyName(user.colonyName()).setUserId(user.userId()).setName(user.name())
                .setEmail(user.email()).setPhone(user.phone());
    }

    private static LogEntry.Builder executor(LogEntry.Builder entry, PayloadType type, Payload payload) {
        return switch (type) {
            case ADD_EXECUTOR -> entry.setAddExecutor(AddExecutor.newBuilder().setExecutorJson(json(present(
                    ((ExecutorPayloads.AddExecutor) payload).executor(), type, "executor"))));
            case APPROVE_EXECUTOR -> setState(entry, payload, ExecutorState.EXECUTOR_STATE_APPROVED);
            case REJECT_EXECUTOR -> setState(entry, payload, ExecutorState.EXECUTOR_STATE_REJECTED);
            case REMOVE_EXECUTOR -> {
                ExecutorPayloads.ExecutorRef p = (ExecutorPayloads.ExecutorRef) payload;
                yield entry.setRemoveExecutor(RemoveExecutor.newBuilder().setColonyName(p.colonyName())
                        .setExecutorName(p.executorName()));
            }
            case REPORT_ALLOCATION -> {
                ExecutorPayloads.ReportAllocation p = (ExecutorPayloads.ReportAllocation) payload;
                yield entry.setReportAllocation(ReportAllocation.newBuilder().setColonyName(p.colonyName())
                        .setExecutorName(p.executorName())
                        .setAllocationsJson(json(p.allocations() == null ? Allocations.NONE : p.allocations())));
            }
            case UPDATE_EXECUTOR -> {
                ExecutorPayloads.UpdateExecutor p = (ExecutorPayloads.UpdateExecutor) payload;
                yield entry.setUpdateCapabilities(UpdateCapabilities.newBuilder().setColonyName(p.colonyName())
                        .setExecutorName(p.executorName())
                        .setCapabilitiesJson(json(p.capabilities() == null ? Capabilities.NONE : p.capabilities())));
            }
            default -> {
                ExecutorPayloads.ExecutorIdRef p = (ExecutorPayloads.ExecutorIdRef) payload;
                yield entry.setChangeExecutorId(ChangeExecutorId.newBuilder().setColonyName(p.colonyName())
                        .setExecutorId(p.executorId()));
            }
        };
    }

    private static LogEntry.Builder setState(LogEntry.Builder entry, Payload payload, ExecutorState state) {
        ExecutorPayloads.ExecutorRef p = (ExecutorPayloads.ExecutorRef) payload;
        return entry.setSetExecutorState(SetExecutorState.newBuilder().setColonyName(p.colonyName())
                .setExecutorName(p.executorName()).setState(state));
    }

    private static LogEntry.Builder process(LogEntry.Builder entry, PayloadType type, Payload payload) {
        return switch (type) {
            case SUBMIT_FUNC_SPEC -> entry.setSubmitProcess(SubmitProcess.newBuilder().setSpecJson(json(present(
                    ((ProcessPayloads.SubmitFuncSpec) payload).spec(), type, "spec"))));
            case ASSIGN_PROCESS -> entry.setAssignProcess(assign((ProcessPayloads.AssignProcess) payload));
            case REMOVE_PROCESS -> entry.setRemoveProcess(RemoveProcess.newBuilder()
                    .setProcessId(((ProcessPayloads.ProcessRef) payload).processId()));
            case CANCEL_PROCESS -> entry.setCancelProcess(CancelProcess.newBuilder()
                    .setProcessId(((ProcessPayloads.ProcessRef) payload).processId()));
            case REMOVE_ALL_PROCESSES -> {
                ProcessPayloads.RemoveAllProcesses p = (ProcessPayloads.RemoveAllProcesses) payload;
                yield entry.setRemoveAllProcesses(RemoveAllProcesses.newBuilder().setColonyName(p.colonyName())
                        .setState(p.state()));
            }
            case SET_OUTPUT -> {
                ProcessPayloads.ProcessOutput p = (ProcessPayloads.ProcessOutput) payload;
                yield entry.setSetOutput(SetOutput.newBuilder().setProcessId(p.processId()).setOutJson(out(p.out())));
            }
            case CLOSE_SUCCESSFUL -> {
                ProcessPayloads.ProcessOutput p = (ProcessPayloads.ProcessOutput) payload;
                yield entry.setCloseProcess(CloseProcess.newBuilder().setProcessId(p.processId()).setSuccessful(true)
                        .setOutJson(out(p.out())));
            }
            case CLOSE_FAILED -> {
                ProcessPayloads.CloseFailed p = (ProcessPayloads.CloseFailed) payload;
                yield entry.setCloseProcess(CloseProcess.newBuilder().setProcessId(p.processId()).setSuccessful(false)
                        .addAllErrors(p.errors() == null ? List.of() : p.errors()));
            }
            default -> entry.setSetAssignmentsPaused(SetAssignmentsPaused.newBuilder()
                    .setColonyName(((ColonyPayloads.ColonyRef) payload).colonyName())
                    .setPaused(type == PayloadType.PAUSE_ASSIGNMENTS));
        };
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

    private static LogEntry.Builder record(LogEntry.Builder entry, PayloadType type, Payload payload) {
        return switch (type) {
            case ADD_FUNCTION -> {
                RecordPayloads.AddFunction p = (RecordPayloads.AddFunction) payload;
                yield entry.setAddFunction(AddFunction.newBuilder()
                        .setFunctionJson(json(present(p.function(), type, "fun"))));
            }
            case REMOVE_FUNCTION -> {
                RecordPayloads.FunctionRef p = (RecordPayloads.FunctionRef) payload;
                yield entry.setRemoveFunction(RemoveFunction.newBuilder()
                        .setFunctionId(p.functionId()));
            }
            case ADD_ATTRIBUTE -> {
                RecordPayloads.AddAttribute p = (RecordPayloads.AddAttribute) payload;
                yield entry.setAddAttribute(AddAttribute.newBuilder()
                        .setAttributeJson(json(present(p.attribute(), type, "attribute"))));
            }
            case ADD_LOG -> {
                RecordPayloads.AddLog p = (RecordPayloads.AddLog) payload;
                yield entry.setAddProcessLog(AddProcessLog.newBuilder()
                        .setProcessId(p.processId()).setMessage(p.message()));
            }
            case ADD_EXECUTOR_LOG -> {
                RecordPayloads.AddExecutorLog p = (RecordPayloads.AddExecutorLog) payload;
                yield entry.setAddExecutorLog(AddExecutorLog.newBuilder()
                        .setColonyName(p.colonyName()).setExecutorName(p.executorName()).setMessage(p.message()));
            }
            default -> throw mismatch(type, payload);
        };
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

    private static IllegalArgumentException mismatch(PayloadType type, Payload payload) {
        return new IllegalArgumentException(type.wireName() + " does not carry " + payload.getClass().getSimpleName());
    }
}
