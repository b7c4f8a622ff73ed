package org.colonyos.colonies.sm.apply;

import static org.colonyos.colonies.sm.Commands.COLONY_ID;
import static org.colonyos.colonies.sm.Commands.COLONY_KEY;
import static org.colonyos.colonies.sm.Commands.SERVER_ID;
import static org.colonyos.colonies.sm.Commands.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.log.AddColony;
import org.colonyos.colonies.proto.log.ApplyReply;
import org.colonyos.colonies.proto.log.ChangeServerId;
import org.colonyos.colonies.proto.log.LogBatch;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.log.TouchExecutor;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.wire.ColonyPayloads;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ProcessPayloads;
import org.colonyos.colonies.proto.wire.ServerPayloads;
import org.colonyos.colonies.sm.Commands;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Entries as an attacker who reaches the Raft port would write them: apply takes the caller from the signed
 * request, never from the entry's word, and refuses every disagreement without changing the state.
 */
class ForgedEntriesTest {
    private static final String ATTACKER_KEY = Commands.keyOf("attacker");
    private static final String ATTACKER_ID = Identity.idOfPrivateKey(ATTACKER_KEY);
    private AppliedLog log;
    private ColoniesState state;
    private String digest;

    @BeforeEach
    void setUp() {
        log = new AppliedLog();
        state = log.state;
        log.apply(Commands.bootstrap());
        log.apply(Commands.addColony("test", 1));
        digest = state.store().digest();
    }

    private void assertRefused(LogEntry entry, int status, String message) {
        ApplyReply reply = log.apply(entry);
        assertEquals(status, reply.getErrorStatus(), reply.toString());
        assertEquals(message, reply.getErrorMessage());
        assertEquals(digest, state.store().digest(), "a refused entry changed the state");
        assertEquals(SERVER_ID, state.serverId());
    }

    @Test
    void anAssertedInitiatorWithoutASignedRequestIsRefused() {
        LogEntry forged = LogEntry.newBuilder().setInitiatorId(SERVER_ID)
                .setChangeServerId(ChangeServerId.newBuilder().setServerId(ATTACKER_ID)).build();
        assertRefused(forged, 403, "Access denied, the entry carries no signed request");
    }

    @Test
    void theCallerIsTheSignerNotTheInitiatorTheEntryNames() {
        LogEntry signedByAttacker = Commands.signed(ATTACKER_KEY, 2, PayloadType.CHANGE_SERVER_ID,
                new ServerPayloads.ChangeServerId(ATTACKER_ID));
        assertRefused(signedByAttacker, 403, "Access denied, not server owner");
        assertRefused(signedByAttacker.toBuilder().setInitiatorId(SERVER_ID).build(), 403,
                "Access denied, the entry's initiator is not the signer of its request");
    }

    @Test
    void aCommandOtherThanTheSignedOneIsRefused() {
        LogEntry ownersRequest = Commands.signed(SERVER_KEY, 2, PayloadType.ADD_COLONY,
                new ColonyPayloads.AddColony(new Colony(COLONY_ID, "other")));
        assertRefused(ownersRequest.toBuilder().setChangeServerId(ChangeServerId.newBuilder()
                .setServerId(ATTACKER_ID)).build(), 403,
                "Access denied, the entry's command is not the one its request signed");
        assertRefused(ownersRequest.toBuilder().setAddColony(AddColony.newBuilder().setName("other")
                .setColonyId(ATTACKER_ID)).build(), 403,
                "Access denied, the entry's command is not the one its request signed");
        assertEquals(0, log.apply(ownersRequest).getErrorStatus(), "the request as signed is applied");
    }

    @Test
    void readsDutiesWithCallersAndForeignTouchesAreRefused() {
        LogEntry read = Commands.request(SERVER_KEY, PayloadType.GET_COLONIES, new ServerPayloads.Empty()).build();
        assertRefused(read, 403, "Access denied, <getcoloniesmsg> is not a replicated write");
        assertRefused(Commands.bootstrap().toBuilder().setInitiatorId(SERVER_ID).build(), 403,
                "Access denied, a leader duty carries no caller");
        assertRefused(Commands.bootstrap().toBuilder().setProvenCallerId(SERVER_ID).build(), 403,
                "Access denied, a leader duty carries no caller");
        LogEntry poll = Commands.request(COLONY_KEY, PayloadType.ASSIGN_PROCESS,
                new ProcessPayloads.AssignProcess("test", 10, "", "")).build();
        assertRefused(poll.toBuilder().setTouchExecutor(TouchExecutor.newBuilder().setColonyName("elsewhere"))
                .build(), 403, "Access denied, the entry's command is not the one its request signed");
    }

    @Test
    void aTamperedPayloadOrSignatureIsRefused() {
        LogEntry request = Commands.signed(SERVER_KEY, 2, PayloadType.REMOVE_COLONY,
                new ColonyPayloads.ColonyRef("test"));
        LogEntry swapped = request.toBuilder().setRequest(request.getRequest().toBuilder().setPayload(
                Commands.request(SERVER_KEY, PayloadType.REMOVE_COLONY, new ColonyPayloads.ColonyRef("x"))
                        .getRequest().getPayload())).build();
        assertEquals(403, log.apply(swapped).getErrorStatus(), "another payload recovers another key");
        assertEquals(digest, state.store().digest());
        LogEntry garbled = request.toBuilder().setRequest(request.getRequest().toBuilder().setSignature("00"))
                .build();
        assertEquals(403, log.apply(garbled).getErrorStatus());
        assertEquals(digest, state.store().digest());
    }

    @Test
    void theLeadersStampedSignerIsTheCallerAndWithoutItTheSignatureDecides() {
        LogEntry request = Commands.signed(SERVER_KEY, 2, PayloadType.REMOVE_COLONY,
                new ColonyPayloads.ColonyRef("test"));
        LogEntry garbled = request.toBuilder().setRequest(request.getRequest().toBuilder().setSignature("00"))
                .build();
        assertEquals(403, log.apply(garbled).getErrorStatus(), "no stamp: the signature proves no signer");
        assertEquals(digest, state.store().digest());
        assertEquals(0, log.apply(garbled.toBuilder().setProvenCallerId(SERVER_ID).build()).getErrorStatus(),
                "apply takes the signer the leader stamped (the leader stamps only a signer it recovered)");
    }

    @Test
    void malformedBatchesAreRefusedInsteadOfStoppingTheNode() {
        LogEntry empty = LogEntry.newBuilder().setBatch(LogBatch.newBuilder()).build();
        assertRefused(empty, 400, "empty log batch");
        LogEntry nested = LogEntry.newBuilder().setBatch(LogBatch.newBuilder().addEntries(empty)).build();
        ApplyReply reply = log.apply(nested);
        assertEquals(403, reply.getBatchReplies(0).getErrorStatus());
        assertEquals(digest, state.store().digest());
    }
}
