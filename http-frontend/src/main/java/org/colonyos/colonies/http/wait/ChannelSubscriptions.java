package org.colonyos.colonies.http.wait;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.colonyos.colonies.proto.model.ChannelEntry;
import org.colonyos.colonies.sm.Signals;

/**
 * The {@code subscribechannelmsg} subscriptions of this node, fed by the node's own apply: every replica applies
 * every append, so a subscriber on any node hears of an entry appended through any other, without polling. A
 * subscription first sends what was there from its {@code afterseq}, then each new entry once and in the order
 * applied (entries applied while the first batch was read are held back and sent after it, those already in it
 * are skipped).
 *
 * <p>Thread-safe. Signals arrive on the apply thread; frames are sent on {@code sendExecutor}.
 */
public final class ChannelSubscriptions implements Signals.Listener {
    private final Executor sendExecutor;
    private final Map<String, Set<Subscription>> byChannel = new HashMap<>();

    public ChannelSubscriptions(Executor sendExecutor) {
        this.sendExecutor = sendExecutor;
    }

    /** Where a subscriber's entries go, and what ends it. */
    public interface Receiver {
        void entries(List<ChannelEntry> entries);

        /** The channel is gone (its process ended). */
        void ended();
    }

    /**
     * One subscriber of one channel. Identity-compared. Entries are queued on the apply thread in apply order
     * and sent in that order by whichever send thread drains the queue; the pool's threads may run the drains
     * in any order without reordering or skipping entries.
     */
    public static final class Subscription {
        private final String processId;
        private final String key;
        private final Receiver receiver;
        private final ArrayDeque<Signals.ChannelAppended> queued = new ArrayDeque<>();
        private boolean endQueued;
        private boolean started;
        private long next;

        public Subscription(String processId, String name, Receiver receiver) {
            this.processId = processId;
            this.key = processId + '\u0000' + name;
            this.receiver = receiver;
        }

        /** Sends the entries there were at subscription, from position {@code from}, then what was queued since. */
        public synchronized void start(long from, List<ChannelEntry> existing) {
            if (!existing.isEmpty()) {
                receiver.entries(existing);
            }
            next = from + existing.size();
            started = true;
            drain();
        }

        private synchronized void enqueue(Signals.ChannelAppended entry) {
            queued.add(entry);
        }

        private synchronized void enqueueEnd() {
            endQueued = true;
        }

        /** Sends what is queued, in order, then the end if the channel is gone; waits for {@link #start}. */
        private synchronized void drain() {
            if (!started) {
                return;
            }
            for (Signals.ChannelAppended entry = queued.poll(); entry != null; entry = queued.poll()) {
                if (entry.position() >= next) {
                    receiver.entries(List.of(entry.entry()));
                    next = entry.position() + 1L;
                }
            }
            if (endQueued) {
                endQueued = false;
                receiver.ended();
            }
        }
    }

    /** Starts hearing of new entries; add before reading the existing ones, so none in between is missed. */
    public synchronized void add(Subscription subscription) {
        byChannel.computeIfAbsent(subscription.key, k -> new LinkedHashSet<>()).add(subscription);
    }

    public synchronized void remove(Subscription subscription) {
        Set<Subscription> set = byChannel.get(subscription.key);
        if (set != null && set.remove(subscription) && set.isEmpty()) {
            byChannel.remove(subscription.key);
        }
    }

    @Override
    public void channelAppended(Signals.ChannelAppended entry) {
        List<Subscription> matched;
        synchronized (this) {
            Set<Subscription> set = byChannel.get(entry.processId() + '\u0000' + entry.name());
            matched = set == null ? List.of() : List.copyOf(set);
        }
        if (!matched.isEmpty()) {
            matched.forEach(s -> s.enqueue(entry));
            sendExecutor.execute(() -> matched.forEach(Subscription::drain));
        }
    }

    @Override
    public void channelsDropped(String processId) {
        List<Subscription> ended = new ArrayList<>();
        synchronized (this) {
            byChannel.values().forEach(set -> set.stream().filter(s -> s.processId.equals(processId))
                    .forEach(ended::add));
        }
        if (!ended.isEmpty()) {
            ended.forEach(Subscription::enqueueEnd);
            sendExecutor.execute(() -> ended.forEach(Subscription::drain));
        }
    }
}
