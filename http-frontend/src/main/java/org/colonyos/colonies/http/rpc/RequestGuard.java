package org.colonyos.colonies.http.rpc;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.colonyos.colonies.config.RequestLimits;
import org.colonyos.colonies.sm.Rejection;

/**
 * The request caps of one node ({@link RequestLimits}) that the dispatcher checks: the rate of each caller id
 * (429 when it is exceeded) and the number of assign long-polls waiting at once (503 over the cap). Both answer
 * at once, before any work is done for the request.
 *
 * <p>Thread-safe.
 */
public final class RequestGuard {
    private final RequestLimits limits;
    private final CallerRates rates;
    private final AtomicInteger longPolls = new AtomicInteger();

    public RequestGuard(RequestLimits limits) {
        this(limits, System::nanoTime);
    }

    /** A guard timing caller rates by this monotonic clock (tests). */
    RequestGuard(RequestLimits limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.rates = new CallerRates(limits.callerRate(), limits.callerBurst(), nanoTime);
    }

    /** Counts a signed request of this caller against its rate. */
    void admitCaller(String callerId) {
        if (!rates.tryAcquire(callerId)) {
            throw Rejection.tooManyRequests("Too many requests from " + callerId + ": at most "
                    + limits.callerRate() + " per second (burst " + limits.callerBurst() + ") per caller; slow down");
        }
    }

    /**
     * Takes a long-poll slot, to be given back with {@link #leaveLongPoll()} when the call ends.
     *
     * @throws Rejection 503 when the node's long-polls are all taken
     */
    void enterLongPoll() {
        if (longPolls.incrementAndGet() > limits.maxLongPolls()) {
            longPolls.decrementAndGet();
            throw Rejection.unavailable("Service unavailable, " + limits.maxLongPolls() + " long-polls are already "
                    + "waiting on this node; retry later or use another node");
        }
    }

    void leaveLongPoll() {
        longPolls.decrementAndGet();
    }

    /** Long-polls waiting now. */
    public int longPolls() {
        return longPolls.get();
    }

    /** The caps this guard enforces. */
    public RequestLimits limits() {
        return limits;
    }
}
