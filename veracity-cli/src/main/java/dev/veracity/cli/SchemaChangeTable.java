package dev.veracity.cli;

import dev.veracity.schema.SchemaChange;
import java.util.List;

/** Schema changes as an aligned table for people, one change per line, values shortened to 40 characters. */
final class SchemaChangeTable {
    private static final int MAX_FEATURE = 24;
    private static final int MAX_VALUE = 40;

    private SchemaChangeTable() {}

    /** {@return the table with a summary line, or a line saying there is no change} */
    static String render(List<SchemaChange> changes) {
        if (changes.isEmpty()) {
            return "No changes.\n";
        }
        int featureWidth = "FEATURE".length();
        int aspectWidth = "ASPECT".length();
        for (SchemaChange change : changes) {
            featureWidth = Math.max(featureWidth, feature(change).length());
            aspectWidth = Math.max(aspectWidth, change.aspect().length());
        }
        StringBuilder table = new StringBuilder();
        String format = "%-10s  %-" + featureWidth + "s  %-" + aspectWidth + "s  %s%n";
        table.append(String.format(format, "CHANGE", "FEATURE", "ASPECT", "BEFORE -> AFTER"));
        long breaking = 0;
        for (SchemaChange change : changes) {
            breaking += change.isBreaking() ? 1 : 0;
            table.append(String.format(
                    format,
                    change.compatibility().name().toLowerCase(),
                    feature(change),
                    change.aspect(),
                    values(change)));
        }
        table.append(String.format(
                "%n%d change%s: %d compatible, %d breaking%n",
                changes.size(), changes.size() == 1 ? "" : "s", changes.size() - breaking, breaking));
        return table.toString();
    }

    /** {@return one change on one line, e.g. {@code payment_type string_domain.value: - -> "Prcard" (compatible)}} */
    static String line(SchemaChange change) {
        return feature(change) + " " + change.aspect() + ": " + values(change) + " ("
                + change.compatibility().name().toLowerCase() + ")";
    }

    private static String feature(SchemaChange change) {
        return change.feature().isEmpty() ? "(schema)" : fit(change.feature(), MAX_FEATURE);
    }

    private static String values(SchemaChange change) {
        return value(change.before()) + " -> " + value(change.after());
    }

    private static String value(String value) {
        return value.isEmpty() ? "-" : fit(value.replace("\n", "\\n"), MAX_VALUE);
    }

    private static String fit(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
