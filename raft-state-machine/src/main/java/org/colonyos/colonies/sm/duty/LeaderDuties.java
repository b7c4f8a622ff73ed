package org.colonyos.colonies.sm.duty;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.colonyos.colonies.config.TimerSettings;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.log.ExecutorKey;
import org.colonyos.colonies.proto.log.ExpireProcesses;
import org.colonyos.colonies.proto.log.FireCron;
import org.colonyos.colonies.proto.log.FireGenerator;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.log.UnregisterStaleExecutors;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.sm.node.ReplicatedNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's timers (DESIGN section 6): on every tick, while this node leads, it reads the deadline index up
 * to now and proposes one {@link ExpireProcesses} with the ids it found; every cleanup period it proposes
 * {@link UnregisterStaleExecutors} for executors silent for too long; every checker period it fires the crons and
 * generators that are due ({@link FireCron}, {@link FireGenerator}). The work per tick is a range read of
 * what is due (at most {@link #BATCH} ids), never a scan. Apply re-checks every id, so a proposal that races
 * another, arrives late or comes from a deposed leader changes nothing. At most one proposal of each kind is
 * in flight, so a slow commit never piles up duplicates.
 *
 * <p>Thread-safe: runs on its own single scheduler thread; {@link #close()} stops it.
 */
public final class LeaderDuties implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderDuties.class);
    /** The most ids in one proposal. */
    static final int BATCH = 500;

    private final ReplicatedNode node;
    private final Clock clock;
    private final TimerSettings settings;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "colonies-leader-duties");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<?> expiring = CompletableFuture.completedFuture(null);
    private CompletableFuture<?> cleaning = CompletableFuture.completedFuture(null);
    private CompletableFuture<?> firingCrons = CompletableFuture.completedFuture(null);
    private CompletableFuture<?> firingGenerators = CompletableFuture.completedFuture(null);
    private long nextCleanupNanos;
    private long nextCronCheckNanos;
    private long nextGeneratorCheckNanos;

    private LeaderDuties(ReplicatedNode node, Clock clock, TimerSettings settings) {
        this.node = node;
        this.clock = clock;
        this.settings = settings;
    }

    /** Starts the timers of a node. */
    public static LeaderDuties start(ReplicatedNode node, Clock clock, TimerSettings settings) {
        LeaderDuties duties = new LeaderDuties(node, clock, settings);
        long tickMillis = settings.tick().toMillis();
        duties.scheduler.scheduleWithFixedDelay(duties::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
        return duties;
    }

    private void tick() {
        try {
            if (!node.isLeader()) {
                return;
            }
            long now = GoTime.toUnixNanos(clock.instant());
            if (expiring.isDone()) {
                expiring = proposeExpiries(now);
            }
            if (cleaning.isDone() && now >= nextCleanupNanos) {
                nextCleanupNanos = now + settings.cleanupEvery().toNanos();
                cleaning = proposeStaleExecutors(now);
            }
            if (firingCrons.isDone() && now >= nextCronCheckNanos) {
                nextCronCheckNanos = now + settings.cronCheckEvery().toNanos();
                firingCrons = fireCrons(now);
            }
            if (firingGenerators.isDone() && now >= nextGeneratorCheckNanos) {
                nextGeneratorCheckNanos = now + settings.generatorCheckEvery().toNanos();
                firingGenerators = fireGenerators(now);
            }
        } catch (RuntimeException e) {
            LOG.warn("leader timer tick failed: {}", e.toString());
        }
    }

    private CompletableFuture<?> proposeExpiries(long now) {
        List<String> due = node.read(state -> state.processes().dueAt(now, BATCH));
        if (due.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return submit(LogEntry.newBuilder().setExpireProcesses(ExpireProcesses.newBuilder().addAllProcessIds(due))
                .build());
    }

    private CompletableFuture<?> proposeStaleExecutors(long now) {
        long staleNanos = settings.staleExecutorAfter().toNanos();
        List<Executor> silent = node.read(state -> state.executorsSilentSince(now - staleNanos, BATCH));
        if (silent.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        UnregisterStaleExecutors.Builder command = UnregisterStaleExecutors.newBuilder().setStaleAfterNanos(staleNanos);
        silent.forEach(e -> command.addExecutors(ExecutorKey.newBuilder().setColonyName(e.colonyName())
                .setExecutorName(e.executorName())));
        return submit(LogEntry.newBuilder().setUnregisterStaleExecutors(command).build());
    }

    /**
     * One {@link FireCron} per cron due by now that may run (a cron waiting for an unfinished previous graph is
     * left for a later check), naming the next run it fires for.
     */
    private CompletableFuture<?> fireCrons(long now) {
        List<LogEntry> firings = node.read(state -> state.crons().dueAt(now, BATCH).stream()
                .map(id -> state.crons().get(id)).flatMap(java.util.Optional::stream)
                .filter(state::cronMayRun)
                .map(cron -> LogEntry.newBuilder().setFireCron(FireCron.newBuilder().setCronId(cron.cronId())
                        .setScheduledUnixNanos(GoTime.toUnixNanos(cron.nextRun()))).build()).toList());
        return all(firings);
    }

    /** One {@link FireGenerator} per generator due by now. */
    private CompletableFuture<?> fireGenerators(long now) {
        List<LogEntry> firings = node.read(state -> state.generators().dueAt(now, BATCH)).stream()
                .map(id -> LogEntry.newBuilder().setFireGenerator(FireGenerator.newBuilder().setGeneratorId(id))
                        .build()).toList();
        return all(firings);
    }

    private CompletableFuture<?> all(List<LogEntry> entries) {
        return CompletableFuture.allOf(entries.stream().map(this::submit).toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<?> submit(LogEntry entry) {
        return node.submit(entry).exceptionally(error -> {
            LOG.warn("leader timer proposal failed: {}", error.toString());
            return null;
        });
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
