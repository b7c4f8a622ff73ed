package org.colonyos.colonies.proto.wire;

/**
 * Marker of a decoded RPC message body (the JSON inside {@code payload}, without its {@code msgtype}, which
 * {@link PayloadCodec} writes and checks). Implementations are immutable records.
 */
public interface Payload {
}
