package org.colonyos.colonies.http.wait;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.sm.Signals;
import org.colonyos.colonies.sm.scheduler.Scheduler;
import org.colonyos.colonies.sm.state.ProcessTables;

/**
 * The node's notifier (DESIGN section 5): fed by this node's own apply, it wakes long-polling assigns.
 *
 * <p>Assign waiters queue per (colony, executor type). A process that becomes assignable wakes exactly one
 * waiter that could run it, the longest waiting first (no thundering herd; round-robin since a woken waiter
 * queues again at the back). A waiter registers before it re-checks the state, so a process applied between
 * its check and its wait is never missed. Resuming a colony wakes all its waiters.
 *
 * <p>Thread-safe. Signals arrive on the apply thread; waiters are completed on {@code wakeExecutor} so apply
 * never runs their continuations.
 */
public final class ProcessWaiters implements Signals.Listener {
    private final java.util.concurrent.Executor wakeExecutor;
    private final Map<String, Deque<Waiter>> waiters = new HashMap<>();

    public ProcessWaiters(java.util.concurrent.Executor wakeExecutor) {
        this.wakeExecutor = wakeExecutor;
    }

    /** An executor waiting for work: completes {@link #woken()} when a process it could run may be there. */
    public static final class Waiter {
        private final String colonyName;
        private final Executor executor;
        private final long cpuMillis;
        private final long memMiB;
        private final CompletableFuture<Void> woken = new CompletableFuture<>();
        /** When a process this waiter could run was applied and chose it (System.nanoTime), or 0. */
        private volatile long signalledNanos;

        public Waiter(Executor executor, String colonyName, long cpuMillis,
                long memMiB) {
            this.colonyName = colonyName;
            this.executor = executor;
            this.cpuMillis = cpuMillis;
            this.memMiB = memMiB;
        }

        public CompletableFuture<Void> woken() {
            return woken;
        }

        /**
         * When this node applied a process this waiter could run and woke it for it ({@code System.nanoTime()}),
         * or 0 when it was woken for another reason (a resumed colony, a replaced state, a passed-on wake-up).
         */
        public long signalledNanos() {
            return signalledNanos;
        }

        private String key() {
            return ProcessWaiters.key(colonyName, executor.executorType());
        }
    }

    /** Waiters queue per colony and executor type. */
    private static String key(String colonyName, String executorType) {
        return colonyName + '\u0000' + executorType;
    }

    /** Queues a waiter; call before re-checking the state. */
    public synchronized void register(Waiter waiter) {
        waiters.computeIfAbsent(waiter.key(), k -> new ArrayDeque<>()).addLast(waiter);
    }

    /** Removes a waiter that stopped waiting (found work, timed out, or its client left). */
    public synchronized void unregister(Waiter waiter) {
        Deque<Waiter> queue = waiters.get(waiter.key());
        if (queue != null && queue.remove(waiter) && queue.isEmpty()) {
            waiters.remove(waiter.key());
        }
    }

    /** Hands a wake-up that a departed waiter can no longer use to the next waiter of its kind. */
    public void passOn(Waiter departed) {
        Waiter next;
        synchronized (this) {
            Deque<Waiter> queue = waiters.get(departed.key());
            next = queue == null ? null : queue.pollFirst();
            if (queue != null && queue.isEmpty()) {
                waiters.remove(departed.key());
            }
        }
        if (next != null) {
            Waiter chosen = next;
            wakeExecutor.execute(() -> chosen.woken.complete(null));
        }
    }

    /** The number of queued waiters (tests and metrics). */
    public synchronized int waiting() {
        return waiters.values().stream().mapToInt(Deque::size).sum();
    }

    @Override
    public void processChanged(ColonyProcess process) {
        if (ProcessTables.isQueued(process)) {
            Waiter chosen = takeFirstMatching(process);
            if (chosen != null) {
                chosen.signalledNanos = System.nanoTime();
                wakeExecutor.execute(() -> chosen.woken.complete(null));
            }
        }
    }

    private synchronized Waiter takeFirstMatching(ColonyProcess process) {
        Deque<Waiter> queue = waiters.get(key(process.colonyName(), process.executorType()));
        if (queue == null) {
            return null;
        }
        for (Iterator<Waiter> it = queue.iterator(); it.hasNext();) {
            Waiter waiter = it.next();
            if (Scheduler.matches(process, waiter.executor, waiter.cpuMillis, waiter.memMiB)) {
                it.remove();
                return waiter;
            }
        }
        return null;
    }

    @Override
    public void assignmentsResumed(String colonyName) {
        String colonyPrefix = key(colonyName, "");
        wakeAll(key -> key.startsWith(colonyPrefix));
    }

    /** The state was replaced by an installed snapshot: every waiter looks again. */
    @Override
    public void stateReplaced() {
        wakeAll(key -> true);
    }

    private void wakeAll(Predicate<String> ofKey) {
        List<Waiter> woken = new ArrayList<>();
        synchronized (this) {
            waiters.entrySet().removeIf(entry -> {
                if (ofKey.test(entry.getKey())) {
                    woken.addAll(entry.getValue());
                    return true;
                }
                return false;
            });
        }
        woken.forEach(w -> wakeExecutor.execute(() -> w.woken.complete(null)));
    }
}
