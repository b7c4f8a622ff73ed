package org.colonyos.colonies.sm.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.log.SignedRequest;
import org.colonyos.colonies.proto.wire.ColonyPayloads;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.sm.Commands;
import org.junit.jupiter.api.Test;

/** The frontend's proofs are found only for exactly the request they were made for, and only once. */
class RequestProofsTest {
    private final SignedRequest request = Commands.request(Commands.SERVER_KEY, PayloadType.REMOVE_COLONY,
            new ColonyPayloads.ColonyRef("a")).getRequest();
    private final LogEntry.Builder command = ClientCommands.of(PayloadType.REMOVE_COLONY,
            new ColonyPayloads.ColonyRef("a"));

    @Test
    void aProofIsTakenOnceForItsOwnRequest() {
        RequestProofs proofs = new RequestProofs();
        proofs.remember(request, Commands.SERVER_ID, command);
        assertEquals(Commands.SERVER_ID, proofs.take(request).orElseThrow().callerId());
        assertTrue(proofs.take(request).isEmpty(), "taken twice");
    }

    @Test
    void theSameSignatureOverAnotherPayloadFindsNothing() {
        RequestProofs proofs = new RequestProofs();
        proofs.remember(request, Commands.SERVER_ID, command);
        SignedRequest other = request.toBuilder().setPayload(Commands.request(Commands.SERVER_KEY,
                PayloadType.REMOVE_COLONY, new ColonyPayloads.ColonyRef("b")).getRequest().getPayload()).build();
        assertTrue(proofs.take(other).isEmpty());
        SignedRequest retyped = request.toBuilder().setPayloadType("addcolonymsg").build();
        proofs.remember(request, Commands.SERVER_ID, command);
        assertTrue(proofs.take(retyped).isEmpty());
    }

    @Test
    void theMemoForgetsEverythingPastItsLimit() {
        RequestProofs proofs = new RequestProofs();
        proofs.remember(request, Commands.SERVER_ID, command);
        for (int i = 0; i < RequestProofs.LIMIT; i++) {
            proofs.remember(request.toBuilder().setSignature("s" + i).build(), Commands.SERVER_ID, command);
        }
        assertTrue(proofs.take(request).isEmpty());
    }
}
