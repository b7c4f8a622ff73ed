package org.colonyos.colonies.sdk;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@link HttpExchange} over the JDK's HTTP client (shared, thread-safe). */
final class JdkExchange implements HttpExchange {
    private final HttpClient http;

    JdkExchange(HttpClient http) {
        this.http = http;
    }

    @Override
    public Reply post(URI url, byte[] body, Duration timeout) throws IOException, InterruptedException {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.body());
        } catch (HttpConnectTimeoutException e) {
            throw (ConnectException) new ConnectException(e.getMessage()).initCause(e);
        }
    }
}
