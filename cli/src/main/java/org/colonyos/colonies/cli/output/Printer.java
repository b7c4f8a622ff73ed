package org.colonyos.colonies.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.colonyos.colonies.proto.json.Json;

/**
 * Prints results as aligned tables (one row per item) or, with {@code --json}, as the reply JSON.
 *
 * <p>Not thread-safe; one per command invocation.
 */
public final class Printer {
    private final PrintWriter out;
    private final boolean json;

    public Printer(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** A column: header and how to get the cell text from an item. */
    public record Column<T>(String header, Function<T, Object> cell) {
    }

    /** Prints items as a table (or JSON). */
    @SafeVarargs
    public final <T> void table(List<T> items, Column<T>... columns) {
        if (json) {
            out.println(Json.toText(items));
            out.flush();
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(java.util.Arrays.stream(columns).map(Column::header).toArray(String[]::new));
        for (T item : items) {
            rows.add(java.util.Arrays.stream(columns).map(c -> String.valueOf(c.cell().apply(item)))
                    .toArray(String[]::new));
        }
        int[] widths = new int[columns.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    /**
     * Prints one item as key/value lines (nested fields as dotted keys, times readable, states by name; see
     * {@link ItemFormat}), or as JSON.
     */
    public void item(Object value) {
        if (json) {
            out.println(Json.toText(value));
        } else {
            List<Map.Entry<String, String>> fields = ItemFormat.fields(value);
            int width = fields.stream().mapToInt(field -> field.getKey().length()).max().orElse(0) + 2;
            fields.forEach(field -> out.println((String.format("%-" + width + "s", field.getKey())
                    + field.getValue()).stripTrailing()));
        }
        out.flush();
    }

    /** Prints a confirmation line (nothing with --json). */
    public void done(String message) {
        if (!json) {
            out.println(message);
            out.flush();
        }
    }
}
