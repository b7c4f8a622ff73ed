package org.colonyos.colonies.http.wait;

import java.util.function.LongConsumer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.colonyos.colonies.http.rpc.HttpReply;
import org.colonyos.colonies.http.rpc.Route;
import org.colonyos.colonies.proto.log.ApplyReply;
import org.colonyos.colonies.proto.log.AssignProcess;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.log.TouchExecutor;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ProcessPayloads;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.command.ClientCommands;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.node.ReplicatedNode;
import org.colonyos.colonies.sm.scheduler.Scheduler;
import org.colonyos.colonies.sm.state.ColoniesState;

/**
 * {@code assignprocessmsg} (protocol 4.6, 6.3; DESIGN section 5). The node first looks at its own state; only
 * when a candidate is there does it propose {@code AssignProcess}, and the scheduler inside apply makes the
 * exclusive choice. Otherwise a call with {@code timeout > 0} waits without a thread: it registers a
 * {@link ProcessWaiters.Waiter}, re-checks, and sleeps until this node applies a process it could run, the
 * colony is resumed, the timeout passes (404, or 408 while paused) or the client disconnects (the waiter is
 * dropped). A call with {@code timeout < 0} tries once (404, or 503 while paused). Empty polls do not write to
 * the log, except a {@code TouchExecutor} at most every {@link #TOUCH_EVERY_NANOS} per executor to keep its
 * {@code lastheardfromtime} fresh for the stale-executor cleanup.
 *
 * <p>Thread-safe; every call runs as a chain of futures.
 */
public final class AssignLongPoll implements Route.AsyncHandler {
    /** How often an executor's empty polls refresh its liveness in the replicated state. */
    static final long TOUCH_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** Waits longer than a day are cut to a day. */
    private static final int MAX_TIMEOUT_SECONDS = 86_400;
    private static final String NOTHING = "No process available for assignment";
    private static final String PAUSED_TIMEOUT = "Assignment timeout: colony assignments are paused";
    private static final String PAUSED_NOW = "No processes available: colony assignments are paused";

    private final ReplicatedNode node;
    private final ProcessWaiters waiters;
    private final Map<String, Long> lastTouch = new ConcurrentHashMap<>();
    private final LongConsumer wakeUps;

    /**
     * @param wakeUps hears, for every assign that got a process after waiting, the nanoseconds from the apply of
     *     that process to the reply (metrics)
     */
    public AssignLongPoll(ReplicatedNode node, ProcessWaiters waiters, LongConsumer wakeUps) {
        this.node = node;
        this.waiters = waiters;
        this.wakeUps = wakeUps;
    }

    @Override
    public CompletableFuture<HttpReply> handle(Route.Call call) {
        ProcessPayloads.AssignProcess p = (ProcessPayloads.AssignProcess) call.payload();
        Executor local = p.timeout() > 0 ? checkedLocally(call.callerId(), p) : null;
        if (local != null) {
            return start(call, p, local);
        }
        return node.readBarrier().thenCompose(ignored ->
                start(call, p, node.read(state -> checked(state, call.callerId(), p))));
    }

    /**
     * The caller's executor from the local state without a ReadIndex barrier, or null to decide on a fresh view.
     * A waiting assign needs no barrier: apply makes the choice and wakes waiters as it applies, so a local
     * view that lags only delays the first look; a refusal, though, must not come from a lagging view.
     */
    private Executor checkedLocally(String callerId, ProcessPayloads.AssignProcess p) {
        try {
            return node.read(state -> checked(state, callerId, p));
        } catch (Rejection possiblyStale) {
            return null;
        }
    }

    private CompletableFuture<HttpReply> start(Route.Call call, ProcessPayloads.AssignProcess p, Executor executor) {
        AssignProcess.Builder offer = ClientCommands.assign(p);
        Attempt attempt = new Attempt(call, executor, offer, Math.min(p.timeout(), MAX_TIMEOUT_SECONDS));
        attempt.next();
        return attempt.result;
    }

    private static Executor checked(ColoniesState state, String callerId, ProcessPayloads.AssignProcess p) {
        Authorizer.requireMember(state, callerId, p.colonyName(), true);
        if (p.timeout() == 0) {
            throw Rejection.badRequest("Invalid timeout value, timeout cannot be zero");
        }
        return state.executorById(p.colonyName(), callerId)
                .orElseThrow(() -> Rejection.internal("Failed to assign process, executor not found"));
    }

    /** What this node's state says before proposing: a process to take, nothing, or a paused colony. */
    private enum LocalView { CANDIDATE, NOTHING, PAUSED }

