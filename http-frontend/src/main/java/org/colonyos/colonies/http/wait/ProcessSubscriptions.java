package org.colonyos.colonies.http.wait;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.sm.Signals;

/**
 * The {@code /pubsub} subscriptions of this node (protocol 1.8, 6.6; DESIGN section 5), fed by the node's own
 * apply like the assign waiters. A subscription names one process, or a colony and executor type, and the state
 * it waits for; every process that enters that state is handed to every matching subscription (broadcast: unlike
 * the Go server, a subscription never takes a wake-up away from a long-polling assign).
 *
 * <p>Thread-safe. Signals arrive on the apply thread; receivers run on {@code sendExecutor}.
 */
public final class ProcessSubscriptions implements Signals.Listener {
    private final java.util.concurrent.Executor sendExecutor;
    private final Map<String, Set<Subscription>> byKey = new HashMap<>();

    public ProcessSubscriptions(java.util.concurrent.Executor sendExecutor) {
        this.sendExecutor = sendExecutor;
    }

    /** What one subscriber waits for and where matching processes go. Identity-compared. */
    public static final class Subscription {
        private final String key;
        private final int state;
        private final Consumer<ColonyProcess> receiver;

        private Subscription(String key, int state, Consumer<ColonyProcess> receiver) {
            this.key = key;
            this.state = state;
            this.receiver = receiver;
        }

        /** Processes with this id entering {@code state}. */
        public static Subscription toProcess(String processId, int state, Consumer<ColonyProcess> receiver) {
            return new Subscription(processKey(processId), state, receiver);
        }

        /** Processes of this colony and executor type entering {@code state}. */
        public static Subscription toProcesses(String colonyName, String executorType, int state,
                Consumer<ColonyProcess> receiver) {
            return new Subscription(kindKey(colonyName, executorType), state, receiver);
        }
    }

    private static String processKey(String processId) {
        return "p\u0000" + processId;
    }

    private static String kindKey(String colonyName, String executorType) {
        return "k\u0000" + colonyName + '\u0000' + executorType;
    }

    /** Starts delivering; add before checking the current state, so no change in between is missed. */
    public synchronized void add(Subscription subscription) {
        byKey.computeIfAbsent(subscription.key, k -> new LinkedHashSet<>()).add(subscription);
    }

    /** Stops delivering (the subscriber's socket closed). */
    public synchronized void remove(Subscription subscription) {
        Set<Subscription> set = byKey.get(subscription.key);
        if (set != null && set.remove(subscription) && set.isEmpty()) {
            byKey.remove(subscription.key);
        }
    }

    /** The number of live subscriptions (tests and metrics). */
    public synchronized int count() {
        return byKey.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void processChanged(ColonyProcess process) {
        List<Subscription> matched = new ArrayList<>();
        synchronized (this) {
            collect(processKey(process.processId()), process.state(), matched);
            collect(kindKey(process.colonyName(), process.executorType()), process.state(), matched);
        }
        if (!matched.isEmpty()) {
            sendExecutor.execute(() -> matched.forEach(s -> s.receiver.accept(process)));
        }
    }

    private void collect(String key, int state, List<Subscription> into) {
        Set<Subscription> set = byKey.get(key);
        if (set != null) {
            set.stream().filter(s -> s.state == state).forEach(into::add);
        }
    }
}
