package org.colonyos.colonies.sm.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.colonyos.colonies.proto.model.ChannelEntry;
import org.colonyos.colonies.proto.model.Location;

/**
 * Locations by (colony, name), and the channels of live processes (protocol 4.13, 4.15): each channel's entries
 * by position (its order), its length, and each process's rate-limit bucket. A channel exists only while its
 * process does and has entries; everything of a process is under its id, so dropping it is one range. Not
 * synchronised: used under the state machine's lock like {@link ColoniesState}.
 */
public final class CatalogTables {
    private final Table<Location> locations;
    /** (process, channel, ascending position) to the entry at that position. */
    private final Table<ChannelEntry> entries;
    /** (process, channel) to its number of entries. */
    private final Table<String> sizes;
    /** process to its rate bucket: {@code tokens-in-thousandths:last-refill-unix-nanos}. */
    private final Table<String> rates;

    CatalogTables(ColoniesStore store) {
        locations = store.table("locations", Location.class);
        entries = store.table("channel_entries", ChannelEntry.class);
        sizes = store.table("channel_sizes", String.class);
        rates = store.table("channel_rates", String.class);
    }

    public Optional<Location> location(String colonyName, String name) {
        return locations.get(Table.key(colonyName, name));
    }

    /** A colony's locations, by name. */
    public List<Location> locationsOf(String colonyName) {
        return locations.valuesUnder(colonyName);
    }

    public void putLocation(Location location) {
        locations.put(Table.key(location.colonyName(), location.name()), location);
    }

    public void removeLocation(Location location) {
        locations.remove(Table.key(location.colonyName(), location.name()));
    }

    /** The number of entries of a channel (0 when it has none). */
    public int channelSize(String processId, String name) {
        return sizes.count(Table.key(processId, name));
    }

    /** How many of a process's channels have entries. */
    public long channelsWithEntries(String processId) {
        return sizes.keyStreamUnder(processId).count();
    }

    /** The entries of a channel from position {@code from}, at most {@code limit}, in order. */
    public List<ChannelEntry> channelEntries(String processId, String name, long from, long limit) {
        String channel = Table.key(processId, name);
        return entries.keyStreamBetween(Table.key(channel, SortKey.ascending(from)), channel
                + (char) (Table.SEPARATOR + 1)).limit(limit).map(entries::get).flatMap(Optional::stream).toList();
    }

    /**
     * Inserts an entry at {@code position} (0..size), moving the entries from there one place on; returns the
     * position.
     */
    public int insertChannelEntry(String processId, String name, int position, ChannelEntry entry) {
        String channel = Table.key(processId, name);
        int size = sizes.count(channel);
        for (int i = size - 1; i >= position; i--) {
            String from = Table.key(channel, SortKey.ascending(i));
            entries.put(Table.key(channel, SortKey.ascending(i + 1L)), entries.get(from).orElseThrow());
        }
        entries.put(Table.key(channel, SortKey.ascending(position)), entry);
        sizes.addToCount(channel, 1);
        return position;
    }

    /** A process's rate bucket as {@code [thousandths of tokens, last refill unix nanos]}, if it has one. */
    public Optional<long[]> rateBucket(String processId) {
        return rates.get(processId).map(text -> {
            int colon = text.indexOf(':');
            return new long[] {Long.parseLong(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1))};
        });
    }

    public void putRateBucket(String processId, long milliTokens, long unixNanos) {
        rates.put(processId, milliTokens + ":" + unixNanos);
    }

    /** Forgets every channel of a process (it ended or was removed). */
    public void dropChannels(String processId) {
        List<String> keys = new ArrayList<>(entries.keyStreamUnder(processId).toList());
        keys.forEach(entries::remove);
        sizes.keyStreamUnder(processId).toList().forEach(sizes::remove);
        rates.remove(processId);
    }
}
