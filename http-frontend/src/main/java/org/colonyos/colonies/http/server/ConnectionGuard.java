package org.colonyos.colonies.http.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.colonyos.colonies.config.ConnectionLimits;

/**
 * Bounds what one connection may take ({@link ConnectionLimits}): a connection that sends nothing, half a header
 * or half a body, or keeps idle between requests, is closed when its stage's timeout passes; a WebSocket is
 * pinged and closed when its peer falls silent; connections over the node's cap are closed at once. A request
 * being served (a long-poll) has no timeout here; its own bounds it.
 *
 * <p>One guard per connection, confined to the connection's event loop. It sits in the pipeline twice:
 * {@link #raw()} before the HTTP codec sees bytes arrive, {@link #parsed()} after it sees where a request ends
 * and its response is written.
 */
final class ConnectionGuard {
    private enum Stage { HEADER, BODY, SERVING, IDLE, WEBSOCKET }

    private static final RawReply OVER_CAP = new RawReply("503 Service Unavailable",
            "Service unavailable, too many open connections here");

    private final ConnectionLimits limits;
    private final AtomicInteger openConnections;
    private final boolean plainText;
    private ChannelHandlerContext context;
    private Stage stage = Stage.HEADER;
    private long generation;
    private ScheduledFuture<?> timer;
    private long lastReadNanos = System.nanoTime();
    private boolean counted;

    /**
     * @param limits the timeouts and cap
     * @param openConnections the node's count of open connections, shared by every guard
     * @param plainText whether the connection speaks plain HTTP (a connection over the cap is then told why
     *     before it is closed; a TLS one is just closed)
     */
    ConnectionGuard(ConnectionLimits limits, AtomicInteger openConnections, boolean plainText) {
        this.limits = limits;
        this.openConnections = openConnections;
        this.plainText = plainText;
    }

    /** The handler to put before the HTTP codec. */
    ChannelHandler raw() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) throws Exception {
                context = ctx;
                counted = true;
                if (openConnections.incrementAndGet() > limits.maxConnections()) {
                    if (plainText) {
                        OVER_CAP.sendAndClose(ctx);
                    } else {
                        ctx.close();
                    }
                    return;
                }
                enter(Stage.HEADER, limits.headerTimeout());
                super.channelActive(ctx);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) throws Exception {
                if (counted) {
                    counted = false;
                    openConnections.decrementAndGet();
                }
                generation++;
                cancelTimer();
                super.channelInactive(ctx);
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                lastReadNanos = System.nanoTime();
                if (msg instanceof ByteBuf && stage == Stage.IDLE) {
                    enter(Stage.HEADER, limits.headerTimeout());
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    /** The handler to put right after the HTTP codec. */
    ChannelHandler parsed() {
        return new ChannelDuplexHandler() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof LastHttpContent) {
                    enter(Stage.SERVING, null);
                } else if (msg instanceof HttpRequest) {
                    enter(Stage.BODY, limits.bodyTimeout());
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (msg instanceof HttpResponse && stage == Stage.SERVING) {
                    enter(Stage.IDLE, limits.idleTimeout());
                }
                ctx.write(msg, promise);
            }

            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
                if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                    enter(Stage.WEBSOCKET, null);
                    schedulePing(generation);
                }
                super.userEventTriggered(ctx, event);
            }
        };
    }

    /**
     * Moves to a stage; its timeout, if any, closes the connection unless the stage changes first. The previous
     * stage's timer is cancelled, which takes it out of the event loop's queue at once: a keep-alive connection
     * passes three stages per request, and timers left to expire would pile up by the hundred thousand under
     * load (each outliving its request by up to the idle timeout).
     */
    private void enter(Stage next, Duration timeout) {
        stage = next;
        generation++;
        cancelTimer();
        if (timeout != null) {
            timer = context.executor().schedule(() -> {
                timer = null;
                context.close();
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void schedulePing(long armed) {
        context.executor().schedule(() -> {
            if (generation != armed) {
                return;
            }
            if (System.nanoTime() - lastReadNanos > limits.pongTimeout().toNanos()) {
                context.close();
                return;
            }
            context.channel().writeAndFlush(new PingWebSocketFrame());
            schedulePing(armed);
        }, limits.pingInterval().toNanos(), TimeUnit.NANOSECONDS);
    }
}
