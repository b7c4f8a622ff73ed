package org.colonyos.colonies.sm.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.ratis.proto.RaftProtos.RoleInfoProto;
import org.apache.ratis.proto.RaftProtos.ServerRpcProto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the peers that stop answering this node while it leads: one WARN line when a peer has not answered for
 * {@link #SILENT_MS}, a reminder at most every {@link #REMINDER_MS} while it stays silent, and one INFO line when
 * it answers again. (Ratis itself logs every failed append with a stack several times a minute; the node's log
 * settings keep those quiet and leave the reporting to this class.)
 *
 * <p>Threading: {@link #check} runs on the watch's own daemon thread; {@link #observe} is not thread-safe and is
 * called from that thread only (and from tests).
 */
public final class PeerWatch implements AutoCloseable {
    /** A peer silent this long is reported. */
    public static final long SILENT_MS = 5_000;
    /** While it stays silent, it is reported again at most this often. */
    public static final long REMINDER_MS = 5 * 60_000;
    private static final long CHECK_MS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(PeerWatch.class);

    /** One line for the log. */
    public record Report(boolean down, String text) {
    }

    private record Silence(long sinceMs, long lastReportMs) {
    }

    private final Map<String, Silence> silent = new TreeMap<>();
    private final Supplier<Optional<RoleInfoProto>> role;
    private final LongSupplier nowMs;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "colonies-peer-watch");
        thread.setDaemon(true);
        return thread;
    });

    PeerWatch(Supplier<Optional<RoleInfoProto>> role, LongSupplier nowMs) {
        this.role = role;
        this.nowMs = nowMs;
    }

    /** Starts checking every two seconds. */
    PeerWatch start() {
        timer.scheduleWithFixedDelay(this::check, CHECK_MS, CHECK_MS, TimeUnit.MILLISECONDS);
        return this;
    }

    private void check() {
        try {
            for (Report report : observe(role.get().orElse(null), nowMs.getAsLong())) {
                if (report.down()) {
                    LOG.warn(report.text());
                } else {
                    LOG.info(report.text());
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("peer check failed", e);
        }
    }

    /**
     * Compares the followers' last answers with what was reported before and returns the lines to log. A node
     * that does not lead (or a missing role) forgets what it knew: a new leader starts afresh.
     */
    public List<Report> observe(RoleInfoProto roleInfo, long now) {
        if (roleInfo == null || !roleInfo.hasLeaderInfo()) {
            silent.clear();
            return List.of();
        }
        List<Report> reports = new ArrayList<>();
        List<String> followers = new ArrayList<>();
        for (ServerRpcProto follower : roleInfo.getLeaderInfo().getFollowerInfoList()) {
            String peer = follower.getId().getId().toStringUtf8() + " (" + follower.getId().getAddress() + ")";
            followers.add(peer);
            long elapsed = follower.getLastRpcElapsedTimeMs();
            Silence known = silent.get(peer);
            if (elapsed < SILENT_MS) {
                if (known != null) {
                    silent.remove(peer);
                    reports.add(new Report(false, "peer " + peer + " answers again after "
                            + seconds(now - known.sinceMs()) + " s"));
                }
            } else if (known == null) {
                silent.put(peer, new Silence(now - elapsed, now));
                reports.add(new Report(true, "peer " + peer + " has not answered for " + seconds(elapsed)
                        + " s; it is reported again every " + REMINDER_MS / 60_000 + " minutes while it stays so"));
            } else if (now - known.lastReportMs() >= REMINDER_MS) {
                silent.put(peer, new Silence(known.sinceMs(), now));
                reports.add(new Report(true, "peer " + peer + " still has not answered, for "
                        + seconds(now - known.sinceMs()) + " s"));
            }
        }
        silent.keySet().retainAll(followers);
        return reports;
    }

    private static long seconds(long ms) {
        return ms / 1000;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
