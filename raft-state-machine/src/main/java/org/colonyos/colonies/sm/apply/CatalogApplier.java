package org.colonyos.colonies.sm.apply;

import java.util.List;
import java.util.Set;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.log.AddLocation;
import org.colonyos.colonies.proto.log.AppendChannel;
import org.colonyos.colonies.proto.log.RemoveLocation;
import org.colonyos.colonies.proto.model.ChannelEntry;
import org.colonyos.colonies.proto.model.Location;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.wire.Replies;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.Signals;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.auth.ChannelAccess;
import org.colonyos.colonies.sm.state.CatalogTables;
import org.colonyos.colonies.sm.state.ColoniesState;

/**
 * Applies locations (protocol 4.15) and channel appends (4.13). Channels are replicated, unlike the Go server's
 * in-memory ones, within the protocol's limits: {@value #MAX_CHANNELS} channels per process,
 * {@value #MAX_ENTRIES} entries per channel, {@value #MAX_PAYLOAD_BYTES} bytes per message, and per process
 * {@value #RATE_PER_SECOND} messages a second with bursts of {@value #BURST}, counted on the entries' replicated
 * time. An entry goes after the last entry, or before the sender's own entries with a higher sequence (the
 * protocol's order: a sender's entries by sequence, others by time).
 *
 * <p>Single-threaded: called only from the apply thread.
 */
final class CatalogApplier {
    static final int MAX_CHANNELS = 100;
    static final int MAX_ENTRIES = 10_000;
    /** Bytes per message: the protocol allows 10 MB, but a replicated entry holds at most 3 MiB of encoded request. */
    static final int MAX_PAYLOAD_BYTES = 1024 * 1024;
    static final int RATE_PER_SECOND = 100;
    static final int BURST = 500;
    private static final long MILLI_TOKENS = 1_000;
    /** Nanoseconds per thousandth of a token at {@link #RATE_PER_SECOND}. */
    private static final long NANOS_PER_MILLI_TOKEN = 1_000_000_000L / (RATE_PER_SECOND * MILLI_TOKENS);
    private static final Set<String> TYPES = Set.of(ChannelEntry.DATA, ChannelEntry.END, ChannelEntry.ERROR);

    Object apply(AddLocation command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        Location location = Json.parse(command.getLocationJson().toByteArray(), Location.class);
        if (state.colony(location.colonyName()).isEmpty()) {
            throw Rejection.badRequest("Failed to add location, colony with name <" + location.colonyName()
                    + "> does not exist");
        }
        Authorizer.requireColonyOwner(state, ctx.callerId(), location.colonyName());
        Validation.requireName(location.name(), "location");
        if (state.catalog().location(location.colonyName(), location.name()).isPresent()) {
            throw Rejection.badRequest("Failed to add location, a location named <" + location.name()
                    + "> already exists in colony <" + location.colonyName() + ">");
        }
        state.catalog().putLocation(location);
        return location;
    }

    Object apply(RemoveLocation command, ApplyContext ctx) {
        ColoniesState state = ctx.state();
        Authorizer.requireColonyOwner(state, ctx.callerId(), command.getColonyName());
        Location location = state.catalog().location(command.getColonyName(), command.getName())
                .orElseThrow(() -> Rejection.badRequest("Failed to remove location, location <"
                        + command.getName() + "> not found"));
        state.catalog().removeLocation(location);
        return Replies.EMPTY;
    }

    Object apply(AppendChannel command, ApplyContext ctx) {
        CatalogTables catalog = ctx.state().catalog();
        String processId = command.getProcessId();
        String name = command.getName();
        ChannelAccess.require(ctx.state(), ctx.callerId(), processId, name, "write to");
        String type = command.getType().isEmpty() ? ChannelEntry.DATA : command.getType();
        if (!TYPES.contains(type)) {
            throw Rejection.badRequest("invalid payloadtype <" + type + ">: data, end or error");
        }
        if (command.getPayload().size() > MAX_PAYLOAD_BYTES) {
            throw Rejection.internal("message payload exceeds maximum size");
        }
        int size = catalog.channelSize(processId, name);
        if (size >= MAX_ENTRIES) {
            throw Rejection.internal("channel log is full");
        }
        if (size == 0 && catalog.channelsWithEntries(processId) >= MAX_CHANNELS) {
            throw Rejection.internal("too many channels");
        }
        takeToken(catalog, processId, GoTime.toUnixNanos(ctx.now()));
        ChannelEntry entry = new ChannelEntry(command.getSequence(), command.getInReplyTo(), ctx.now(),
                ctx.callerId(), command.getPayload().toByteArray(), type, "");
        int position = catalog.insertChannelEntry(processId, name, position(catalog, processId, name, size, entry),
                entry);
        ctx.signals().channelAppended(new Signals.ChannelAppended(processId, name, position, entry));
        return Replies.EMPTY;
    }

    /** After the last entry, or before the sender's own later-sequenced entries at the end. */
    private static int position(CatalogTables catalog, String processId, String name, int size, ChannelEntry entry) {
        int position = size;
        while (position > 0) {
            List<ChannelEntry> before = catalog.channelEntries(processId, name, position - 1L, 1);
            ChannelEntry previous = before.get(0);
            if (!previous.senderId().equals(entry.senderId()) || previous.sequence() <= entry.sequence()) {
                break;
            }
            position--;
        }
        return position;
    }

    /** Takes one message from the process's bucket, refilled at the rate since its last use. */
    private static void takeToken(CatalogTables catalog, String processId, long nowNanos) {
        long capacity = BURST * MILLI_TOKENS;
        long[] bucket = catalog.rateBucket(processId).orElse(new long[] {capacity, nowNanos});
        long refill = Math.max(0, nowNanos - bucket[1]) / NANOS_PER_MILLI_TOKEN;
        long tokens = Math.min(capacity, bucket[0] + refill);
        if (tokens < MILLI_TOKENS) {
            throw Rejection.internal("rate limit exceeded");
        }
        catalog.putRateBucket(processId, tokens - MILLI_TOKENS, nowNanos);
    }

    /** Drops the channels of a process that ended or went away, and tells their subscribers. */
    static void processGone(ColoniesState state, Signals signals, ColonyProcess process) {
        List<String> channels = process.spec().channels();
        if (channels != null && !channels.isEmpty()) {
            state.catalog().dropChannels(process.processId());
            if (signals != null) {
                signals.channelsDropped(process.processId());
            }
        }
    }
}
