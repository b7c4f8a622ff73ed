package org.colonyos.colonies.sm.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.colonyos.colonies.proto.crypto.Sha3;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.log.AddGenerator;
import org.colonyos.colonies.proto.log.FireGenerator;
import org.colonyos.colonies.proto.log.PackGenerator;
import org.colonyos.colonies.proto.log.RemoveGenerator;
import org.colonyos.colonies.proto.model.Generator;
import org.colonyos.colonies.proto.wire.Replies;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.colonyos.colonies.sm.state.GeneratorTables;

/**
 * Applies the generator commands (protocol 4.10) and the leader's generator firings (DESIGN section 6). A firing
 * re-checks the queue against the entry's time: with {@code n >= trigger} arguments it starts
 * {@code floor(n / trigger)} workflows of {@code trigger} arguments each (at most {@link #MAX_RUNS_PER_FIRING}
 * per entry; the rest stays due), else with some arguments and its timeout passed one workflow with all of them;
 * otherwise nothing. The roots of each workflow get the arguments, oldest first, as their {@code args} (keyword
 * arguments emptied). A duplicate firing finds the queue consumed and changes nothing.
 *
 * <p>Single-threaded: called only from the apply thread.
 */
final class GeneratorApplier {
    /** The most workflows one firing starts, so one entry's apply stays short. */
    static final int MAX_RUNS_PER_FIRING = 100;

    Object apply(AddGenerator command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        Generator sent = Json.parse(command.getGeneratorJson().toByteArray(), Generator.class);
        Authorizer.requireMember(state, ctx.callerId(), sent.colonyName(), true);
        Validation.requireName(sent.name(), "generator");
        StoredWorkflows.check(sent.workflowSpec(), sent.colonyName(), "add generator");
        if (sent.trigger() <= 0) {
            throw Rejection.badRequest("Failed to add generator, trigger must be larger than 0");
        }
        if (state.generators().byName(sent.colonyName(), sent.name()).isPresent()) {
            throw Rejection.badRequest("A generator with name <" + sent.name() + "> already exists in colony <"
                    + sent.colonyName() + ">");
        }
        Generator generator = sent.registered(ctx.generatedId(), ctx.callerId(),
                ProcessApplier.initiatorName(state, ctx.callerId(), sent.colonyName()));
        state.generators().put(generator);
        return generator;
    }

    /** The generator with this id, or a 500 (the Go server's status for an unknown generator). */
    static Generator existing(ColoniesState state, String generatorId, String operation) {
        return state.generators().get(generatorId).orElseThrow(() -> Rejection.unknown(operation, "generator",
                generatorId));
    }

    Object apply(RemoveGenerator command, ApplyContext ctx) {
        Generator generator = existing(ctx.state(), command.getGeneratorId(), "remove generator");
        Authorizer.requireMember(ctx.state(), ctx.callerId(), generator.colonyName(), true);
        ctx.state().generators().remove(generator);
        return Replies.EMPTY;
    }

    /** Queues one argument; the first one sets {@code firstpack}. */
    Object apply(PackGenerator command, ApplyContext ctx) {
        Generator generator = existing(ctx.state(), command.getGeneratorId(), "pack generator");
        Authorizer.requireMember(ctx.state(), ctx.callerId(), generator.colonyName(), true);
        if (generator.firstPack().equals(GoTime.ZERO)) {
            generator = generator.withTimes(ctx.now(), generator.lastRun());
            ctx.state().generators().put(generator);
        }
        ctx.state().generators().pack(generator, GoTime.toUnixNanos(ctx.now()), command.getArg());
        return Replies.EMPTY;
    }

    Object apply(FireGenerator command, ApplyContext ctx) {
        Optional<Generator> found = ctx.state().generators().get(command.getGeneratorId());
        if (found.isEmpty()) {
            return Replies.EMPTY;
        }
        Generator generator = found.get();
        GeneratorTables generators = ctx.state().generators();
        int queued = generators.queueSize(generator.generatorId());
        boolean full = queued >= generator.trigger();
        boolean timedOut = GeneratorTables.dueNanos(generator, queued)
                .map(due -> due < GoTime.toUnixNanos(ctx.now())).orElse(false);
        int runs = full ? Math.min(queued / generator.trigger(), MAX_RUNS_PER_FIRING) : timedOut ? 1 : 0;
        int argsPerRun = full ? generator.trigger() : queued;
        if (runs == 0) {
            return Replies.EMPTY;
        }
        WorkflowApplier.Checked workflow = StoredWorkflows.read(generator.workflowSpec(), generator.colonyName());
        WorkflowApplier.Initiator initiator = new WorkflowApplier.Initiator(generator.initiatorId(),
                generator.initiatorName());
        for (int i = 0; i < runs; i++) {
            List<Object> args = new ArrayList<>(generators.take(generator, argsPerRun));
            WorkflowApplier.create(ctx, workflow, Sha3.hashHex(ctx.generatedId() + "#" + i), initiator,
                    new WorkflowApplier.RootInput(List.of(), args));
        }
        generators.put(generator.withTimes(generator.firstPack(), ctx.now()));
        return Replies.EMPTY;
    }
}
