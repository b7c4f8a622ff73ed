package org.colonyos.colonies.proto.wire;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.colonyos.colonies.proto.wire.ColonyPayloads.AddColony;
import org.colonyos.colonies.proto.wire.ColonyPayloads.ChangeColonyId;
import org.colonyos.colonies.proto.wire.ColonyPayloads.ColonyRef;
import org.colonyos.colonies.proto.wire.ExecutorPayloads.AddExecutor;
import org.colonyos.colonies.proto.wire.ExecutorPayloads.ExecutorIdRef;
import org.colonyos.colonies.proto.wire.ExecutorPayloads.ExecutorRef;
import org.colonyos.colonies.proto.wire.ExecutorPayloads.ReportAllocation;
import org.colonyos.colonies.proto.wire.ExecutorPayloads.UpdateExecutor;
import org.colonyos.colonies.proto.wire.ProcessPayloads.ProcessOutput;
import org.colonyos.colonies.proto.wire.ProcessPayloads.ProcessRef;
import org.colonyos.colonies.proto.wire.ServerPayloads.ChangeServerId;
import org.colonyos.colonies.proto.wire.ServerPayloads.Empty;
import org.colonyos.colonies.proto.wire.UserPayloads.AddUser;
import org.colonyos.colonies.proto.wire.UserPayloads.UserIdRef;
import org.colonyos.colonies.proto.wire.UserPayloads.UserRef;

/**
 * The registry of every RPC message type this server delivers: its wire name, its payload record and the
 * operation text used in Go-compatible error messages ({@code Failed to <operation>, invalid JSON}).
 * Shared by the server's route table and the SDK. Types the server does not deliver are not listed, and the
 * server answers them as unknown.
 */
public enum PayloadType {
    VERSION("versionmsg", ServerPayloads.Version.class, "get version"),
    GET_SERVER_INFO("getserverinfomsg", Empty.class, "get server info"),
    CHANGE_SERVER_ID("changeserveridmsg", ChangeServerId.class, "change server id"),
    GET_CLUSTER("getclustermsg", Empty.class, "get cluster info"),
    ADD_CLUSTER_MEMBER("addclustermembermsg", ServerPayloads.AddClusterMember.class, "add cluster member"),
    REMOVE_CLUSTER_MEMBER("removeclustermembermsg", ServerPayloads.RemoveClusterMember.class,
            "remove cluster member"),

    ADD_COLONY("addcolonymsg", AddColony.class, "add colony"),
    REMOVE_COLONY("removecolonymsg", ColonyRef.class, "remove colony"),
    GET_COLONIES("getcoloniesmsg", Empty.class, "get colonies"),
    GET_COLONY("getcolonymsg", ColonyRef.class, "get colony"),
    CHANGE_COLONY_ID("changecolonyidmsg", ChangeColonyId.class, "change colony id"),

    ADD_EXECUTOR("addexecutormsg", AddExecutor.class, "add executor"),
    APPROVE_EXECUTOR("approveexecutormsg", ExecutorRef.class, "approve executor"),
    REJECT_EXECUTOR("rejectexecutormsg", ExecutorRef.class, "reject executor"),
    REMOVE_EXECUTOR("removeexecutormsg", ExecutorRef.class, "remove executor"),
    GET_EXECUTORS("getexecutorsmsg", ColonyRef.class, "get executors"),
    GET_EXECUTOR("getexecutormsg", ExecutorRef.class, "get executor"),
    GET_EXECUTOR_BY_ID("getexecutorbyidmsg", ExecutorIdRef.class, "get executor by id"),
    REPORT_ALLOCATION("reportallocationmsg", ReportAllocation.class, "report allocation"),
    UPDATE_EXECUTOR("updateexecutormsg", UpdateExecutor.class, "update executor"),
    CHANGE_EXECUTOR_ID("changeexecutoridmsg", ExecutorIdRef.class, "change executor id"),

    ADD_USER("addusermsg", AddUser.class, "add user"),
    GET_USERS("getusersmsg", ColonyRef.class, "get users"),
    GET_USER("getusermsg", UserRef.class, "get user"),
    GET_USER_BY_ID("getuserbyidmsg", UserIdRef.class, "get user by id"),
    REMOVE_USER("removeusermsg", UserRef.class, "remove user"),
    CHANGE_USER_ID("changeuseridmsg", UserIdRef.class, "change user id"),

    ADD_FUNCTION("addfunctionmsg", RecordPayloads.AddFunction.class, "add function"),
    GET_FUNCTIONS("getfunctionsmsg", RecordPayloads.GetFunctions.class, "get functions"),
    REMOVE_FUNCTION("removefunctionmsg", RecordPayloads.FunctionRef.class, "remove function"),

