package org.colonyos.colonies.sm.apply;

import java.time.Instant;
import org.colonyos.colonies.sm.Signals;
import org.colonyos.colonies.sm.state.ColoniesState;

/**
 * What an applier may use: the state, the caller id recovered from the request signature, the replicated
 * time of the entry (the leader's stamp, never earlier than any time applied before), the log index, the id
 * the leader generated for objects the entry creates, and where to record signals for waiting clients.
 * Nothing else: no clock, randomness or I/O.
 *
 * <p>Confined to the apply thread.
 */
public record ApplyContext(ColoniesState state, String callerId, Instant now, long index, String generatedId,
        Signals signals) {
}
