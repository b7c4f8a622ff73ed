package org.colonyos.colonies.http.rpc;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller id: a caller may make {@code burst} requests at once and {@code rate} per second on
 * average. Buckets of callers that have been quiet long enough to be full again are forgotten when many callers
 * are tracked, so memory stays bounded by the callers active in the last {@code burst / rate} seconds.
 *
 * <p>Thread-safe: each bucket is updated under its own monitor.
 */
final class CallerRates {
    /** Tracked callers above which quiet buckets are swept. */
    private static final int SWEEP_ABOVE = 10_000;

    private final int rate;
    private final int burst;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweepNanos;

    private static final class Bucket {
        private double tokens;
        private long updatedNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedNanos = now;
        }
    }

    /**
     * @param rate requests per second a caller may make on average (0 = no limit)
     * @param burst requests a caller may make at once
     * @param nanoTime the monotonic clock
     */
    CallerRates(int rate, int burst, LongSupplier nanoTime) {
        this.rate = rate;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** Takes one request from the caller's bucket; false when it is empty. */
    boolean tryAcquire(String callerId) {
        if (rate == 0) {
            return true;
        }
        long now = nanoTime.getAsLong();
        if (buckets.size() > SWEEP_ABOVE && now - lastSweepNanos > 1_000_000_000L) {
            lastSweepNanos = now;
            buckets.values().removeIf(bucket -> refilled(bucket, now) >= burst);
        }
        Bucket bucket = buckets.computeIfAbsent(callerId, id -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = refilled(bucket, now);
            bucket.updatedNanos = now;
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
            return true;
        }
    }

    private double refilled(Bucket bucket, long now) {
        synchronized (bucket) {
            return Math.min(burst, bucket.tokens + (now - bucket.updatedNanos) * rate / 1e9);
        }
    }

    /** Callers tracked now (tests). */
    int tracked() {
        return buckets.size();
    }
}
