package org.colonyos.colonies.sm.apply;

import org.colonyos.colonies.sm.state.Table;

/**
 * A reply that is a document just stored: sent as the JSON bytes the table encodes for it (once, shared with the
 * table), and only encoded when the reply is read, so replicas whose replies nobody reads never encode it.
 *
 * @param stored the document as its table wrote it
 */
record RawJson(Table.Written stored) {
}
