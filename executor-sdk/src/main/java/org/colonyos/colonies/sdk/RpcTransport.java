package org.colonyos.colonies.sdk;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
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
 * Signs messages, posts them to {@code /api} and unwraps the reply envelope. With several server URLs (the
 * nodes of one cluster) it sticks to one and moves to the next when a connection cannot be made, so the request
 * surely never reached the server it was meant for; a request whose connection broke after it was sent is
 * reported, not repeated (it may have been applied).
 *
 * <p>Thread-safe: the HTTP exchange is shared.
 */
final class RpcTransport {
    /** The JDK client, built at first use (keep-alive sockets need it only for subscriptions). */
    private HttpClient http;
    private final HttpExchange exchange;
    private final List<URI> bases;
    private final AtomicInteger current = new AtomicInteger();
    private final Duration timeout;
    private final ClientTls tls;
    /** Whether any server is reached over https (only then is a TLS context built: loading trust takes time). */
    private final boolean https;

    /**
     * A transport to these servers. {@link HttpEngine#KEEP_ALIVE_SOCKETS} speaks plain HTTP only, so with an
     * {@code https} URL among them the JDK client carries the calls instead.
     */
    RpcTransport(List<URI> baseUrls, Duration timeout, HttpEngine engine, ClientTls tls) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("at least one server URL is needed");
        }
        this.https = baseUrls.stream().anyMatch(url -> "https".equalsIgnoreCase(url.getScheme()));
        this.tls = tls;
        this.bases = List.copyOf(baseUrls);
        this.exchange = engine == HttpEngine.KEEP_ALIVE_SOCKETS && !https ? new KeepAliveExchange()
                : new JdkExchange(jdkClient());
        this.timeout = timeout;
    }

    private synchronized HttpClient jdkClient() {
        if (http == null) {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
            http = (https ? builder.sslContext(tls.sslContext()) : builder).build();
        }
        return http;
    }

    private URI base() {
        return bases.get(Math.floorMod(current.get(), bases.size()));
    }

    private URI pubsub() {
        URI http = base().resolve("/pubsub");
        return URI.create(("https".equalsIgnoreCase(http.getScheme()) ? "wss" : "ws")
                + http.toString().substring(http.getScheme().length()));
    }

    /** Sends a message signed with the key (an empty key sends it unsigned); returns the reply JSON. */
    byte[] call(PayloadType type, Payload payload, String privateKey) {
        return call(type, payload, privateKey, timeout);
    }

    /** Like {@link #call(PayloadType, Payload, String)} with its own HTTP timeout (long-polls). */
    byte[] call(PayloadType type, Payload payload, String privateKey, Duration callTimeout) {
        return post(envelope(type, payload, privateKey), callTimeout);
    }

    /** Opens a {@code /pubsub} subscription with a signed request; see {@link Subscription}. */
    <T> Subscription subscribe(PayloadType type, Payload payload, String privateKey, Class<T> frameType,
            java.util.function.Consumer<T> onItem) {
        return Subscription.open(jdkClient(), pubsub(), envelope(type, payload, privateKey), frameType, onItem);
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
        int first = current.get();
        for (int attempt = 0; ; attempt++) {
            URI api = bases.get(Math.floorMod(first + attempt, bases.size())).resolve("/api");
            try {
                HttpExchange.Reply reply = exchange.post(api, envelope, callTimeout);
                current.compareAndSet(first, first + attempt);
                return unwrap(reply.status(), reply.body());
            } catch (ConnectException e) {
                if (attempt + 1 >= bases.size()) {
                    throw new ColoniesException("cannot reach " + api + ": " + reason(e), e);
                }
            } catch (IOException e) {
                throw new ColoniesException("cannot reach " + api + ": " + reason(e), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ColoniesException("interrupted while calling " + api, e);
            }
        }
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

    /** What went wrong with a connection, in words (the JDK leaves some exceptions without a message). */
    private static String reason(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused (is a server running there?)";
        }
        if (e instanceof SSLHandshakeException) {
            return "the TLS handshake failed (" + e.getMessage() + "); if the server's certificate comes from a "
                    + "private CA, trust it with COLONIES_TLS_CA or --cacert (or try with --skip-tls-verify)";
        }
        if (e instanceof SSLException) {
            return "TLS failed (" + e.getMessage() + "); does the server speak TLS? (COLONIES_TLS)";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
