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
import java.util.concurrent.atomic.AtomicInteger;
import org.colonyos.colonies.config.ConnectionLimits;
import org.colonyos.colonies.http.rpc.RpcDispatcher;

/**
 * The Netty HTTP listener: the connection limits ({@link ConnectionGuard}), codec, permissive CORS (like
 * gin-contrib/cors Default), the body limit, the {@link ApiHandler} and, after the WebSocket handshake on
 * {@code /pubsub}, the {@link PubSubHandler}.
 *
 * <p>Thread-safe; {@link #close()} stops accepting and waits for the event loops to end.
 */
final class HttpServer implements AutoCloseable {
    /** Where WebSocket subscriptions are served. */
    static final String PUBSUB_PATH = "/pubsub";

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel channel;

    private HttpServer(EventLoopGroup boss, EventLoopGroup workers, Channel channel) {
        this.boss = boss;
        this.workers = workers;
        this.channel = channel;
    }

    static HttpServer start(String host, int port, int maxBodyBytes, ConnectionLimits limits,
            RpcDispatcher dispatcher) throws InterruptedException {
        AtomicInteger openConnections = new AtomicInteger();
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        ApiHandler api = new ApiHandler(dispatcher);
        PubSubHandler pubSub = new PubSubHandler(dispatcher);
        WebSocketServerProtocolConfig webSocket = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(PUBSUB_PATH).checkStartsWith(true).allowExtensions(false)
                .maxFramePayloadLength(maxBodyBytes).handleCloseFrames(true).build();
        CorsConfig cors = CorsConfigBuilder.forAnyOrigin()
                .allowedRequestMethods(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
                        HttpMethod.DELETE, HttpMethod.HEAD, HttpMethod.OPTIONS)
                .allowedRequestHeaders(HttpHeaderNames.ORIGIN, HttpHeaderNames.CONTENT_LENGTH,
                        HttpHeaderNames.CONTENT_TYPE)
                .maxAge(12 * 60 * 60)
                .build();
        try {
            Channel channel = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ConnectionGuard guard = new ConnectionGuard(limits, openConnections);
                            ch.pipeline().addLast(guard.raw(), new HttpServerCodec(), guard.parsed(),
                                    new CorsHandler(cors),
                                    new BodyLimit(maxBodyBytes), new WebSocketServerProtocolHandler(webSocket),
                                    new WebSocketFrameAggregator(maxBodyBytes), api, pubSub);
                        }
                    })
                    .bind(new InetSocketAddress(host, port)).sync().channel();
            return new HttpServer(boss, workers, channel);
        } catch (Exception e) {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
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

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