    SUBMIT_FUNC_SPEC("submitfuncspecmsg", ProcessPayloads.SubmitFuncSpec.class, "submit function spec"),
    ASSIGN_PROCESS("assignprocessmsg", ProcessPayloads.AssignProcess.class, "assign process"),
    GET_PROCESS("getprocessmsg", ProcessRef.class, "get process"),
    GET_PROCESSES("getprocessesmsg", ProcessPayloads.GetProcesses.class, "get processes"),
    GET_PROCESS_HIST("getprocesshistmsg", ProcessPayloads.GetProcessHist.class, "get process history"),
    REMOVE_PROCESS("removeprocessmsg", ProcessRef.class, "remove process"),
    REMOVE_ALL_PROCESSES("removeallprocessesmsg", ProcessPayloads.RemoveAllProcesses.class,
            "remove all processes"),
    SET_OUTPUT("setoutputmsg", ProcessOutput.class, "set output"),
    CLOSE_SUCCESSFUL("closesuccessfulmsg", ProcessOutput.class, "close process as successful"),
    CLOSE_FAILED("closefailedmsg", ProcessPayloads.CloseFailed.class, "close process as failed"),
    CANCEL_PROCESS("cancelprocessmsg", ProcessRef.class, "cancel process"),
    PAUSE_ASSIGNMENTS("pauseassignmentsmsg", ColonyRef.class, "pause assignments"),
    RESUME_ASSIGNMENTS("resumeassignmentsmsg", ColonyRef.class, "resume assignments"),
    GET_PAUSE_STATUS("getpausestatusmsg", ColonyRef.class, "get pause status"),
    SUBSCRIBE_PROCESS("subscribeprocessmsg", ProcessPayloads.SubscribeProcess.class, "subscribe process"),
    SUBSCRIBE_PROCESSES("subscribeprocessesmsg", ProcessPayloads.SubscribeProcesses.class,
            "subscribe processes"),

    SUBMIT_WORKFLOW_SPEC("submitworkflowspecmsg", WorkflowPayloads.SubmitWorkflowSpec.class, "submit workflow"),
    GET_PROCESS_GRAPH("getprocessgraphmsg", WorkflowPayloads.ProcessGraphRef.class, "get process graph"),
    GET_PROCESS_GRAPHS("getprocessgraphsmsg", WorkflowPayloads.GetProcessGraphs.class, "get process graphs"),
    REMOVE_PROCESS_GRAPH("removeprocessgraphmsg", WorkflowPayloads.ProcessGraphRef.class, "remove process graph"),
    REMOVE_ALL_PROCESS_GRAPHS("removeallprocessgraphsmsg", WorkflowPayloads.RemoveAllProcessGraphs.class,
            "remove all process graphs"),
    CANCEL_PROCESS_GRAPH("cancelprocessgraphmsg", WorkflowPayloads.ProcessGraphRef.class, "cancel process graph"),
    ADD_CHILD("addchildmsg", WorkflowPayloads.AddChild.class, "add child"),

    ADD_CRON("addcronmsg", ScheduledPayloads.AddCron.class, "add cron"),
    GET_CRON("getcronmsg", ScheduledPayloads.CronRef.class, "get cron"),
    GET_CRONS("getcronsmsg", ScheduledPayloads.ColonyListing.class, "get crons"),
    RUN_CRON("runcronmsg", ScheduledPayloads.CronRef.class, "run cron"),
    REMOVE_CRON("removecronmsg", ScheduledPayloads.CronRef.class, "remove cron"),
    ADD_GENERATOR("addgeneratormsg", ScheduledPayloads.AddGenerator.class, "add generator"),
    GET_GENERATOR("getgeneratormsg", ScheduledPayloads.GeneratorRef.class, "get generator"),
    RESOLVE_GENERATOR("resolvegeneratormsg", ScheduledPayloads.ResolveGenerator.class, "resolve generator"),
    GET_GENERATORS("getgeneratorsmsg", ScheduledPayloads.ColonyListing.class, "get generators"),
    PACK_GENERATOR("packgeneratormsg", ScheduledPayloads.PackGenerator.class, "pack generator"),
    REMOVE_GENERATOR("removegeneratormsg", ScheduledPayloads.GeneratorRef.class, "remove generator"),

    ADD_FILE("addfilemsg", CfsPayloads.AddFile.class, "add file"),
    GET_FILE("getfilemsg", CfsPayloads.GetFile.class, "get file"),
    GET_FILES("getfilesmsg", CfsPayloads.GetFiles.class, "get files"),
    GET_FILE_LABELS("getfilelabelsmsg", CfsPayloads.GetFileLabels.class, "get file labels"),
    REMOVE_FILE("removefilemsg", CfsPayloads.RemoveFile.class, "remove file"),
    CREATE_SNAPSHOT("createsnapshotmsg", CfsPayloads.CreateSnapshot.class, "create snapshot"),
    GET_SNAPSHOT("getsnapshotmsg", CfsPayloads.SnapshotRef.class, "get snapshot"),
    GET_SNAPSHOTS("getsnapshotsmsg", ColonyRef.class, "get snapshots"),
    REMOVE_SNAPSHOT("removesnapshotmsg", CfsPayloads.SnapshotRef.class, "remove snapshot"),
    REMOVE_ALL_SNAPSHOTS("removeallsnapshotmsg", ColonyRef.class, "remove all snapshots"),

