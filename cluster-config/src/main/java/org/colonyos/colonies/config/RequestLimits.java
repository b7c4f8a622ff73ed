package org.colonyos.colonies.config;

import java.util.Map;

/**
 * What one node takes on at once, so that abuse or a burst cannot grow its memory or everyone's latency: over a
 * node-wide cap a request is refused at once with 503, over the caller's rate with 429, each with a message that
 * says which limit was hit. Immutable.
 *
 * <p>Environment variables: {@code COLONIES_SERVER_MAX_LONGPOLLS}, {@code COLONIES_SERVER_MAX_SUBSCRIPTIONS},
 * {@code COLONIES_SERVER_MAX_QUEUED_WRITES}, {@code COLONIES_SERVER_MAX_QUEUED_WRITE_BYTES},
 * {@code COLONIES_SERVER_CALLER_RATE} (requests per second, 0 = unlimited), {@code COLONIES_SERVER_CALLER_BURST}.
 *
 * @param maxLongPolls assign long-polls waiting at once
 * @param maxSubscriptions open {@code /pubsub} WebSockets
 * @param maxQueuedWrites writes waiting for this node's next Raft proposal
 * @param maxQueuedWriteBytes bytes of the writes waiting for the next proposal
 * @param callerRate signed requests per second one caller id may make on average (0 = no limit)
 * @param callerBurst requests one caller may make at once above its rate
 */
public record RequestLimits(int maxLongPolls, int maxSubscriptions, int maxQueuedWrites, long maxQueuedWriteBytes,
        int callerRate, int callerBurst) {
    /** 5,000 long-polls, 5,000 subscriptions, 10,000 queued writes of 256 MiB, 5,000 requests/s per caller. */
    public static final RequestLimits DEFAULT = new RequestLimits(5_000, 5_000, 10_000, 256L << 20, 5_000, 5_000);

    public RequestLimits {
        if (maxLongPolls < 1 || maxSubscriptions < 1 || maxQueuedWrites < 1 || maxQueuedWriteBytes < 1) {
            throw new ConfigException("long-poll, subscription and write queue caps must be at least 1");
        }
        if (callerRate < 0 || callerBurst < 1) {
            throw new ConfigException("the caller rate must be 0 (no limit) or more, and its burst at least 1");
        }
    }

    /** The defaults, overridden by whichever of the variables above are set. */
    public static RequestLimits fromEnv(Map<String, String> env) {
        return new RequestLimits(
                (int) EnvValues.number(env, "COLONIES_SERVER_MAX_LONGPOLLS", DEFAULT.maxLongPolls),
                (int) EnvValues.number(env, "COLONIES_SERVER_MAX_SUBSCRIPTIONS", DEFAULT.maxSubscriptions),
                (int) EnvValues.number(env, "COLONIES_SERVER_MAX_QUEUED_WRITES", DEFAULT.maxQueuedWrites),
                EnvValues.number(env, "COLONIES_SERVER_MAX_QUEUED_WRITE_BYTES", DEFAULT.maxQueuedWriteBytes),
                (int) EnvValues.number(env, "COLONIES_SERVER_CALLER_RATE", DEFAULT.callerRate),
                (int) EnvValues.number(env, "COLONIES_SERVER_CALLER_BURST", DEFAULT.callerBurst));
    }
}
