package org.colonyos.colonies.http.handlers;

import org.colonyos.colonies.config.TimerSettings;
import org.colonyos.colonies.http.rpc.Access;
import org.colonyos.colonies.http.rpc.RouteTable;
import org.colonyos.colonies.proto.model.Cron;
import org.colonyos.colonies.proto.model.Generator;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ScheduledPayloads;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.state.ColoniesState;

/** Routes of crons and generators (protocol 4.10, 4.11). */
public final class ScheduledHandlers {
    private ScheduledHandlers() {
    }

    public static void register(RouteTable.Builder routes, TimerSettings timers) {
        int cronPeriod = (int) timers.cronCheckEvery().toMillis();
        int generatorPeriod = (int) timers.generatorCheckEvery().toMillis();
        routes.write(PayloadType.ADD_CRON, Access.MEMBER, ScheduledPayloads.AddCron.class)
                .write(PayloadType.REMOVE_CRON, Access.MEMBER, ScheduledPayloads.CronRef.class)
                .write(PayloadType.RUN_CRON, Access.MEMBER, ScheduledPayloads.CronRef.class)
                .read(PayloadType.GET_CRON, Access.MEMBER, ScheduledPayloads.CronRef.class, (state, caller, p) ->
                        cron(state, caller, p.cronId()).withCheckerPeriod(cronPeriod))
                .read(PayloadType.GET_CRONS, Access.MEMBER, ScheduledPayloads.ColonyListing.class,
                        (state, caller, p) -> {
                            Authorizer.requireMember(state, caller, p.colonyName(), true);
                            return state.crons().ofColony(p.colonyName(), p.count());
                        })
                .write(PayloadType.ADD_GENERATOR, Access.MEMBER, ScheduledPayloads.AddGenerator.class)
                .write(PayloadType.REMOVE_GENERATOR, Access.MEMBER, ScheduledPayloads.GeneratorRef.class)
                .write(PayloadType.PACK_GENERATOR, Access.MEMBER, ScheduledPayloads.PackGenerator.class)
                .read(PayloadType.GET_GENERATOR, Access.MEMBER, ScheduledPayloads.GeneratorRef.class,
                        (state, caller, p) -> {
                            Generator generator = generator(state, caller, p.generatorId());
                            return generator.withQueue(state.generators().queueSize(generator.generatorId()),
                                    generatorPeriod);
                        })
                .read(PayloadType.RESOLVE_GENERATOR, Access.MEMBER, ScheduledPayloads.ResolveGenerator.class,
                        (state, caller, p) -> {
                            Generator generator = state.generators().byName(p.colonyName(), p.generatorName())
                                    .orElseThrow(() -> Rejection.internal("Failed to resolve generator, generator <"
                                            + p.generatorName() + "> not found"));
                            Authorizer.requireMember(state, caller, generator.colonyName(), true);
                            return generator;
                        })
                .read(PayloadType.GET_GENERATORS, Access.MEMBER, ScheduledPayloads.ColonyListing.class,
                        (state, caller, p) -> {
                            Authorizer.requireMember(state, caller, p.colonyName(), true);
                            return state.generators().ofColony(p.colonyName(), p.count());
                        });
    }

    private static Cron cron(ColoniesState state, String caller, String cronId) {
        Cron cron = state.crons().get(cronId).orElseThrow(() -> Rejection.unknown("get cron", "cron", cronId));
        Authorizer.requireMember(state, caller, cron.colonyName(), true);
        return cron;
    }

    private static Generator generator(ColoniesState state, String caller, String generatorId) {
        Generator generator = state.generators().get(generatorId).orElseThrow(() -> Rejection.unknown(
                "get generator", "generator", generatorId));
        Authorizer.requireMember(state, caller, generator.colonyName(), true);
        return generator;
    }
}
