package org.colonyos.colonies.sm;

import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Sha3;
import org.colonyos.colonies.proto.log.BootstrapServerId;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.log.SignedRequest;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.User;
import org.colonyos.colonies.proto.wire.ColonyPayloads;
import org.colonyos.colonies.proto.wire.ExecutorPayloads;
import org.colonyos.colonies.proto.wire.Payload;
import org.colonyos.colonies.proto.wire.PayloadCodec;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.UserPayloads;

/**
 * Builders of log entries for tests, as the frontend makes them: a client entry carries a request signed with
 * the caller's private key (apply proves the caller from it); a leader duty carries its command alone. The
 * leader time is explicit.
 */
public final class Commands {
    public static final String SERVER_KEY = keyOf("server");
    public static final String COLONY_KEY = keyOf("colony");
    public static final String EXECUTOR_KEY = keyOf("executor");
    public static final String SERVER_ID = Identity.idOfPrivateKey(SERVER_KEY);
    public static final String COLONY_ID = Identity.idOfPrivateKey(COLONY_KEY);
    public static final String EXECUTOR_ID = Identity.idOfPrivateKey(EXECUTOR_KEY);

    private Commands() {
    }

    /** A private key named for tests (the SHA3-256 of the name). */
    public static String keyOf(String name) {
        return Sha3.hashHex("test key " + name);
    }

    /** A client entry: {@code payload} as {@code type}, signed with {@code prvKey}, stamped at {@code timeNanos}. */
    public static LogEntry signed(String prvKey, long timeNanos, PayloadType type, Payload payload) {
        return request(prvKey, type, payload).setLeaderTimeUnixNanos(timeNanos).build();
    }

    /** A client entry as the frontend proposes it (not yet stamped by the leader). */
    public static LogEntry.Builder request(String prvKey, PayloadType type, Payload payload) {
        String body = PayloadCodec.encode(type, payload);
        return LogEntry.newBuilder().setRequest(SignedRequest.newBuilder().setPayloadType(type.wireName())
                .setPayload(body).setSignature(Identity.sign(body, prvKey)));
    }

    /** A leader duty (no caller) stamped at {@code timeNanos}. */
    public static LogEntry duty(long timeNanos, LogEntry.Builder command) {
        return command.setLeaderTimeUnixNanos(timeNanos).build();
    }

    public static LogEntry bootstrap() {
        return LogEntry.newBuilder().setBootstrapServerId(BootstrapServerId.newBuilder().setServerId(SERVER_ID))
                .build();
    }

    public static LogEntry addColony(String name, long time) {
        return signed(SERVER_KEY, time, PayloadType.ADD_COLONY,
                new ColonyPayloads.AddColony(new Colony(COLONY_ID, name)));
    }

    public static LogEntry addExecutor(String colony, String name, String id, long time) {
        return signed(COLONY_KEY, time, PayloadType.ADD_EXECUTOR,
                new ExecutorPayloads.AddExecutor(Executor.of(id, "cli", name, colony)));
    }

    public static LogEntry approve(String colony, String name, long time) {
        return signed(COLONY_KEY, time, PayloadType.APPROVE_EXECUTOR, new ExecutorPayloads.ExecutorRef(colony, name));
    }

    public static LogEntry addUser(String colony, String name, String id, long time) {
        return signed(COLONY_KEY, time, PayloadType.ADD_USER,
                new UserPayloads.AddUser(new User(colony, id, name, name + "@example.org", "")));
    }
}
