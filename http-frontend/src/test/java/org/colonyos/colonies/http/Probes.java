package org.colonyos.colonies.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.wire.RpcMsg;

/** Raw requests of the adversarial probe, for the one-node and cluster tests. */
public final class Probes {
    private Probes() {
    }

    /**
     * A submit whose {@code args} hold 390,000 times {@code 1e9}: under the body limit as sent, but more than
     * twice as large once re-encoded ({@code 1.0E9}). Signed and posted as raw JSON, as the probe did.
     */
    public static String expandingSubmit(String colony, String prvKey) {
        String args = String.join(",", Collections.nCopies(390_000, "1e9"));
        String json = "{\"msgtype\":\"submitfuncspecmsg\",\"spec\":{\"funcname\":\"big\",\"args\":[" + args
                + "],\"conditions\":{\"colonyname\":\"" + colony + "\",\"executortype\":\"cli\"}}}";
        String payload = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        return Json.toText(new RpcMsg(Identity.sign(payload, prvKey), "submitfuncspecmsg", payload));
    }

    public static HttpResponse<String> post(String url, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/api"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
