package org.colonyos.colonies.sm.apply;

import java.time.Instant;
import org.colonyos.colonies.sm.state.ColoniesState;

/**
 * What an applier may use: the state, the caller id recovered from the request signature, the replicated
 * time of the entry (the leader's stamp, never earlier than any time applied before) and the log index.
 * Nothing else: no clock, randomness or I/O.
 *
 * <p>Confined to the apply thread.
 */
public record ApplyContext(ColoniesState state, String callerId, Instant now, long index) {
}
