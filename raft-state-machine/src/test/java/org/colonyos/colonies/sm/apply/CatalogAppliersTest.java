package org.colonyos.colonies.sm.apply;

import static org.colonyos.colonies.sm.Commands.COLONY_KEY;
import static org.colonyos.colonies.sm.Commands.EXECUTOR_KEY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.model.ChannelEntry;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.Location;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.wire.CatalogPayloads;
import org.colonyos.colonies.proto.wire.ExecutorPayloads;
import org.colonyos.colonies.proto.wire.Payload;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ProcessPayloads;
import org.colonyos.colonies.sm.Commands;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.ChannelAccess;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Channels and locations applied to the state: order and positions, payloads, types, the limits with their
 * texts, who may use a channel, channels dropped when their process ends, and locations with their access rules
 * and their use in scheduling.
 */
class CatalogAppliersTest {
    private static final long MILLI = 1_000_000L;
    private static final String WORKER_KEY = Commands.keyOf("worker");
    private static final String USER_KEY = Commands.keyOf("user");
    private AppliedLog log;
    private ColoniesState state;
    private long time = 1_000_000 * MILLI;

    @BeforeEach
    void setUp() {
        log = new AppliedLog();
        state = log.state;
        log.twoColonies(() -> tick(1));
        log.ok(Commands.addExecutor("test", "worker", Identity.idOfPrivateKey(WORKER_KEY), tick(1)));
        log.ok(Commands.approve("test", "worker", tick(1)));
        log.ok(Commands.addUser("test", "user", Identity.idOfPrivateKey(USER_KEY), tick(1)));
    }

    private long tick(long millis) {
        time += millis * MILLI;
        return time;
    }

    private LogEntry entry(String key, PayloadType type, Payload payload) {
        return log.signed(key, type, payload, tick(1));
    }

    /** A process submitted by executor e1 with channel "chat", assigned to "worker". */
    private ColonyProcess runningWithChat() {
        FunctionSpec spec = FunctionSpec.of("test", "cli", "f", List.of()).withChannels(List.of("chat"));
        log.ok(entry(EXECUTOR_KEY, PayloadType.SUBMIT_FUNC_SPEC, new ProcessPayloads.SubmitFuncSpec(spec)));
        return Json.parse(log.ok(entry(WORKER_KEY, PayloadType.ASSIGN_PROCESS, new ProcessPayloads.AssignProcess(
                "test", 10, "", ""))).getReplyJson().toByteArray(), ColonyProcess.class);
    }

    private LogEntry append(String key, String processId, long sequence, byte[] payload, String type) {
        return entry(key, PayloadType.CHANNEL_APPEND, new CatalogPayloads.ChannelAppend(processId, "chat", sequence,
                0, payload, type));
    }