    ADD_LOCATION("addlocationmsg", CatalogPayloads.AddLocation.class, "add location"),
    GET_LOCATIONS("getlocationsmsg", ColonyRef.class, "get locations"),
    GET_LOCATION("getlocationmsg", CatalogPayloads.LocationRef.class, "get location"),
    REMOVE_LOCATION("removelocationmsg", CatalogPayloads.LocationRef.class, "remove location"),

    CHANNEL_APPEND("channelappendmsg", CatalogPayloads.ChannelAppend.class, "append to channel"),
    CHANNEL_READ("channelreadmsg", CatalogPayloads.ChannelRead.class, "read channel"),
    SUBSCRIBE_CHANNEL("subscribechannelmsg", CatalogPayloads.SubscribeChannel.class, "subscribe channel"),

    ADD_BLUEPRINT_DEFINITION("addblueprintdefinitionmsg", BlueprintPayloads.AddDefinition.class,
            "add blueprint definition"),
    GET_BLUEPRINT_DEFINITION("getblueprintdefinitionmsg", BlueprintPayloads.DefinitionRef.class,
            "get blueprint definition"),
    GET_BLUEPRINT_DEFINITIONS("getblueprintdefinitionsmsg", ColonyRef.class, "get blueprint definitions"),
    REMOVE_BLUEPRINT_DEFINITION("removeblueprintdefinitionmsg", BlueprintPayloads.NamespacedRef.class,
            "remove blueprint definition"),
    ADD_BLUEPRINT("addblueprintmsg", BlueprintPayloads.AddBlueprint.class, "add blueprint"),
    GET_BLUEPRINT("getblueprintmsg", BlueprintPayloads.NamespacedRef.class, "get blueprint"),
    GET_BLUEPRINTS("getblueprintsmsg", BlueprintPayloads.GetBlueprints.class, "get blueprints"),
    UPDATE_BLUEPRINT("updateblueprintmsg", BlueprintPayloads.UpdateBlueprint.class, "update blueprint"),
    UPDATE_BLUEPRINT_STATUS("updateblueprintstatusmsg", BlueprintPayloads.UpdateStatus.class,
            "update blueprint status"),
    REMOVE_BLUEPRINT("removeblueprintmsg", BlueprintPayloads.NamespacedRef.class, "remove blueprint"),
    GET_BLUEPRINT_HISTORY("getblueprinthistorymsg", BlueprintPayloads.GetHistory.class, "get blueprint history"),
    RECONCILE_BLUEPRINT("reconcileblueprintmsg", BlueprintPayloads.Reconcile.class, "reconcile blueprint"),

    ADD_ATTRIBUTE("addattributemsg", RecordPayloads.AddAttribute.class, "add attribute"),
    GET_ATTRIBUTE("getattributemsg", RecordPayloads.AttributeRef.class, "get attribute"),
    ADD_LOG("addlogmsg", RecordPayloads.AddLog.class, "add log"),
    ADD_EXECUTOR_LOG("addexecutorlogmsg", RecordPayloads.AddExecutorLog.class, "add executor log"),
    GET_LOGS("getlogsmsg", RecordPayloads.GetLogs.class, "get logs"),
    SEARCH_LOGS("searchlogsmsg", RecordPayloads.SearchLogs.class, "search logs"),

    GET_COLONY_STATS("getcolonystatsmsg", ColonyRef.class, "get colony statistics"),
    GET_STATISTICS("getstatisticsmsg", Empty.class, "get statistics");

    private static final Map<String, PayloadType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(PayloadType::wireName, Function.identity()));

    private final String wireName;
    private final Class<? extends Payload> payloadClass;
    private final String operation;

    PayloadType(String wireName, Class<? extends Payload> payloadClass, String operation) {
        this.wireName = wireName;
        this.payloadClass = payloadClass;
        this.operation = operation;
    }

    /** The name on the wire, e.g. {@code addcolonymsg}. */
    public String wireName() {
        return wireName;
    }

    /** The payloadtype of a success reply: the request's own, but {@code pausestatusreplymsg} for pause status. */
    public String replyWireName() {
        return this == GET_PAUSE_STATUS ? ProcessPayloads.PauseStatus.MSG_TYPE : wireName;
    }

    /** The record the message JSON decodes into. */
    public Class<? extends Payload> payloadClass() {
        return payloadClass;
    }

    /** The verb phrase of Go error texts, e.g. {@code add colony}. */
    public String operation() {
        return operation;
    }

    /** The type of a wire name, if this server delivers it. */
    public static Optional<PayloadType> fromWire(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }
}
