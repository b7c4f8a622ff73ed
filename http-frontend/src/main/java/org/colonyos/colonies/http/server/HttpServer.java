package org.colonyos.colonies.http.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.cors.CorsConfig;
import io.netty.handler.codec.http.cors.CorsConfigBuilder;
import io.netty.handler.codec.http.cors.CorsHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.colonyos.colonies.config.ApiSettings;
import org.colonyos.colonies.config.ConfigException;

/**
 * The Netty HTTP listener: TLS when configured ({@link ApiTlsContext}), the connection limits
 * ({@link ConnectionGuard}), codec, permissive CORS (like gin-contrib/cors Default), the body limit, the
 * {@code /pubsub} cap ({@link PubSubGate}), the {@link ApiHandler} and, after the WebSocket handshake on
 * {@code /pubsub}, the {@link PubSubHandler}.
 *
 * <p>Thread-safe; {@link #close()} stops accepting and waits for the event loops to end.
 */
final class HttpServer implements AutoCloseable {
    /** Where WebSocket subscriptions are served. */
    static final String PUBSUB_PATH = "/pubsub";
    private static final CorsConfig CORS = CorsConfigBuilder.forAnyOrigin()
            .allowedRequestMethods(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
                    HttpMethod.DELETE, HttpMethod.HEAD, HttpMethod.OPTIONS)
            .allowedRequestHeaders(HttpHeaderNames.ORIGIN, HttpHeaderNames.CONTENT_LENGTH,
                    HttpHeaderNames.CONTENT_TYPE)
            .maxAge(12 * 60 * 60)
            .build();

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel channel;
    private final ApiTlsContext tls;

    private HttpServer(EventLoopGroup boss, EventLoopGroup workers, Channel channel, ApiTlsContext tls) {
        this.boss = boss;
        this.workers = workers;
        this.channel = channel;
        this.tls = tls;
    }

    /**
     * Binds the listener.
     *
     * @param api body limit, connection and subscription caps, TLS
     * @param load where open connections and sockets are counted
     * @param handler the handler of HTTP requests
     * @param pubSub the handler of WebSocket frames
     */
    static HttpServer start(String host, int port, ApiSettings api, NodeLoad load, ApiHandler handler,
            PubSubHandler pubSub) throws InterruptedException {
        ApiTlsContext tls = api.tls().map(ApiTlsContext::start).orElse(null);
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        int maxBody = api.maxBodyBytes();
        WebSocketServerProtocolConfig webSocket = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(PUBSUB_PATH).checkStartsWith(true).allowExtensions(false)
                .maxFramePayloadLength(maxBody).handleCloseFrames(true).build();
        try {
            Channel channel = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ConnectionGuard guard = new ConnectionGuard(api.connections(), load.connections,
                                    tls == null);
                            ch.pipeline().addLast(guard.raw());
                            if (tls != null) {
                                ch.pipeline().addLast(tls.newHandler());
                            }
                            ch.pipeline().addLast(new HttpServerCodec(), guard.parsed(), new CorsHandler(CORS),
                                    new BodyLimit(maxBody), new PubSubGate(load, api.requests().maxSubscriptions()),
                                    new WebSocketServerProtocolHandler(webSocket),
                                    new WebSocketFrameAggregator(maxBody), handler, pubSub);
                        }
                    })
                    .bind(new InetSocketAddress(host, port)).sync().channel();
            return new HttpServer(boss, workers, channel, tls);
        } catch (Exception e) {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            if (tls != null) {
                tls.close();
            }
            if (e instanceof InterruptedException || e instanceof RuntimeException) {
                throw e;
            }
            // Netty throws the bind failure unchecked-style; say which address and port it was
            throw new IllegalStateException(e instanceof BindException ? "port " + port + " on " + host
                    + " is already in use" : e.toString(), e);
        }
    }

    int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Whether the listener speaks TLS. */
    boolean tls() {
        return tls != null;
    }

    /**
     * Reads the TLS files again now (SIGHUP).
     *
     * @throws ConfigException when they do not load (the current certificate stays in force)
     * @throws IllegalStateException when the listener has no TLS
     */
    void reloadTls() {
        if (tls == null) {
            throw new IllegalStateException("the API does not use TLS");
        }
        tls.reload();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        if (tls != null) {
            tls.close();
        }
    }
}
