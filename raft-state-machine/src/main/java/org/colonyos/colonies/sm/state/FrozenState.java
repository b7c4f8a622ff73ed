package org.colonyos.colonies.sm.state;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * The state of a store at one moment, made by {@link ColoniesStore#freeze()}: the pending changes of every
 * table, copied then, over MapDB, which does not change until this view is closed. Lets a snapshot be exported
 * on another thread while apply goes on.
 *
 * <p>Threading: made under the state's write lock; then read by one thread (the exporter), while apply keeps
 * writing to the tables' pending changes. {@link #close()} may run on that thread; after it, MapDB may change
 * again and the view must not be read.
 */
public final class FrozenState implements AutoCloseable {
    private final ColoniesStore store;
    private final List<Table.Overlay> overlays;

    FrozenState(ColoniesStore store, List<Table.Overlay> overlays) {
        this.store = store;
        this.overlays = overlays;
    }

    /**
     * Writes the export of the state as it was frozen: every table in fixed order and key order, so equal
     * states export byte-identical streams ({@link ColoniesStore#fromExport} reads it back).
     */
    public void exportTo(DataOutputStream out) throws IOException {
        store.exportTo(out, overlays);
    }

    /** Lets MapDB change again. */
    @Override
    public void close() {
        store.thaw();
    }
}
