package org.colonyos.colonies.http.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import org.colonyos.colonies.http.rpc.HttpReply;

/**
 * Aggregates request bodies up to a limit; a larger body gets 413 with the protocol's error envelope. On a
 * keep-alive connection the rest of the body is read and discarded (closing while the client still uploads
 * would reset the connection before it reads the reply); otherwise the connection is closed.
 *
 * <p>One instance per channel (Netty aggregators are stateful).
 */
final class BodyLimit extends HttpObjectAggregator {
    private final int maxBytes;

    BodyLimit(int maxBytes) {
        super(maxBytes);
        this.maxBytes = maxBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        ApiHandler.send(ctx, HttpReply.error(413, "Request body too large: the limit is " + maxBytes + " bytes"),
                HttpUtil.isKeepAlive(oversized));
    }
}
