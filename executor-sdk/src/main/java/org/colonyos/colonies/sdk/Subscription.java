package org.colonyos.colonies.sdk;

import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.colonyos.colonies.proto.json.Json;

/**
 * A live subscription on the server's {@code /pubsub} WebSocket: processes, or channel entries. What the server
 * sends is handed to the consumer in order, until the server closes the socket (the subscription's timeout
 * passed, or its channel's process ended), or {@link #close()} is called.
 *
 * <p>Thread-safe. The consumer runs on the JDK WebSocket's thread and must not block for long.
 */
public final class Subscription implements AutoCloseable {
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile WebSocket socket;

    private Subscription() {
    }

    /** Opens a subscription whose frames carry {@code type}, each decoded and handed to {@code onItem}. */
    static <T> Subscription open(HttpClient http, URI pubsub, byte[] request, Class<T> type,
            Consumer<T> onItem) {
        Subscription subscription = new Subscription();
        try {
            subscription.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(pubsub, subscription.new Frames(json -> onItem.accept(Json.parse(json, type))))
                    .join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                int status = refused.getResponse().statusCode();
                throw new ColoniesException(status, "the server refused the subscription at " + pubsub + " (HTTP "
                        + status + (status == 503 ? ": it has too many open subscriptions; retry later)" : ")"));
            }
            throw new ColoniesException("cannot open " + pubsub + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ColoniesException("cannot open " + pubsub + ": " + e.getMessage(), e);
        }
        subscription.socket.sendText(new String(request, StandardCharsets.UTF_8), true);
        return subscription;
    }

    /**
     * Completes when the subscription ends: normally when the socket closed, exceptionally with a
     * {@link ColoniesException} for an error reply (status and text as the server sent them) or a lost
     * connection.
     */
    public CompletableFuture<Void> ended() {
        return ended;
    }

    /** Ends the subscription now. */
    @Override
    public void close() {
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
        ended.complete(null);
    }

    /** Assembles frames (the JDK may deliver one frame in parts) and decodes each reply envelope. */
    private final class Frames implements WebSocket.Listener {
        private final Consumer<byte[]> onReply;
        private final StringBuilder partial = new StringBuilder();

        Frames(Consumer<byte[]> onReply) {
            this.onReply = onReply;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                byte[] frame = partial.toString().getBytes(StandardCharsets.UTF_8);
                partial.setLength(0);
                try {
                    onReply.accept(RpcTransport.unwrap(200, frame));
                } catch (ColoniesException e) {
                    ended.completeExceptionally(e);
                    webSocket.abort();
                } catch (RuntimeException e) {
                    ended.completeExceptionally(new ColoniesException("cannot handle a subscription frame: " + e, e));
                    webSocket.abort();
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ended.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ended.completeExceptionally(new ColoniesException("subscription connection lost: " + error, error));
        }
    }
}
