package org.colonyos.colonies.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server URL from flags and environment variables, with the Go CLI's precedence. */
class ClientOptionsTest {
    @Test
    void theHttpPortVariableWinsOverTheServerPortVariableAndAFlagOverBoth() {
        ClientOptions options = new ClientOptions();
        Map<String, String> env = Map.of("COLONIES_SERVER_HTTP_PORT", "31380", "COLONIES_SERVER_PORT", "1",
                "COLONIES_SERVER_HOST", "127.0.0.1");
        assertEquals(URI.create("http://127.0.0.1:31380"), options.url(env));
        assertEquals(URI.create("http://127.0.0.1:1"), options.url(Map.of("COLONIES_SERVER_PORT", "1",
                "COLONIES_SERVER_HOST", "127.0.0.1")));
        options.port = 50090;
        assertEquals(URI.create("http://127.0.0.1:50090"), options.url(env));
        assertEquals(URI.create("http://localhost:50080"), new ClientOptions().url(Map.of()));
    }
}
