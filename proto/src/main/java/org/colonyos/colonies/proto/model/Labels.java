package org.colonyos.colonies.proto.model;

/**
 * CFS labels: path-like names ({@code /data/in}) whose sub-labels extend them after a {@code /}. The rules the
 * server and the clients share. Stateless.
 */
public final class Labels {
    private Labels() {
    }

    /** The label without trailing slashes; {@code /} stays the root label. */
    public static String trimTrailingSlashes(String label) {
        String trimmed = label;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /** A label as clients store it: with a leading {@code /}, without trailing ones. */
    public static String normalize(String label) {
        return trimTrailingSlashes(label.startsWith("/") ? label : "/" + label);
    }

    /** What every sub-label of {@code label} starts with: the label and a {@code /}. */
    public static String childPrefix(String label) {
        return label.endsWith("/") ? label : label + "/";
    }

    /** Whether {@code label} is {@code root} or one of its sub-labels. */
    public static boolean inTree(String label, String root) {
        return label.equals(root) || label.startsWith(childPrefix(root));
    }
}
