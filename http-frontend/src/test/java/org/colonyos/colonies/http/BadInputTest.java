package org.colonyos.colonies.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.wire.Failure;
import org.colonyos.colonies.proto.wire.RpcMsg;
import org.colonyos.colonies.proto.wire.RpcReplyMsg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input over real HTTP: each case gets the protocol's status and error envelope, and the server lives. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class BadInputTest {
    private static final String GET_COLONIES = b64("{\"msgtype\":\"getcoloniesmsg\"}");
    private final HttpClient http = HttpClient.newHttpClient();
    private ColoniesServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = TestServer.start(dir);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @AfterEach
    void serverStillServes() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertEquals("", health.body());
        assertTrue(TestServer.client(server).getColonies(TestServer.SERVER_KEY).isEmpty());
    }

    private static String b64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String envelope(String signature, String type, String payload) {
        return Json.toText(new RpcMsg(signature, type, payload));
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertError(String body, int status, String message) throws Exception {
        HttpResponse<String> response = post(body);
        assertEquals(status, response.statusCode(), response.body());
        RpcReplyMsg reply = Json.parse(response.body(), RpcReplyMsg.class);
        assertTrue(reply.error());
        assertEquals("error", reply.payloadType());
        Failure failure = Json.parse(reply.decodedPayload(), Failure.class);
        assertEquals(status, failure.status());
        if (message != null) {
            assertEquals(message, failure.message());
        }
    }

    @Test
    void garbageBodyIs400() throws Exception {
        assertError("this is not json", 400, null);
        assertError("[1,2,3]", 400, null);
        assertError("", 400, null);
    }

    @Test
    void badBase64PayloadIs400InvalidJson() throws Exception {
        String payload = "%%%not-base64%%%";
        assertError(envelope(Identity.sign(payload, TestServer.SERVER_KEY), "getcoloniesmsg", payload), 400,
                "Failed to get colonies, invalid JSON");
    }

    @Test
    void badSignaturesAre403() throws Exception {
        String good = Identity.sign(GET_COLONIES, TestServer.SERVER_KEY);
        assertError(envelope("zz" + good.substring(2), "getcoloniesmsg", GET_COLONIES), 403,
                "encoding/hex: invalid byte: U+007A 'z'");
        assertError(envelope(good.substring(2), "getcoloniesmsg", GET_COLONIES), 403, "Invalid signature length");
        assertError(envelope("", "getcoloniesmsg", GET_COLONIES), 403, "Invalid signature length");
        BigInteger n = CustomNamedCurves.getByName("secp256k1").getN();
        String highS = String.format("%064x", n.subtract(new BigInteger(good.substring(64, 128), 16)));
        String flippedV = String.format("%02x", Integer.parseInt(good.substring(128), 16) ^ 1);
        assertError(envelope(good.substring(0, 64) + highS + flippedV, "getcoloniesmsg", GET_COLONIES), 403,
                "Failed verify signature: Signature s value is over half the order");
    }

    @Test
    void msgtypeMismatchIs400AndUnknownTypesAre403() throws Exception {
        String relabelled = b64("{\"msgtype\":\"getcoloniesmsg\",\"colonyname\":\"x\"}");
        assertError(envelope(Identity.sign(relabelled, TestServer.SERVER_KEY), "removecolonymsg", relabelled), 400,
                "Failed to remove colony, msg.MsgType does not match payloadType");
        assertError(envelope(Identity.sign(GET_COLONIES, TestServer.SERVER_KEY), "nosuchmsg", GET_COLONIES), 403,
                "invalid rpcMsg.PayloadType: nosuchmsg");
        assertError(envelope(Identity.sign(GET_COLONIES, TestServer.SERVER_KEY), "", GET_COLONIES), 403, null);
    }

    @Test
    void oversizeBodyIs413() throws Exception {
        String huge = envelope("", "getcoloniesmsg", "A".repeat(TestServer.MAX_BODY + 1));
        assertError(huge, 413, "Request body too large: the limit is " + TestServer.MAX_BODY + " bytes");
    }

    @Test
    void wrongTypesInsideThePayloadAre400() throws Exception {
        String payload = b64("{\"msgtype\":\"addcolonymsg\",\"colony\":{\"colonyid\":5,\"name\":\"x\"}}");
        assertError(envelope(Identity.sign(payload, TestServer.SERVER_KEY), "addcolonymsg", payload), 400,
                "Failed to add colony, invalid JSON");
        String nil = b64("{\"msgtype\":\"addcolonymsg\"}");
        assertError(envelope(Identity.sign(nil, TestServer.SERVER_KEY), "addcolonymsg", nil), 400,
                "Failed to add colony, colony is nil");
    }

    @Test
    void unknownPathsAre404AndCorsPreflightIsAnswered() throws Exception {
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/nope")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        assertEquals("404 page not found", missing.body());
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://example.org").header("Access-Control-Request-Method", "POST").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, preflight.statusCode());
        assertEquals("*", preflight.headers().firstValue("access-control-allow-origin").orElse(""));
    }

    @Test
    void unsignedVersionIsServedWithoutSignature() throws Exception {
        HttpResponse<String> response = post(envelope("", "versionmsg", b64("{\"msgtype\":\"versionmsg\"}")));
        assertEquals(200, response.statusCode());
        RpcReplyMsg reply = Json.parse(response.body(), RpcReplyMsg.class);
        assertEquals("versionmsg", reply.payloadType());
        assertTrue(reply.decodedPayload().contains("\"buildversion\":\"test\""));
        assertError(envelope("", "versionmsg", b64("{\"msgtype\":\"getcoloniesmsg\"}")), 400,
                "Failed to get version, msg.MsgType does not match payloadType");
    }
}
