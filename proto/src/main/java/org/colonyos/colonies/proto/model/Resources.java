package org.colonyos.colonies.proto.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parses and normalises the resource strings of the protocol (5.4): CPU as millicores ({@code "4000m"}) and
 * memory or storage with binary ({@code Ki Mi Gi Ti}, optionally with a trailing {@code B}) or decimal
 * ({@code K M G T}, optionally {@code B} or {@code b}) suffixes. Stateless.
 */
public final class Resources {
    /** "No limit" for available resources. */
    public static final long UNLIMITED = -1;
    private static final long MIB = 1024 * 1024;
    private static final Map<String, Long> MEMORY_UNITS = Map.ofEntries(
            Map.entry("", 1L),
            Map.entry("KI", 1024L), Map.entry("KIB", 1024L),
            Map.entry("MI", MIB), Map.entry("MIB", MIB),
            Map.entry("GI", MIB * 1024), Map.entry("GIB", MIB * 1024),
            Map.entry("TI", MIB * MIB), Map.entry("TIB", MIB * MIB),
            Map.entry("K", 1_000L), Map.entry("KB", 1_000L),
            Map.entry("M", 1_000_000L), Map.entry("MB", 1_000_000L),
            Map.entry("G", 1_000_000_000L), Map.entry("GB", 1_000_000_000L),
            Map.entry("T", 1_000_000_000_000L), Map.entry("TB", 1_000_000_000_000L));

    private Resources() {
    }

    /** Millicores of a spec's cpu: {@code "<n>m"}; anything else counts as 0 (as in Go). */
    public static long specCpuMillis(String cpu) {
        return cpuMillis(cpu).filter(v -> cpu.endsWith("m")).orElse(0L);
    }

    /**
     * Millicores an executor offers: empty is unlimited, {@code "<n>m"} millicores, {@code "<n>"} whole cores.
     *
     * @return empty when the text is not a CPU amount
     */
    public static Optional<Long> availableCpuMillis(String cpu) {
        return cpu.isEmpty() ? Optional.of(UNLIMITED) : cpuMillis(cpu);
    }

    /**
     * Mebibytes of a memory amount (rounded down); empty is {@code whenEmpty}.
     *
     * @return empty when the text is not a memory amount
     */
    public static Optional<Long> memMiB(String mem, long whenEmpty) {
        String text = mem.trim();
        if (text.isEmpty()) {
            return Optional.of(whenEmpty);
        }
        int split = 0;
        while (split < text.length() && Character.isDigit(text.charAt(split))) {
            split++;
        }
        Long unit = MEMORY_UNITS.get(text.substring(split).toUpperCase(Locale.ROOT));
        if (split == 0 || split > 15 || unit == null) {
            return Optional.empty();
        }
        long amount = Long.parseLong(text.substring(0, split));
        if (amount > Long.MAX_VALUE / unit) {
            return Optional.empty();
        }
        return Optional.of(amount * unit / MIB);
    }

    private static Optional<Long> cpuMillis(String cpu) {
        String text = cpu.trim();
        boolean millis = text.endsWith("m");
        String digits = millis ? text.substring(0, text.length() - 1) : text;
        if (digits.isEmpty() || digits.length() > 15 || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        long value = Long.parseLong(digits);
        return Optional.of(millis ? value : value * 1000);
    }
}
