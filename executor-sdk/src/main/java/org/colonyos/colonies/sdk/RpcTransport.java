package org.colonyos.colonies.sdk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.json.JsonDecodeException;
import org.colonyos.colonies.proto.wire.Failure;
import org.colonyos.colonies.proto.wire.Payload;
import org.colonyos.colonies.proto.wire.PayloadCodec;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.RpcMsg;
import org.colonyos.colonies.proto.wire.RpcReplyMsg;

/**
 * Signs messages, posts them to {@code /api} and unwraps the reply envelope.
 *
 * <p>Thread-safe: the JDK HTTP client is shared.
 */
final class RpcTransport {
    private final HttpClient http;
    private final URI api;
    private final URI pubsub;
    private final Duration timeout;

    RpcTransport(URI baseUrl, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.api = baseUrl.resolve("/api");
        URI http = baseUrl.resolve("/pubsub");
        this.pubsub = URI.create(("https".equalsIgnoreCase(http.getScheme()) ? "wss" : "ws")
                + http.toString().substring(http.getScheme().length()));
        this.timeout = timeout;
    }

    /** Sends a message signed with the key (an empty key sends it unsigned); returns the reply JSON. */
    byte[] call(PayloadType type, Payload payload, String privateKey) {
        return call(type, payload, privateKey, timeout);
    }

    /** Like {@link #call(PayloadType, Payload, String)} with its own HTTP timeout (long-polls). */
    byte[] call(PayloadType type, Payload payload, String privateKey, Duration callTimeout) {
        return post(envelope(type, payload, privateKey), callTimeout);
    }

    /** Opens a {@code /pubsub} subscription with a signed request; see {@link ProcessSubscription}. */
    ProcessSubscription subscribe(PayloadType type, Payload payload, String privateKey,
            java.util.function.Consumer<org.colonyos.colonies.proto.model.Process> onProcess) {
        return ProcessSubscription.open(http, pubsub, envelope(type, payload, privateKey), onProcess);
    }

    private static byte[] envelope(PayloadType type, Payload payload, String privateKey) {
        String encoded = PayloadCodec.encode(type, payload);
        String signature = privateKey.isEmpty() ? "" : Identity.sign(encoded, privateKey);
        return Json.toBytes(new RpcMsg(signature, type.wireName(), encoded));
    }

    /** Posts an envelope as it is and returns the reply JSON, or throws the error it carries. */
    byte[] post(byte[] envelope) {
        return post(envelope, timeout);
    }

    private byte[] post(byte[] envelope, Duration callTimeout) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(api).timeout(callTimeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ColoniesException("cannot reach " + api + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ColoniesException("interrupted while calling " + api, e);
        }
        return unwrap(response.statusCode(), response.body());
    }

    /** The payload JSON of a reply envelope, or the error it carries as a {@link ColoniesException}. */
    static byte[] unwrap(int httpStatus, byte[] body) {
        RpcReplyMsg reply;
        try {
            reply = Json.parse(body, RpcReplyMsg.class);
        } catch (JsonDecodeException e) {
            throw new ColoniesException(httpStatus, "unexpected reply (HTTP " + httpStatus + "): "
                    + new String(body, StandardCharsets.UTF_8));
        }
        byte[] json = PayloadCodec.decodeBase64(reply.payload());
        if (reply.error()) {
            Failure failure = Json.parse(json, Failure.class);
            throw new ColoniesException(failure.status(), failure.message());
        }
        return json;
    }
}
