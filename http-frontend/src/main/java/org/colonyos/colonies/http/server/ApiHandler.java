package org.colonyos.colonies.http.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import org.colonyos.colonies.http.metrics.ServerMetrics;
import org.colonyos.colonies.http.rpc.Connection;
import org.colonyos.colonies.http.rpc.HttpReply;
import org.colonyos.colonies.http.rpc.RpcDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code POST /api} (through the {@link RpcDispatcher}, without blocking the event loop),
 * {@code GET /health} and, when metrics are on, {@code GET /metrics} (Prometheus text); anything else is
 * {@code 404 page not found}, as with the Go server. Replies are
 * {@code text/plain; charset=utf-8}, like Gin's {@code c.String}.
 *
 * <p>Sharable and stateless: Netty calls it on event-loop threads; replies may be written from any thread.
 */
@ChannelHandler.Sharable
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final AttributeKey<Connection> CONNECTION = AttributeKey.valueOf("colonies.connection");

    private final RpcDispatcher dispatcher;
    private final ServerMetrics metrics;

    /**
     * @param metrics the node's metrics, or null when {@code /metrics} is off
     */
    ApiHandler(RpcDispatcher dispatcher, ServerMetrics metrics) {
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (request.decoderResult().isFailure()) {
            send(ctx, HttpReply.error(400, "malformed HTTP request"), false);
            return;
        }
        String uri = request.uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        if (path.equals("/api") && request.method().equals(HttpMethod.POST)) {
            byte[] body = ByteBufUtil.getBytes(request.content());
            dispatcher.dispatch(body, connectionOf(ctx)).thenAccept(reply -> send(ctx, reply, keepAlive));
        } else if (path.equals("/health") && request.method().equals(HttpMethod.GET)) {
            write(ctx, HttpResponseStatus.OK, new byte[0], keepAlive);
        } else if (path.equals("/metrics") && request.method().equals(HttpMethod.GET) && metrics != null) {
            write(ctx, HttpResponseStatus.OK, metrics.scrape(), metrics.contentType(), keepAlive);
        } else {
            write(ctx, HttpResponseStatus.NOT_FOUND, "404 page not found".getBytes(StandardCharsets.UTF_8), keepAlive);
        }
    }

    /** The connection of a channel, shared by its requests and WebSocket frames (event-loop thread only). */
    static Connection connectionOf(ChannelHandlerContext ctx) {
        Connection connection = ctx.channel().attr(CONNECTION).get();
        if (connection == null) {
            Connection created = new Connection();
            ctx.channel().attr(CONNECTION).set(created);
            ctx.channel().closeFuture().addListener(f -> created.close());
            connection = created;
        }
        return connection;
    }

    /** Writes a reply envelope with its status. */
    static void send(ChannelHandlerContext ctx, HttpReply reply, boolean keepAlive) {
        write(ctx, HttpResponseStatus.valueOf(reply.status()), reply.body(), keepAlive);
    }

    private static void write(ChannelHandlerContext ctx, HttpResponseStatus status, byte[] body, boolean keepAlive) {
        write(ctx, status, body, TEXT, keepAlive);
    }

    private static void write(ChannelHandlerContext ctx, HttpResponseStatus status, byte[] body, String contentType,
            boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("closing connection after error: {}", cause.toString());
        ctx.close();
    }
}
