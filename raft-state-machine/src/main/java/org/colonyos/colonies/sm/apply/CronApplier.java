package org.colonyos.colonies.sm.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.log.AddCron;
import org.colonyos.colonies.proto.log.FireCron;
import org.colonyos.colonies.proto.log.RemoveCron;
import org.colonyos.colonies.proto.log.RunCron;
import org.colonyos.colonies.proto.model.Cron;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessGraph;
import org.colonyos.colonies.proto.wire.Replies;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.scheduler.CronSchedule;
import org.colonyos.colonies.sm.state.ColoniesState;

/**
 * Applies the cron commands (protocol 4.11) and the leader's cron firings (DESIGN section 6). A run creates the
 * cron's workflow, its roots' input the outputs of the previous run's leaf processes, unless the cron waits for
 * its previous graph and that has neither succeeded nor failed. A firing names the scheduled time it is for and
 * runs only while that is still the cron's next run, so each scheduled time runs at most once, however often or
 * late it is proposed; the next run is then computed from the entry's time, so a new leader runs what is
 * overdue once, not once per missed period.
 *
 * <p>Single-threaded: called only from the apply thread.
 */
final class CronApplier {
    static final String BAD_INTERVAL = "Cron interval must be -1 (disabled) or larger than 0";

    Object apply(AddCron command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        Cron sent = Json.parse(command.getCronJson().toByteArray(), Cron.class);
        Authorizer.requireMember(state, ctx.callerId(), sent.colonyName(), true);
        Validation.requireName(sent.name(), "cron");
        StoredWorkflows.check(sent.workflowSpec(), sent.colonyName(), "add cron");
        if (sent.interval() == 0 || sent.interval() < -1) {
            throw Rejection.badRequest(BAD_INTERVAL);
        }
        if (sent.interval() == -1) {
            CronSchedule.problem(sent.cronExpression()).ifPresent(problem -> {
                throw Rejection.badRequest("Failed to add cron, invalid cron expression: " + problem);
            });
            if (sent.random()) {
                throw Rejection.badRequest("Failed to add cron, random cannot be combined with a cron expression");
            }
        }
        if (state.crons().byName(sent.colonyName(), sent.name()).isPresent()) {
            throw Rejection.badRequest("A cron with name <" + sent.name() + "> already exists in colony <"
                    + sent.colonyName() + ">");
        }
        Cron cron = sent.registered(ctx.generatedId(), ctx.callerId(),
                ProcessApplier.initiatorName(state, ctx.callerId(), sent.colonyName()), nextRun(sent, ctx.now()));
        state.crons().put(cron);
        return cron;
    }

    /**
     * The run after {@code now}: {@code interval} seconds later, or the expression's next time.
     *
     * @throws Rejection 400 when the expression names no later time
     */
    static Instant nextRun(Cron cron, Instant now) {
        if (cron.interval() > 0) {
            return now.plusSeconds(cron.interval());
        }
        try {
            return CronSchedule.next(cron.cronExpression(), now);
        } catch (IllegalArgumentException e) {
            throw Rejection.badRequest("Failed to schedule cron, " + e.getMessage());
        }
    }

    /** The cron with this id, or a 500 (the Go server's status for an unknown cron). */
    private static Cron existing(ColoniesState state, String cronId, String operation) {
        return state.crons().get(cronId).orElseThrow(() -> Rejection.unknown(operation, "cron", cronId));
    }

    Object apply(RemoveCron command, ApplyContext ctx) {
        Cron cron = existing(ctx.state(), command.getCronId(), "remove cron");
        Authorizer.requireMember(ctx.state(), ctx.callerId(), cron.colonyName(), true);
        ctx.state().crons().remove(cron);
        return Replies.EMPTY;
    }

    /** Runs a cron now for a member (checked before anything runs); replies with the cron as it was. */
    Object apply(RunCron command, ApplyContext ctx) {
        Cron cron = ctx.state().crons().get(command.getCronId())
                .orElseThrow(() -> Rejection.badRequest("cron not found"));
        Authorizer.requireMember(ctx.state(), ctx.callerId(), cron.colonyName(), true);
        if (ctx.state().cronMayRun(cron)) {
            run(ctx, cron);
        }
        return cron;
    }

    /** The leader's firing for one scheduled time: runs only if that is still the cron's next run, and is due. */
    Object apply(FireCron command, ApplyContext ctx) {
        Optional<Cron> cron = ctx.state().crons().get(command.getCronId());
        long scheduled = command.getScheduledUnixNanos();
        if (cron.isPresent() && GoTime.toUnixNanos(cron.get().nextRun()) == scheduled
                && scheduled <= GoTime.toUnixNanos(ctx.now()) && ctx.state().cronMayRun(cron.get())) {
            run(ctx, cron.get());
        }
        return Replies.EMPTY;
    }

    private static void run(ApplyContext ctx, Cron cron) {
        ColoniesState state = ctx.state();
        String graphId = ctx.generatedId();
        Instant next = nextRun(cron, ctx.now());
        WorkflowApplier.create(ctx, StoredWorkflows.read(cron.workflowSpec(), cron.colonyName()), graphId,
                new WorkflowApplier.Initiator(cron.initiatorId(), cron.initiatorName()),
                new WorkflowApplier.RootInput(leafOutputs(state, cron.prevProcessGraphId()), null));
        state.crons().put(cron.ran(graphId, ctx.now(), next));
    }

    /** The outputs of a graph's processes without children, concatenated in the graph's order (none if gone). */
    private static List<Object> leafOutputs(ColoniesState state, String graphId) {
        List<Object> outputs = new ArrayList<>();
        Optional<ProcessGraph> graph = graphId.isEmpty() ? Optional.empty() : state.graphs().get(graphId);
        graph.ifPresent(g -> g.processIds().stream().map(state.processes()::get).flatMap(Optional::stream)
                .filter(p -> p.children().isEmpty()).map(ColonyProcess::out).forEach(outputs::addAll));
        return outputs;
    }
}
