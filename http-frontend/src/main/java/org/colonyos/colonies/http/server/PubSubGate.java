package org.colonyos.colonies.http.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.util.ReferenceCountUtil;
import org.colonyos.colonies.http.rpc.HttpReply;

/**
 * Caps the node's open {@code /pubsub} WebSockets: a request for one takes a slot before the handshake and gives
 * it back when the connection closes; when every slot is taken it is answered 503 with the protocol's error
 * envelope and the connection is closed.
 *
 * <p>One instance per connection, confined to its event loop; the slots are shared.
 */
final class PubSubGate extends ChannelInboundHandlerAdapter {
    private final NodeLoad load;
    private final int maxSubscriptions;
    private boolean holdsSlot;

    PubSubGate(NodeLoad load, int maxSubscriptions) {
        this.load = load;
        this.maxSubscriptions = maxSubscriptions;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest request && !holdsSlot && request.uri().startsWith(HttpServer.PUBSUB_PATH)) {
            if (load.subscriptions.incrementAndGet() > maxSubscriptions) {
                load.subscriptions.decrementAndGet();
                ReferenceCountUtil.release(msg);
                ApiHandler.send(ctx, HttpReply.error(503, "Service unavailable, " + maxSubscriptions
                        + " subscriptions are already open on this node; retry later or use another node"), false);
                return;
            }
            holdsSlot = true;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (holdsSlot) {
            holdsSlot = false;
            load.subscriptions.decrementAndGet();
        }
        super.channelInactive(ctx);
    }
}
