package org.colonyos.colonies.http;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4) for tests: every line must be a
 * {@code # HELP}, a {@code # TYPE} or a sample of a declared metric, with well-formed labels and a number;
 * anything else fails. Samples are keyed as written, {@code name{l1="v1",l2="v2"}} with labels sorted by name.
 */
public final class PrometheusText {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|"
            + "untyped)");
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)\\})? (\\S+)( -?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"(,|$)");
    private static final List<String> SUFFIXES = List.of("_bucket", "_sum", "_count", "_total", "_created");

    private PrometheusText() {
    }

    /**
     * The samples of a scrape.
     *
     * @throws IllegalArgumentException naming the first line that is not valid
     */
    public static Map<String, Double> parse(String text) {
        Set<String> declared = new HashSet<>();
        Map<String, Double> samples = new TreeMap<>();
        for (String line : text.split("\n")) {
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                declared.add(type.group(1));
            } else if (!line.isEmpty() && !HELP.matcher(line).matches()) {
                Matcher sample = SAMPLE.matcher(line);
                if (!sample.matches() || !isDeclared(sample.group(1), declared)) {
                    throw new IllegalArgumentException("not a sample of a declared metric: " + line);
                }
                samples.put(sample.group(1) + labels(sample.group(3), line), value(sample.group(4), line));
            }
        }
        return samples;
    }

    private static boolean isDeclared(String name, Set<String> declared) {
        return declared.contains(name) || SUFFIXES.stream().anyMatch(suffix -> name.endsWith(suffix)
                && declared.contains(name.substring(0, name.length() - suffix.length())));
    }

    private static String labels(String text, String line) {
        if (text == null) {
            return "";
        }
        Map<String, String> sorted = new TreeMap<>();
        Matcher label = LABEL.matcher(text);
        int end = 0;
        while (label.find() && label.start() == end) {
            sorted.put(label.group(1), label.group(2));
            end = label.end();
        }
        if (end != text.length()) {
            throw new IllegalArgumentException("malformed labels: " + line);
        }
        StringBuilder key = new StringBuilder("{");
        sorted.forEach((name, value) -> key.append(key.length() > 1 ? "," : "").append(name).append("=\"")
                .append(value).append('"'));
        return key.append('}').toString();
    }

    private static double value(String text, String line) {
        try {
            return switch (text) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> Double.parseDouble(text);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + line);
        }
    }

    /** The value of a sample, 0 when it is absent (a counter not incremented yet). */
    public static double value(Map<String, Double> samples, String key) {
        return samples.getOrDefault(key, 0.0);
    }
}
