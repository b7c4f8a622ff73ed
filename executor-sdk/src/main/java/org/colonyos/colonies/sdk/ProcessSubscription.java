package org.colonyos.colonies.sdk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.model.Process;

/**
 * A live subscription on the server's {@code /pubsub} WebSocket. Processes are handed to the consumer in the
 * order the server sends them, until the server closes the socket when the subscription's timeout passes, or
 * {@link #close()} is called.
 *
 * <p>Thread-safe. The consumer runs on the JDK WebSocket's thread and must not block for long.
 */
public final class ProcessSubscription implements AutoCloseable {
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile WebSocket socket;

    private ProcessSubscription() {
    }

    static ProcessSubscription open(HttpClient http, URI pubsub, byte[] request, Consumer<Process> onProcess) {
        ProcessSubscription subscription = new ProcessSubscription();
        try {
            subscription.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(pubsub, subscription.new Frames(onProcess)).join();
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
        private final Consumer<Process> onProcess;
        private final StringBuilder partial = new StringBuilder();

        Frames(Consumer<Process> onProcess) {
            this.onProcess = onProcess;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                byte[] frame = partial.toString().getBytes(StandardCharsets.UTF_8);
                partial.setLength(0);
                try {
                    onProcess.accept(Json.parse(RpcTransport.unwrap(200, frame), Process.class));
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
