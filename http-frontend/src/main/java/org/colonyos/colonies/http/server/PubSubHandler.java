package org.colonyos.colonies.http.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.colonyos.colonies.http.rpc.FrameSink;
import org.colonyos.colonies.http.rpc.HttpReply;
import org.colonyos.colonies.http.rpc.RpcDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the frames of {@code GET /pubsub} after Netty's WebSocket handshake: each text or binary frame is one
 * signed request envelope, answered with frames of the same type through the {@link RpcDispatcher}. Ping, pong
 * and close frames are handled by Netty's protocol handler in front of this one.
 *
 * <p>Sharable and stateless: Netty calls it on event-loop threads; frames may be sent from any thread.
 */
@ChannelHandler.Sharable
final class PubSubHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final Logger LOG = LoggerFactory.getLogger(PubSubHandler.class);

    private final RpcDispatcher dispatcher;

    PubSubHandler(RpcDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
            byte[] request = ByteBufUtil.getBytes(frame.content());
            dispatcher.dispatchFrame(request, ApiHandler.connectionOf(ctx),
                    new SocketSink(ctx.channel(), frame instanceof BinaryWebSocketFrame));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("closing WebSocket after error: {}", cause.toString());
        ctx.close();
    }

    /** Frames of one request, in its frame type; a scheduled close is dropped when the socket closes first. */
    private record SocketSink(Channel channel, boolean binary) implements FrameSink {
        @Override
        public void send(HttpReply frame) {
            if (channel.isActive()) {
                byte[] body = frame.body();
                channel.writeAndFlush(binary ? new BinaryWebSocketFrame(Unpooled.wrappedBuffer(body))
                        : new TextWebSocketFrame(Unpooled.wrappedBuffer(body)));
            }
        }

        @Override
        public void closeAfter(long seconds, HttpReply lastFrame) {
            if (seconds <= 0) {
                close(lastFrame);
                return;
            }
            ScheduledFuture<?> timer = channel.eventLoop().schedule(() -> close(lastFrame), seconds, TimeUnit.SECONDS);
            channel.closeFuture().addListener(f -> timer.cancel(false));
        }

        private void close(HttpReply lastFrame) {
            if (lastFrame != null) {
                send(lastFrame);
            }
            if (channel.isActive()) {
                channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                        .addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
