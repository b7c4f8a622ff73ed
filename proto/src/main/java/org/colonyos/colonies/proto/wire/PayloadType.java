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
    CHANGE_USER_ID("changeuseridmsg", UserIdRef.class, "change user id");

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
