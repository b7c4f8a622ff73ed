package org.colonyos.colonies.sm.apply;

/**
 * A reply already encoded: the canonical JSON bytes of a document just stored, which the dispatcher sends as they
 * are instead of encoding the document a second time. Nobody changes the array after it is wrapped.
 *
 * @param json the reply's JSON bytes
 */
record RawJson(byte[] json) {
}
