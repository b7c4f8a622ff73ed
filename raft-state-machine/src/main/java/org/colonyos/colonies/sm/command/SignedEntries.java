package org.colonyos.colonies.sm.command;

import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.Optional;
import org.colonyos.colonies.proto.crypto.CryptoException;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.log.SignedRequest;
import org.colonyos.colonies.proto.wire.Payload;
import org.colonyos.colonies.proto.wire.PayloadCodec;
import org.colonyos.colonies.proto.wire.PayloadException;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.sm.Rejection;

/**
 * Proves who asked for a log entry, from the entry alone. A client entry carries the signed request as the
 * client sent it; the caller is the key that signed it and the command is the one the request's payload stands
 * for ({@link ClientCommands}). The leader recovers the signer once, when it accepts the entry, and stamps it
 * into the entry for every replica ({@link #signerOf}, {@code proven_caller_id}); an entry without that stamp
 * (written before, or whose signature proves no signer) is proven here from the signature. An entry may carry
 * that command itself (older logs do), or the liveness touch of an assign poll, and nothing else: an entry
 * whose signature, payload and command disagree is refused, and so is an {@code initiator_id} other than the
 * signer. Only the leader's own duties carry no request; their appliers re-check them against the replicated
 * state and the stamped time.
 *
 * <p>Deterministic; called on the apply thread.
 */
public final class SignedEntries {
    private final RequestProofs proofs;

    /** @param proofs what this node's frontend already proved (a memo; outcomes are the same without it) */
    public SignedEntries(RequestProofs proofs) {
        this.proofs = proofs;
    }

    /**
     * An entry's proven caller and the entry with its command set.
     *
     * @param callerId the signer of the request; empty for a leader duty
     * @param entry the entry, its command derived from the request when it carried none
     */
    public record Proven(String callerId, LogEntry entry) {
    }

    /**
     * The caller and command of one (non-batch) entry.
     *
     * @throws Rejection 403 when the entry's caller cannot be proven or its command is not what was signed, 400
     *         when the signed payload is not a valid message
     */
    public Proven prove(LogEntry entry) {
        if (isDuty(entry.getCommandCase())) {
            if (entry.hasRequest() || !entry.getInitiatorId().isEmpty() || !entry.getProvenCallerId().isEmpty()) {
                throw Rejection.forbidden("Access denied, a leader duty carries no caller");
            }
            return new Proven("", entry);
        }
        if (!entry.hasRequest()) {
            throw Rejection.forbidden("Access denied, the entry carries no signed request");
        }
        RequestProofs.Proof proof = proofs.take(entry.getRequest())
                .orElseGet(() -> proofOf(entry.getRequest(), entry.getProvenCallerId()));
        String caller = proof.callerId();
        if (!entry.getInitiatorId().isEmpty() && !entry.getInitiatorId().equals(caller)) {
            throw Rejection.forbidden("Access denied, the entry's initiator is not the signer of its request");
        }
        LogEntry expected = proof.command();
        if (entry.getCommandCase() == LogEntry.CommandCase.COMMAND_NOT_SET) {
            return new Proven(caller, entry.toBuilder().mergeFrom(expected).build());
        }
        if (!sameCommand(entry, expected) && !isTouchOf(entry, expected)) {
            throw Rejection.forbidden("Access denied, the entry's command is not the one its request signed");
        }
        return new Proven(caller, entry);
    }

    private static RequestProofs.Proof proofOf(SignedRequest request, String stampedCaller) {
        PayloadType type = PayloadType.fromWire(request.getPayloadType()).filter(ClientCommands::isWrite)
                .orElseThrow(() -> Rejection.forbidden("Access denied, <" + request.getPayloadType()
                        + "> is not a replicated write"));
        String caller = stampedCaller.isEmpty() ? recoverCaller(request.getPayload(), request.getSignature())
                : stampedCaller;
        return new RequestProofs.Proof(request, caller, ClientCommands.of(type, decode(type, request.getPayload()))
                .build());
    }

    /**
     * The signer of a request as the leader stamps it: from this node's frontend's proof when there is one,
     * otherwise recovered from the signature; empty when the signature proves no signer (apply then refuses the
     * entry with the crypto error's text, on every replica alike). Called where the leader accepts an entry.
     */
    public static Optional<String> signerOf(SignedRequest request, RequestProofs proofs) {
        Optional<String> known = proofs.signerOf(request);
        if (known.isPresent()) {
            return known;
        }
        try {
            return Optional.of(Identity.recoverId(request.getPayload(), request.getSignature()));
        } catch (CryptoException unprovable) {
            return Optional.empty();
        }
    }

    /** Whether the command is one of the leader's own duties, proposed without a request. */
    public static boolean isDuty(LogEntry.CommandCase command) {
        return switch (command) {
            case BOOTSTRAP_SERVER_ID, EXPIRE_PROCESSES, UNREGISTER_STALE_EXECUTORS, FIRE_CRON, FIRE_GENERATOR -> true;
            default -> false;
        };
    }

    /**
     * The id of the key that signed {@code payload}.
     *
     * @throws Rejection 403 with the crypto error's text when the signature is not valid
     */
    public static String recoverCaller(String payload, String signature) {
        try {
            return Identity.recoverId(payload, signature);
        } catch (CryptoException e) {
            throw Rejection.forbidden(e.getMessage());
        }
    }

    /**
     * A base64 payload decoded as {@code type}.
     *
     * @throws Rejection 400 with the decoder's text
     */
    public static Payload decode(PayloadType type, String payload) {
        try {
            return PayloadCodec.decode(type, payload);
        } catch (PayloadException e) {
            throw Rejection.badRequest(e.getMessage());
        }
    }

    private static boolean sameCommand(LogEntry entry, LogEntry expected) {
        if (entry.getCommandCase() != expected.getCommandCase()) {
            return false;
        }
        FieldDescriptor field = LogEntry.getDescriptor().findFieldByNumber(entry.getCommandCase().getNumber());
        return entry.getField(field).equals(expected.getField(field));
    }

    /** An empty assign poll records the executor's liveness in the colony it polled. */
    private static boolean isTouchOf(LogEntry entry, LogEntry expected) {
        return entry.hasTouchExecutor() && expected.hasAssignProcess()
                && entry.getTouchExecutor().getColonyName().equals(expected.getAssignProcess().getColonyName());
    }
}