    /** One call: loops check → propose or wait until it has a reply. */
    private final class Attempt {
        private final Route.Call call;
        private final Executor executor;
        private final String colony;
        private final long cpu;
        private final long mem;
        private final int timeoutSeconds;
        private final long deadlineNanos;
        private final CompletableFuture<HttpReply> result = new CompletableFuture<>();
        /** Set once the hook is in place; a connection closed before that abandons the call at once. */
        private volatile Runnable removeCloseHook = () -> { };
        private volatile ProcessWaiters.Waiter current;
        /** When the process that woke this call was applied, or 0 (see {@link ProcessWaiters.Waiter}). */
        private volatile long signalledNanos;

        /** The assign command this call stands for: its colony and the resources offered. */
        private final AssignProcess offer;

        Attempt(Route.Call call, Executor executor, AssignProcess.Builder offer, int timeoutSeconds) {
            this.call = call;
            this.executor = executor;
            this.offer = offer.build();
            this.colony = this.offer.getColonyName();
            this.cpu = this.offer.getAvailableCpuMillis();
            this.mem = this.offer.getAvailableMemMib();
            this.timeoutSeconds = timeoutSeconds;
            this.deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(timeoutSeconds, 0));
            this.removeCloseHook = call.connection().onClose(this::abandon);
        }

        /** Checks the local state and proposes, fails or waits. */
        void next() {
            if (result.isDone()) {
                return;
            }
            ProcessWaiters.Waiter waiter = timeoutSeconds > 0 ? new ProcessWaiters.Waiter(executor, colony, cpu, mem)
                    : null;
            if (waiter != null) {
                current = waiter;
                waiters.register(waiter);
            }
            LocalView view = node.read(state -> state.isPaused(colony) ? LocalView.PAUSED
                    : Scheduler.pick(state.processes(), executor, colony, cpu, mem).isPresent()
                            ? LocalView.CANDIDATE : LocalView.NOTHING);
            if (view == LocalView.CANDIDATE) {
                unregister(waiter);
                propose();
            } else if (waiter == null) {
                if (view == LocalView.NOTHING) {
                    touch();
                }
                finish(view == LocalView.PAUSED ? HttpReply.error(503, PAUSED_NOW) : HttpReply.error(404, NOTHING));
            } else {
                await(waiter, view == LocalView.PAUSED);
            }
        }

        private void await(ProcessWaiters.Waiter waiter, boolean paused) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                expire(waiter, paused);
                return;
            }
            waiter.woken().orTimeout(remaining, TimeUnit.NANOSECONDS).whenComplete((ok, error) -> {
                if (error instanceof TimeoutException) {
                    expire(waiter, paused);
                } else if (result.isDone()) {
                    waiters.passOn(waiter);
                } else {
                    signalledNanos = waiter.signalledNanos();
                    next();
                }
            });
        }

        private void expire(ProcessWaiters.Waiter waiter, boolean paused) {
            unregister(waiter);
            if (!paused) {
                touch();
            }
            finish(HttpReply.error(paused ? 408 : 404, paused ? PAUSED_TIMEOUT : NOTHING));
        }

        private void propose() {
            LogEntry.Builder command = LogEntry.newBuilder().setAssignProcess(offer);
            node.submitProven(call.entry(), call.callerId(), command).whenComplete((reply, error) -> {
                if (error != null) {
                    finish(HttpReply.error(503, "Service unavailable, the assignment could not be replicated"));
                } else {
                    onApplied(reply);
                }
            });
        }

        private void onApplied(ApplyReply reply) {
            lastTouch.put(executor.executorId(), System.nanoTime());
            int status = reply.getErrorStatus();
            if ((status == 404 || status == 503) && timeoutSeconds > 0 && System.nanoTime() < deadlineNanos) {
                next();
            } else {
                if (status == 0 && signalledNanos != 0) {
                    wakeUps.accept(System.nanoTime() - signalledNanos);
                }
                finish(HttpReply.of(reply, PayloadType.ASSIGN_PROCESS));
            }
        }

        /** Keeps the executor's liveness fresh without writing on every empty poll. */
        private void touch() {
            long now = System.nanoTime();
            Long last = lastTouch.get(executor.executorId());
            if (last == null || now - last >= TOUCH_EVERY_NANOS) {
                lastTouch.put(executor.executorId(), now);
                node.submit(call.entry(LogEntry.newBuilder().setTouchExecutor(TouchExecutor.newBuilder()
                        .setColonyName(colony))));
            }
        }

        private void abandon() {
            unregister(current);
            finish(HttpReply.error(499, "client closed the connection"));
        }

        private void unregister(ProcessWaiters.Waiter waiter) {
            if (waiter != null) {
                waiters.unregister(waiter);
            }
        }

        private void finish(HttpReply reply) {
            if (result.complete(reply)) {
                removeCloseHook.run();
            }
        }
    }
}
