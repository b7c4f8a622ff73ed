package org.colonyos.colonies.http.wait;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executor;
import org.colonyos.colonies.proto.model.ChannelEntry;
import org.colonyos.colonies.sm.Signals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A channel subscriber gets every entry once and in apply order, however the send pool's threads happen to run
 * the deliveries, and hears of the channel's end only after its last entry.
 */
class ChannelSubscriptionsTest {
    private static final String PROCESS = "p1";

    /** Holds the tasks handed to it and runs them when asked, last first: the worst order two threads allow. */
    private static final class ReversingExecutor implements Executor {
        private final List<Runnable> tasks = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runLastFirst() {
            List<Runnable> reversed = new ArrayList<>(tasks);
            Collections.reverse(reversed);
            tasks.clear();
            reversed.forEach(Runnable::run);
        }
    }

    private static final class Recorder implements ChannelSubscriptions.Receiver {
        final List<String> events = new ArrayList<>();

        @Override
        public void entries(List<ChannelEntry> entries) {
            entries.forEach(e -> events.add(new String(e.payload(), StandardCharsets.UTF_8)));
        }

        @Override
        public void ended() {
            events.add("end");
        }
    }

    private final ReversingExecutor pool = new ReversingExecutor();
    private final ChannelSubscriptions channels = new ChannelSubscriptions(pool);
    private final Recorder recorder = new Recorder();
    private final ChannelSubscriptions.Subscription subscription = new ChannelSubscriptions.Subscription(PROCESS,
            "chat", recorder);

    @BeforeEach
    void subscribe() {
        channels.add(subscription);
    }

    @Test
    void entriesArriveInApplyOrderWhenDeliveriesRunOutOfOrder() {
        subscription.start(0, List.of(entry(1)));
        for (int position = 1; position < 5; position++) {
            channels.channelAppended(appended(position));
        }
        channels.channelsDropped(PROCESS);
        pool.runLastFirst();
        assertEquals(List.of("m1", "m2", "m3", "m4", "m5", "end"), recorder.events);
    }

    @Test
    void entriesAppliedWhileTheFirstBatchIsReadAreSentOnceAfterIt() {
        channels.channelAppended(appended(1));
        channels.channelAppended(appended(2));
        pool.runLastFirst();
        assertEquals(List.of(), recorder.events, "nothing is sent before the first batch");
        subscription.start(0, List.of(entry(1), entry(2)));
        channels.channelAppended(appended(2));
        pool.runLastFirst();
        assertEquals(List.of("m1", "m2", "m3"), recorder.events);
    }

    private static Signals.ChannelAppended appended(int position) {
        return new Signals.ChannelAppended(PROCESS, "chat", position, entry(position + 1));
    }

    private static ChannelEntry entry(int sequence) {
        return new ChannelEntry(sequence, 0, Instant.EPOCH, "sender",
                ("m" + sequence).getBytes(StandardCharsets.UTF_8), "data", "");
    }
}
