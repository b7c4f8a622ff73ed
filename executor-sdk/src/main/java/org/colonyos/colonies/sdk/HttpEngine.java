package org.colonyos.colonies.sdk;

/**
 * How a {@link ColoniesClient} carries its {@code /api} calls. Subscriptions ({@code /pubsub}) always use the
 * JDK's WebSocket client.
 */
public enum HttpEngine {
    /** The JDK's {@code java.net.http.HttpClient}: plain HTTP and HTTPS. The default. */
    JDK_CLIENT,
    /**
     * Plain HTTP/1.1 on pooled keep-alive connections, written and read by the calling thread: no hand-off to
     * a selector or worker thread, so a call costs a fraction of the CPU and context switches (load generators,
     * executors making many small calls). {@code http} URLs only: a client given an {@code https} URL uses
     * {@link #JDK_CLIENT} whichever engine it was asked for.
     */
    KEEP_ALIVE_SOCKETS
}