    private List<ChannelEntry> read(String processId, long from, int limit) {
        return ChannelAccess.readable(state, Identity.idOfPrivateKey(EXECUTOR_KEY), processId, "chat", from, limit,
                "read from");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void entriesKeepTheirOrderAndAreReadByPosition() {
        String id = runningWithChat().processId();
        log.ok(append(EXECUTOR_KEY, id, 1, utf8("grüße ✓"), ""));
        log.ok(append(WORKER_KEY, id, 1, new byte[] {0, -1, 127}, ""));
        log.ok(append(EXECUTOR_KEY, id, 3, utf8("three"), ""));
        log.ok(append(EXECUTOR_KEY, id, 2, utf8("two, late"), ""));
        log.ok(append(WORKER_KEY, id, 2, new byte[0], ChannelEntry.END));
        List<ChannelEntry> all = read(id, 0, 0);
        assertEquals(List.of("grüße ✓", "two, late", "three"), all.stream()
                .filter(e -> e.senderId().equals(Identity.idOfPrivateKey(EXECUTOR_KEY)))
                .map(e -> new String(e.payload(), StandardCharsets.UTF_8)).toList(), "a sender's entries by sequence");
        assertArrayEquals(new byte[] {0, -1, 127}, all.get(1).payload());
        assertEquals(List.of(ChannelEntry.DATA, ChannelEntry.DATA, ChannelEntry.DATA, ChannelEntry.DATA,
                ChannelEntry.END), all.stream().map(ChannelEntry::type).toList());
        assertEquals(all.subList(2, 5), read(id, 2, 0), "afterseq skips that many entries");
        assertEquals(all.subList(1, 2), read(id, 1, 1));
        assertEquals(List.of(), read(id, 9, 0));
        assertTrue(log.refused(append(EXECUTOR_KEY, id, 9, new byte[0], "shout"), 400).startsWith("invalid"));
    }

    @Test
    void onlyTheInitiatorAndTheAssigneeMayUseAChannel() {
        String id = runningWithChat().processId();
        assertEquals("Not authorized to write to channel", log.refused(append(USER_KEY, id, 1, new byte[0], ""),
                403));
        assertTrue(log.refused(append(AppliedLog.OTHER_KEY, id, 1, new byte[0], ""), 403).contains("not a member"));
        assertEquals("Process not found", log.refused(append(EXECUTOR_KEY, "f".repeat(64), 1, new byte[0], ""),
                404));
        assertEquals("Channel not found", log.refused(entry(EXECUTOR_KEY, PayloadType.CHANNEL_APPEND,
                new CatalogPayloads.ChannelAppend(id, "undeclared", 1, 0, new byte[0], "")), 404));
        Rejection refused = org.junit.jupiter.api.Assertions.assertThrows(Rejection.class, () ->
                ChannelAccess.readable(state, Identity.idOfPrivateKey(USER_KEY), id, "chat", 0, 0, "read from"));
        assertEquals("Not authorized to read from channel", refused.getMessage());
    }

    @Test
    void theLimitsRefuseWithTheProtocolsTexts() {
        String id = runningWithChat().processId();
        for (int i = 0; i < CatalogApplier.BURST; i++) {
            log.ok(Commands.request(EXECUTOR_KEY, PayloadType.CHANNEL_APPEND, new CatalogPayloads.ChannelAppend(id,
                    "chat", i, 0, new byte[0], "")).setLeaderTimeUnixNanos(time).build());
        }
        assertEquals("rate limit exceeded", log.refused(append(EXECUTOR_KEY, id, 501, new byte[0], ""), 500));
        tick(1_000);
        for (int i = 0; i < 100; i++) {
            log.ok(append(EXECUTOR_KEY, id, 600 + i, new byte[0], ""));
        }
        assertEquals("message payload exceeds maximum size", log.refused(append(EXECUTOR_KEY, id, 1,
                new byte[CatalogApplier.MAX_PAYLOAD_BYTES + 1], ""), 500));
        for (int i = read(id, 0, 0).size(); i < CatalogApplier.MAX_ENTRIES; i++) {
            tick(10);
            log.ok(append(WORKER_KEY, id, i, new byte[0], ""));
        }
        tick(10);
        assertEquals("channel log is full", log.refused(append(WORKER_KEY, id, 1, new byte[0], ""), 500));
    }

    @Test
    void channelsAreDroppedWhenTheirProcessEnds() {
        String closed = runningWithChat().processId();
        log.ok(append(EXECUTOR_KEY, closed, 1, utf8("x"), ""));
        log.ok(entry(WORKER_KEY, PayloadType.CLOSE_SUCCESSFUL, new ProcessPayloads.ProcessOutput(closed, null)));
        assertEquals(0, state.catalog().channelSize(closed, "chat"));
        assertEquals("Channel not found", log.refused(append(EXECUTOR_KEY, closed, 2, utf8("y"), ""), 404));

        String cancelled = runningWithChat().processId();
        log.ok(append(EXECUTOR_KEY, cancelled, 1, utf8("x"), ""));
        log.ok(entry(EXECUTOR_KEY, PayloadType.CANCEL_PROCESS, new ProcessPayloads.ProcessRef(cancelled, false)));
        assertEquals(0, state.catalog().channelSize(cancelled, "chat"));
        assertEquals(0, state.catalog().channelsWithEntries(cancelled));
        assertEquals(state.store().digest(), log.replayed().state.store().digest(), "a replay gives the same state");
    }

    @Test
    void locationsBelongToTheColonyOwnerAndSteerScheduling() {
        Location north = new Location("loc-1", "north", "test", "the north", 18.1, 59.3);
        log.ok(entry(COLONY_KEY, PayloadType.ADD_LOCATION, new CatalogPayloads.AddLocation(north)));
        assertEquals(north, state.catalog().location("test", "north").orElseThrow());
        assertTrue(log.refused(entry(COLONY_KEY, PayloadType.ADD_LOCATION, new CatalogPayloads.AddLocation(north)),
                400).contains("already exists"));
        log.refused(entry(EXECUTOR_KEY, PayloadType.ADD_LOCATION, new CatalogPayloads.AddLocation(
                new Location("", "south", "test", "", 0, 0))), 403);
        log.refused(entry(COLONY_KEY, PayloadType.ADD_LOCATION, new CatalogPayloads.AddLocation(
                new Location("", "x", "nowhere", "", 0, 0))), 400);
        log.refused(entry(COLONY_KEY, PayloadType.ADD_LOCATION, new CatalogPayloads.AddLocation(null)), 400);
        assertEquals(List.of(north), state.catalog().locationsOf("test"));

        String northKey = Commands.keyOf("north executor");
        log.ok(Commands.signed(COLONY_KEY, tick(1), PayloadType.ADD_EXECUTOR, new ExecutorPayloads.AddExecutor(
                Executor.of(Identity.idOfPrivateKey(northKey), "cli", "up-north", "test").withLocation("north"))));
        log.ok(Commands.approve("test", "up-north", tick(1)));
        FunctionSpec spec = FunctionSpec.of("test", "cli", "f", List.of());
        log.ok(entry(EXECUTOR_KEY, PayloadType.SUBMIT_FUNC_SPEC, new ProcessPayloads.SubmitFuncSpec(
                spec.withConditions(spec.conditions().withLocation("North")))));
        ProcessPayloads.AssignProcess once = new ProcessPayloads.AssignProcess("test", -1, "", "");
        log.refused(entry(WORKER_KEY, PayloadType.ASSIGN_PROCESS, once), 404);
        log.ok(entry(northKey, PayloadType.ASSIGN_PROCESS, once));

        log.refused(entry(EXECUTOR_KEY, PayloadType.REMOVE_LOCATION, new CatalogPayloads.LocationRef("test",
                "north")), 403);
        log.ok(entry(COLONY_KEY, PayloadType.REMOVE_LOCATION, new CatalogPayloads.LocationRef("test", "north")));
        assertTrue(log.refused(entry(COLONY_KEY, PayloadType.REMOVE_LOCATION, new CatalogPayloads.LocationRef(
                "test", "north")), 400).contains("not found"));
    }
}
