package org.colonyos.colonies.http.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;

/**
 * A fixed plain-text HTTP/1.1 reply written as raw bytes, before or instead of the HTTP codec (a connection over
 * the cap, plain HTTP sent to a TLS port), after which the connection is closed. Immutable.
 */
final class RawReply {
    private final byte[] bytes;

    /**
     * @param statusLine e.g. {@code 400 Bad Request}
     * @param body the text sent
     */
    RawReply(String statusLine, String body) {
        byte[] text = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + statusLine + "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n"
                + "Content-Length: " + text.length + "\r\n\r\n";
        this.bytes = (head + body).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the reply on this handler's connection and closes it. */
    void sendAndClose(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(bytes)).addListener(ChannelFutureListener.CLOSE);
    }
}
