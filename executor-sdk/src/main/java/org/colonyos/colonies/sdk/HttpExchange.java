package org.colonyos.colonies.sdk;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;

/**
 * One HTTP POST of a JSON body and its reply, the only thing {@link RpcTransport} needs from HTTP.
 * Implementations are thread-safe.
 */
interface HttpExchange {
    /**
     * Posts {@code body} to {@code url} and waits at most {@code timeout} for the reply.
     *
     * @throws ConnectException when no connection could be made: the request surely did not reach the server
     * @throws IOException when the exchange failed after the request may have been sent
     */
    Reply post(URI url, byte[] body, Duration timeout) throws IOException, InterruptedException;

    /** An HTTP reply: its status and body. */
    record Reply(int status, byte[] body) {
    }
}
