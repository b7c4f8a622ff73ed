package org.colonyos.colonies.sdk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.Function;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.Process;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an executor: optionally registers and approves it (when given the colony key), registers its functions,
 * then loops long-polling assign → handler → close successful (with the handler's output) or failed (with the
 * exception's message). A process whose spec's {@code fs} asks for files gets them prepared before its handler and
 * settled after it by the {@link ProcessFiles} hook ({@link Builder#files}); without one such a process fails.
 * When the server is away it retries with exponential backoff (100 ms doubling to 5 s);
 * {@link #close()} stops after the process in hand, waiting at most one poll.
 *
 * <p>Thread-safe: one loop thread per runtime; handlers run on it one process at a time.
 */
public final class ExecutorRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorRuntime.class);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /** Runs one function call; what it returns becomes the process output. */
    @FunctionalInterface
    public interface Handler {
        List<Object> handle(ProcessContext context) throws Exception;
    }

    /**
     * What a handler sees: the process, calls bound to it, and the local directory of the files its spec's
     * {@code fs} asked for ({@code null} when it asked for none). Confined to the loop thread.
     */
    public record ProcessContext(Process process, ColoniesClient client, String executorPrvKey, Path filesDir) {
        /** The positional arguments. */
        public List<Object> args() {
            return process.spec().args();
        }

        /** The input: in a workflow, the outputs of the process's parents, concatenated in parent order. */
        public List<Object> in() {
            return process.in();
        }

        /** Adds a log line to the process. */
        public void log(String message) {
            client.addLog(process.processId(), message, executorPrvKey);
        }

        /** One of the process's channels (declared in its spec's {@code channels}), to append, read or follow. */
        public ProcessChannel channel(String name) {
            return new ProcessChannel(client, process.processId(), name, executorPrvKey);
        }

        /**
         * Extends the running workflow after this process: {@code insert} puts the new process before all of this
         * process's children, else it is appended as one more child. Only for a process of a workflow.
         */
        public Process addChild(FunctionSpec spec, boolean insert) {
            return client.addChild(process.processGraphId(), process.processId(), "", spec, insert, executorPrvKey);
        }
    }

    private final ColoniesClient client;
    private final String colonyName;
    private final String executorName;
    private final String executorType;
    private final String executorPrvKey;
    private final int pollSeconds;
    private final Map<String, Handler> handlers;
    private final ProcessFiles files;
    private final Thread loop;
    private volatile boolean running = true;

    private ExecutorRuntime(Builder b) {
        this.client = b.client;
        this.colonyName = b.colonyName;
        this.executorName = b.executorName;
        this.executorType = b.executorType;
        this.executorPrvKey = b.executorPrvKey;
        this.pollSeconds = b.pollSeconds;
        this.handlers = Map.copyOf(b.handlers);
        this.files = b.files;
        this.loop = new Thread(this::run, "colonies-executor-" + executorName);
        this.loop.setDaemon(true);
    }

    public static Builder builder(ColoniesClient client, String colonyName, String executorPrvKey) {
        return new Builder(client, colonyName, executorPrvKey);
    }

    /** Registers (if asked) and starts the loop. */
    private ExecutorRuntime start(String colonyPrvKey) {
        if (colonyPrvKey != null) {
            register(colonyPrvKey);
        }
        loop.start();
        return this;
    }

    private void register(String colonyPrvKey) {
        try {
            client.addExecutor(Executor.of(Identity.idOfPrivateKey(executorPrvKey), executorType, executorName,
                    colonyName), colonyPrvKey);
        } catch (ColoniesException e) {
            LOG.info("executor {} not added ({}); using the registered one", executorName, e.getMessage());
        }
        client.approveExecutor(colonyName, executorName, colonyPrvKey);
    }

    private void run() {
        Duration backoff = MIN_BACKOFF;
        boolean functionsRegistered = false;
        while (running) {
            try {
                if (!functionsRegistered) {
                    registerFunctions();
                    functionsRegistered = true;
                }
                Process process = client.assign(colonyName, pollSeconds, "", "", executorPrvKey);
                backoff = MIN_BACKOFF;
                execute(process);
            } catch (ColoniesException e) {
                if (e.status() == 404 || e.status() == 408) {
                    continue;
                }
                LOG.warn("executor {}: {}; retrying in {} ms", executorName, e.getMessage(), backoff.toMillis());
                backoff = pause(backoff);
            } catch (RuntimeException e) {
                LOG.warn("executor {} failed: {}; retrying in {} ms", executorName, e.toString(), backoff.toMillis());
                backoff = pause(backoff);
            }
        }
    }

    private void registerFunctions() {
        for (String name : handlers.keySet()) {
            client.addFunction(new Function("", executorName, executorType, colonyName, name, "", null, 0, 0, 0, 0,
                    0, 0, 0, ""), executorPrvKey);
        }
    }

    private void execute(Process process) {
        Handler handler = handlers.get(process.spec().funcName());
        if (handler == null) {
            fail(process, "Executor " + executorName + " has no function " + process.spec().funcName());
            return;
        }
        ProcessFiles.Mounted mounted = null;
        List<Object> out;
        try {
            mounted = mount(process);
            out = handler.handle(new ProcessContext(process, client, executorPrvKey,
                    mounted == null ? null : mounted.dir()));
        } catch (Exception e) {
            fail(process, mounted == null && wantsFiles(process) ? "cannot prepare the process's files: "
                    + e.getMessage() : String.valueOf(e.getMessage()));
            return;
        }
        try {
            if (mounted != null) {
                mounted.settle();
            }
        } catch (Exception e) {
            fail(process, "the function succeeded, but its files could not be stored: " + e.getMessage());
            return;
        }
        client.closeSuccessful(process.processId(), out == null ? List.of() : new ArrayList<>(out), executorPrvKey);
    }

    /** The process's files prepared, or null when its spec asks for none. */
    private ProcessFiles.Mounted mount(Process process) throws Exception {
        if (!wantsFiles(process)) {
            return null;
        }
        if (files == null) {
            throw new IllegalStateException("executor " + executorName + " has no CFS configured for the spec's fs");
        }
        return files.prepare(process);
    }

    private static boolean wantsFiles(Process process) {
        FunctionSpec.Filesystem fs = process.spec().fs();
        return fs.snapshots() != null && !fs.snapshots().isEmpty() || fs.dirs() != null && !fs.dirs().isEmpty();
    }

    private void fail(Process process, String error) {
        client.closeFailed(process.processId(), List.of(error), executorPrvKey);
    }

    /** Sleeps for the backoff and returns the next one (doubling up to the maximum). */
    private static Duration pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Duration next = backoff.multipliedBy(2);
        return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
    }

    /** Stops after the current process; waits at most one poll period plus a margin. */
    @Override
    public void close() {
        running = false;
        try {
            loop.join(TimeUnit.SECONDS.toMillis(pollSeconds + 5L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Configures a runtime. Not thread-safe. */
    public static final class Builder {
        private final ColoniesClient client;
        private final String colonyName;
        private final String executorPrvKey;
        private String executorName = "java-executor";
        private String executorType = "cli";
        private int pollSeconds = 10;
        private final Map<String, Handler> handlers = new LinkedHashMap<>();
        private ProcessFiles files;

        private Builder(ColoniesClient client, String colonyName, String executorPrvKey) {
            this.client = client;
            this.colonyName = colonyName;
            this.executorPrvKey = executorPrvKey;
        }

        public Builder name(String name) {
            this.executorName = name;
            return this;
        }

        public Builder type(String type) {
            this.executorType = type;
            return this;
        }

        /** Server-side wait of each assign, in seconds (also bounds how long {@link #close()} waits). */
        public Builder pollSeconds(int seconds) {
            this.pollSeconds = seconds;
            return this;
        }

        public Builder function(String name, Handler handler) {
            handlers.put(name, handler);
            return this;
        }

        /** Prepares the files of processes whose spec asks for some (CFS: {@code CfsMounts} in the cfs module). */
        public Builder files(ProcessFiles processFiles) {
            this.files = processFiles;
            return this;
        }

        /** Starts with an executor that is already registered and approved. */
        public ExecutorRuntime start() {
            return new ExecutorRuntime(this).start(null);
        }

        /** Registers the executor with the colony key (reusing it if it exists), approves it, and starts. */
        public ExecutorRuntime registerAndStart(String colonyPrvKey) {
            return new ExecutorRuntime(this).start(colonyPrvKey);
        }
    }
}
