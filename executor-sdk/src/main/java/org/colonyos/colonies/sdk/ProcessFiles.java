package org.colonyos.colonies.sdk;

import java.nio.file.Path;
import org.colonyos.colonies.proto.model.ColonyProcess;

/**
 * Prepares the files a process asks for in its spec's {@code fs} (protocol 5.4) before its handler runs, and
 * settles them after: the hook through which the {@code cfs} module gives {@link ExecutorRuntime} CFS mounts
 * without the SDK depending on it. Called on the runtime's loop thread, one process at a time.
 */
@FunctionalInterface
public interface ProcessFiles {
    /**
     * Fetches what the process asks for (synced labels, snapshots) into a local directory.
     *
     * @throws Exception when the files cannot be prepared; the process then fails without running
     */
    Mounted prepare(ColonyProcess process) throws Exception;

    /** A process's prepared files. */
    interface Mounted {
        /** The directory holding them (the spec's {@code fs.mount}, or a directory the hook chose). */
        Path dir();

        /**
         * After the handler: sends results back (synced labels), and removes what the spec does not keep.
         *
         * @throws Exception when that fails; the process then fails, its results not stored
         */
        void settle() throws Exception;
    }
}
