package org.colonyos.colonies.sm;

import com.google.protobuf.ByteString;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.log.AddColony;
import org.colonyos.colonies.proto.log.AddExecutor;
import org.colonyos.colonies.proto.log.AddUser;
import org.colonyos.colonies.proto.log.BootstrapServerId;
import org.colonyos.colonies.proto.log.ExecutorState;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.log.SetExecutorState;
import org.colonyos.colonies.proto.model.Executor;

/** Builders of log entries for tests: the caller id and leader time are explicit. */
public final class Commands {
    public static final String SERVER_ID = "039231c7644e04b6895471dd5335cf332681c54e27f81fac54f9067b3f2c0103";
    public static final String COLONY_ID = "4787a5071856a4acf702b2ffcea422e3237a679c681314113d86139461290cf4";
    public static final String EXECUTOR_ID = "3fc05cf3df4b494e95d6a3d297a34f19938f7daa7422ab0d4f794454133341ac";

    private Commands() {
    }

    public static LogEntry.Builder by(String caller, long timeNanos) {
        return LogEntry.newBuilder().setInitiatorId(caller).setLeaderTimeUnixNanos(timeNanos);
    }

    public static LogEntry bootstrap() {
        return LogEntry.newBuilder().setBootstrapServerId(BootstrapServerId.newBuilder().setServerId(SERVER_ID))
                .build();
    }

    public static LogEntry addColony(String name, long time) {
        return by(SERVER_ID, time).setAddColony(AddColony.newBuilder().setName(name).setColonyId(COLONY_ID)).build();
    }

    public static LogEntry addExecutor(String colony, String name, String id, long time) {
        Executor executor = Executor.of(id, "cli", name, colony);
        return by(COLONY_ID, time).setAddExecutor(AddExecutor.newBuilder()
                .setExecutorJson(ByteString.copyFrom(Json.toBytes(executor)))).build();
    }

    public static LogEntry approve(String colony, String name, long time) {
        return by(COLONY_ID, time).setSetExecutorState(SetExecutorState.newBuilder().setColonyName(colony)
                .setExecutorName(name).setState(ExecutorState.EXECUTOR_STATE_APPROVED)).build();
    }

    public static LogEntry addUser(String colony, String name, String id, long time) {
        return by(COLONY_ID, time).setAddUser(AddUser.newBuilder().setColonyName(colony).setName(name)
                .setUserId(id).setEmail(name + "@example.org")).build();
    }
}
