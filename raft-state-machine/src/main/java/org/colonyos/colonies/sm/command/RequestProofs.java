package org.colonyos.colonies.sm.command;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.log.SignedRequest;

/**
 * What this node's frontend already proved about the requests it proposes: the signer and the command of each,
 * so that apply on this node does not recover and decode them a second time. It is a memo of a pure function
 * (the same request always proves the same caller and command), filled only by this node's own frontend and
 * keyed by the whole request, so it changes no outcome: a request not found here, as on every other replica,
 * is proven from scratch. An entry is taken at most once; the memo forgets everything when it grows past
 * {@link #LIMIT} (requests that were never applied, for example after a failed proposal).
 *
 * <p>Thread-safe: filled on frontend threads, taken on the apply thread.
 */
public final class RequestProofs {
    /** The most proofs kept; more means proposals failed, and the memo starts again. */
    static final int LIMIT = 16_384;

    private final Map<String, Proof> bySignature = new ConcurrentHashMap<>();

    /** A proven request: who signed it and the command it stands for. */
    record Proof(SignedRequest request, String callerId, LogEntry command) {
    }

    /** Records that {@code request} was signed by {@code callerId} and stands for {@code command}. */
    public void remember(SignedRequest request, String callerId, LogEntry.Builder command) {
        if (bySignature.size() >= LIMIT) {
            bySignature.clear();
        }
        bySignature.put(request.getSignature(), new Proof(request, callerId, command.build()));
    }

    /** The signer of exactly this request, if this node's frontend proved it; keeps the proof for apply. */
    public Optional<String> signerOf(SignedRequest request) {
        Proof proof = bySignature.get(request.getSignature());
        return proof != null && proof.request().equals(request) ? Optional.of(proof.callerId()) : Optional.empty();
    }

    /** The proof of exactly this request, if this node's frontend made one; forgets it. */
    Optional<Proof> take(SignedRequest request) {
        Proof proof = bySignature.remove(request.getSignature());
        if (proof == null || !proof.request().equals(request)) {
            return Optional.empty();
        }
        return Optional.of(proof);
    }
}
