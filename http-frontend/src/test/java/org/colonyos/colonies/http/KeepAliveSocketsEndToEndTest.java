package org.colonyos.colonies.http;

import org.colonyos.colonies.sdk.HttpEngine;
import org.junit.jupiter.api.Nested;

/** The process lifecycle and long-poll end-to-end tests again, with the SDK on keep-alive sockets. */
class KeepAliveSocketsEndToEndTest {
    @Nested
    class Lifecycle extends ProcessLifecycleEndToEndTest {
        @Override
        HttpEngine engine() {
            return HttpEngine.KEEP_ALIVE_SOCKETS;
        }
    }

    @Nested
    class LongPoll extends LongPollEndToEndTest {
        @Override
        HttpEngine engine() {
            return HttpEngine.KEEP_ALIVE_SOCKETS;
        }
    }
}
