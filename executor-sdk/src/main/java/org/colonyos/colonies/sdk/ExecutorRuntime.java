package org.colonyos.colonies.sdk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.Function;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an executor: optionally registers and approves it (when given the colony key), registers its functions,
 * then loops long-polling assign → handler → close successful (with the handler's output) or failed (with the
 * exception's message), on {@link Builder#concurrency} worker threads at once. A process whose spec's {@code fs}
 * asks for files gets them prepared before its handler and settled after it by the {@link ProcessFiles} hook
 * ({@link Builder#files}); without one such a process fails. When the server is away each worker retries with
 * exponential backoff (100 ms doubling to 5 s).
 *
 * <p>Life cycle: {@link Builder#start()} returns at once with the workers running (they are not daemon threads, so
 * the JVM stays up while they run); {@link #run()} blocks until the runtime stops. {@link #close()}, and SIGTERM
 * or Ctrl-C through a shutdown hook, stop it gracefully: no new process is taken, the processes in hand may finish
 * within {@link Builder#gracePeriod}, and any still running then are closed as failed, so that none is left
 * RUNNING without an executor.
 *
 * <p>Thread-safe.
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
     * {@code fs} asked for ({@code null} when it asked for none). Confined to the worker running the process.
     */
    public record ProcessContext(ColonyProcess process, ColoniesClient client, String executorPrvKey, Path filesDir) {
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
        public ColonyProcess addChild(FunctionSpec spec, boolean insert) {
            return client.addChild(process.processGraphId(), process.processId(), "", spec, insert, executorPrvKey);
        }
    }

    private final ColoniesClient client;
    private final String colonyName;
    private final String executorName;
    private final String executorType;
    private final String executorPrvKey;
    private final int pollSeconds;
    private final Duration gracePeriod;
    private final Map<String, Handler> handlers;
    private final ProcessFiles files;
    private final List<Thread> workers = new ArrayList<>();
    private final Map<String, Thread> inHand = new ConcurrentHashMap<>();
    private final CountDownLatch stopped;
    private final Object registration = new Object();
    private boolean functionsRegistered;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Thread shutdownHook;
    private volatile boolean running = true;

    private ExecutorRuntime(Builder b) {
        if (b.executorType == null || b.executorType.isBlank()) {
            throw new IllegalStateException("set the executor type with type(...) or COLONIES_EXECUTOR_TYPE: it "
                    + "decides which processes this executor is given (use a type of its own, not one another "
                    + "executor such as colonies dev's 'cli' serves with other functions)");
        }
        this.client = b.client;
        this.colonyName = b.colonyName;
        this.executorName = b.executorName;
        this.executorType = b.executorType;
        this.executorPrvKey = b.executorPrvKey;
        this.pollSeconds = b.pollSeconds;
        this.gracePeriod = b.gracePeriod;
        this.handlers = Map.copyOf(b.handlers);
        this.files = b.files;
        this.stopped = new CountDownLatch(b.concurrency);
        for (int i = 0; i < b.concurrency; i++) {
            workers.add(new Thread(this::work, "colonies-executor-" + executorName + "-" + i));
        }
        this.shutdownHook = b.stopOnShutdown ? new Thread(this::close, "colonies-executor-stop") : null;
    }

    public static Builder builder(ColoniesClient client, String colonyName, String executorPrvKey) {
        return new Builder(client, colonyName, executorPrvKey);
    }

    /**
     * A builder configured from the environment the CLI reads: the client ({@link ColoniesClient#fromEnv()}),
     * {@code COLONIES_COLONY_NAME}, {@code COLONIES_PRVKEY}, and, when set, {@code COLONIES_EXECUTOR_NAME} and
     * {@code COLONIES_EXECUTOR_TYPE}.
     *
     * @throws ColoniesException naming a missing variable
     */
    public static Builder fromEnv() {
        return fromEnv(System.getenv());
    }

    /** As {@link #fromEnv()}, with these variables. */
    public static Builder fromEnv(Map<String, String> env) {
        Builder builder = builder(ColoniesClient.fromEnv(env), ClientEnv.required(env, "COLONIES_COLONY_NAME"),
                ClientEnv.required(env, "COLONIES_PRVKEY"));
        Optional.ofNullable(env.get("COLONIES_EXECUTOR_NAME")).filter(n -> !n.isBlank()).ifPresent(builder::name);
        Optional.ofNullable(env.get("COLONIES_EXECUTOR_TYPE")).filter(t -> !t.isBlank()).ifPresent(builder::type);
        return builder;
    }

    /** Registers (if asked) and starts the workers. */
    private ExecutorRuntime start(String colonyPrvKey) {
        if (colonyPrvKey != null) {
            register(colonyPrvKey);
        }
        if (shutdownHook != null) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        workers.forEach(Thread::start);
        LOG.info("executor {} (type {}) serving {} in colony {} with {} worker(s)", executorName, executorType,
                handlers.keySet(), colonyName, workers.size());
        return this;
    }

    /**
     * Registers and approves the executor, or reuses its registration when this key already stands for an
     * executor of this name and type. A key that is already another executor (as {@code COLONIES_PRVKEY} of
     * {@code colonies dev} is, for its built-in executor) is refused: the server would hand this runtime the
     * other executor's processes.
     */
    private void register(String colonyPrvKey) {
        String executorId = Identity.idOfPrivateKey(executorPrvKey);
        Optional<Executor> registered = registeredAs(executorId);
        if (registered.isPresent() && (!registered.get().executorName().equals(executorName)
                || !registered.get().executorType().equals(executorType))) {
            throw new IllegalStateException("this key is already executor " + registered.get().executorName()
                    + " of type " + registered.get().executorType() + "; give executor " + executorName
                    + " a key of its own (colonies security generate)");
        }
        if (registered.isEmpty()) {
            try {
                client.addExecutor(Executor.of(executorId, executorType, executorName, colonyName), colonyPrvKey);
            } catch (ColoniesException e) {
                LOG.info("executor {} not added ({}); using the registered one", executorName, e.getMessage());
            }
        }
        client.approveExecutor(colonyName, executorName, colonyPrvKey);
    }

    /** The executor this key already is in the colony, if the server shows one to it. */
    private Optional<Executor> registeredAs(String executorId) {
        try {
            return Optional.of(client.getExecutorById(colonyName, executorId, executorPrvKey));
        } catch (ColoniesException notAMember) {
            return Optional.empty();
        }
    }

    /** Blocks until the runtime has stopped ({@link #close()}, SIGTERM); returns at once if it has. */
    public void run() throws InterruptedException {
        stopped.await();
    }

    /** Waits up to {@code timeout} for the runtime to stop; true if it has. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** One worker: takes processes one at a time until the runtime stops. */
    private void work() {
        try {
            Duration backoff = MIN_BACKOFF;
            while (running) {
                try {
                    registerFunctionsOnce();
                    ColonyProcess process = client.assign(colonyName, pollSeconds, "", "", executorPrvKey);
                    backoff = MIN_BACKOFF;
                    inHand.put(process.processId(), Thread.currentThread());
                    try {
                        execute(process);
                    } finally {
                        inHand.remove(process.processId());
                    }
                } catch (ColoniesException e) {
                    if (e.status() != 404 && e.status() != 408) {
                        backoff = retryLater(e.getMessage(), backoff);
                    }
                } catch (RuntimeException e) {
                    backoff = retryLater(e.toString(), backoff);
                }
            }
        } finally {
            stopped.countDown();
        }
    }

    private Duration retryLater(String problem, Duration backoff) {
        if (!running) {
            return backoff;
        }
        LOG.warn("executor {}: {}; retrying in {} ms", executorName, problem, backoff.toMillis());
        return pause(backoff);
    }

    private void registerFunctionsOnce() {
        synchronized (registration) {
            if (!functionsRegistered) {
                registerFunctions();
                functionsRegistered = true;
            }
        }
    }

    private void registerFunctions() {
        for (String name : handlers.keySet()) {
            client.addFunction(Function.offered(colonyName, executorName, executorType, name), executorPrvKey);
        }
    }

    private void execute(ColonyProcess process) {
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
    private ProcessFiles.Mounted mount(ColonyProcess process) throws Exception {
        if (!wantsFiles(process)) {
            return null;
        }
        if (files == null) {
            throw new IllegalStateException("executor " + executorName + " has no CFS configured for the spec's fs");
        }
        return files.prepare(process);
    }

    private static boolean wantsFiles(ColonyProcess process) {
        FunctionSpec.Filesystem fs = process.spec().fs();
        return fs.snapshots() != null && !fs.snapshots().isEmpty() || fs.dirs() != null && !fs.dirs().isEmpty();
    }

    private void fail(ColonyProcess process, String error) {
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

    /**
     * Stops gracefully: no worker takes another process (a long-poll under way ends within the poll period, and a
     * process it brings is run), the processes in hand may finish within the grace period, and those still
     * running then are closed as failed. Idempotent; also run by SIGTERM and Ctrl-C.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            awaitQuietly(Duration.ofSeconds(pollSeconds).plus(gracePeriod).plusSeconds(5));
            return;
        }
        running = false;
        LOG.info("executor {} stopping: {} process(es) in hand", executorName, inHand.size());
        if (!awaitQuietly(Duration.ofSeconds(pollSeconds).plus(gracePeriod))) {
            handBack();
            awaitQuietly(Duration.ofSeconds(5));
        }
        removeShutdownHook();
        LOG.info("executor {} stopped", executorName);
    }

    /** Fails the processes still in hand after the grace period, and interrupts their handlers. */
    private void handBack() {
        inHand.forEach((processId, worker) -> {
            try {
                client.closeFailed(processId, List.of("executor " + executorName + " stopped before the process "
                        + "finished (grace period " + gracePeriod.toSeconds() + " s)"), executorPrvKey);
            } catch (ColoniesException e) {
                LOG.warn("executor {}: could not fail process {} in hand: {}", executorName, processId,
                        e.getMessage());
            }
            worker.interrupt();
        });
    }

    private boolean awaitQuietly(Duration timeout) {
        try {
            return stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is stopping; the hook runs or ran
            }
        }
    }

    /** Configures a runtime. Not thread-safe. */
    public static final class Builder {
        private final ColoniesClient client;
        private final String colonyName;
        private final String executorPrvKey;
        private String executorName = "java-executor";
        private String executorType;
        private int pollSeconds = 10;
        private int concurrency = 1;
        private Duration gracePeriod = Duration.ofSeconds(20);
        private boolean stopOnShutdown = true;
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

        /** The executor type (required): the server gives this executor only processes of its type. */
        public Builder type(String type) {
            this.executorType = type;
            return this;
        }

        /** How many processes this executor runs at once, each on its own worker (default 1). */
        public Builder concurrency(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, got " + workers);
            }
            this.concurrency = workers;
            return this;
        }

        /** How long the processes in hand may take to finish when the runtime stops (default 20 s). */
        public Builder gracePeriod(Duration grace) {
            this.gracePeriod = grace;
            return this;
        }

        /** Whether SIGTERM and Ctrl-C stop the runtime gracefully through a shutdown hook (default true). */
        public Builder stopOnShutdown(boolean stop) {
            this.stopOnShutdown = stop;
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

        /** Starts with an executor that is already registered and approved; returns with the workers running. */
        public ExecutorRuntime start() {
            return new ExecutorRuntime(this).start(null);
        }

        /** Starts as {@link #start()} and blocks until the runtime stops (SIGTERM, Ctrl-C, {@link #close()}). */
        public void run() throws InterruptedException {
            start().run();
        }

        /** Registers the executor with the colony key (reusing it if it exists), approves it, and starts. */
        public ExecutorRuntime registerAndStart(String colonyPrvKey) {
            return new ExecutorRuntime(this).start(colonyPrvKey);
        }
    }
}
