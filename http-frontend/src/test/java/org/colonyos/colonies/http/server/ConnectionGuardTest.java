package org.colonyos.colonies.http.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.colonyos.colonies.config.ConnectionLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A keep-alive connection holds one stage timer at a time, however many requests it carries. */
@Timeout(60)
class ConnectionGuardTest {
    private static final ConnectionLimits LIMITS = new ConnectionLimits(Duration.ofSeconds(10),
            Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(30), Duration.ofSeconds(60), 100);

    /** An event loop that tells how many of the timers scheduled on it are still armed (not run, not cancelled). */
    private static final class CountingLoop extends DefaultEventLoop {
        private final List<ScheduledFuture<?>> timers = new CopyOnWriteArrayList<>();

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            ScheduledFuture<?> timer = super.schedule(command, delay, unit);
            timers.add(timer);
            return timer;
        }

        long armedTimers() throws Exception {
            return submit(() -> timers.stream().filter(timer -> !timer.isDone()).count()).get();
        }
    }

    /** A connection whose guard runs on {@code loop}, after {@code requests} request and response cycles. */
    private static EmbeddedChannel connectionAfter(CountingLoop loop, int requests) throws Exception {
        ConnectionGuard guard = new ConnectionGuard(LIMITS, new AtomicInteger(), true);
        EmbeddedChannel channel = new EmbeddedChannel(false, false);
        channel.pipeline().addLast(loop, guard.raw(), guard.parsed());
        channel.register();
        for (int i = 0; i < requests; i++) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'P'}));
            channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api"));
            channel.writeInbound(LastHttpContent.EMPTY_LAST_CONTENT);
            channel.writeOutbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        }
        return channel;
    }

    @Test
    void requestsOnOneConnectionLeaveOnlyTheIdleTimerBehind() throws Exception {
        CountingLoop loop = new CountingLoop();
        try {
            EmbeddedChannel channel = connectionAfter(loop, 1_000);
            assertEquals(1L, loop.armedTimers(), "only the idle timeout of the last request is armed");
            assertTrue(channel.isOpen());
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void aClosedConnectionLeavesNoTimer() throws Exception {
        CountingLoop loop = new CountingLoop();
        try {
            EmbeddedChannel channel = connectionAfter(loop, 3);
            channel.close();
            loop.submit(() -> { }).get();
            channel.runPendingTasks();
            assertFalse(channel.isOpen());
            assertEquals(0L, loop.armedTimers());
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }
}
