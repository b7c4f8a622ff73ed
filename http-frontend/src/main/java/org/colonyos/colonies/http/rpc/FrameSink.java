package org.colonyos.colonies.http.rpc;

/**
 * The sending side of one WebSocket request on {@code /pubsub}: frames go out with the request's frame type
 * (text or binary), as the Go server answers.
 *
 * <p>Thread-safe: frames may be sent from any thread; sends after the socket closed are dropped.
 */
public interface FrameSink {
    /** Sends a reply or error envelope as one frame. */
    void send(HttpReply frame);

    /** Closes the socket after {@code seconds} (at once for zero or less), how a subscription ends. */
    default void closeAfter(long seconds) {
        closeAfter(seconds, null);
    }

    /** Sends {@code lastFrame} (unless null) and closes the socket after {@code seconds} (at once for zero or less). */
    void closeAfter(long seconds, HttpReply lastFrame);
}
