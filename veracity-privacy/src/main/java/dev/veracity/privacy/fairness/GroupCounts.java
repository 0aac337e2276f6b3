package dev.veracity.privacy.fairness;

import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.ValueText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts per group, in one pass over record batches: rows, label values, rows missing the label, and per feature the
 * rows missing it. A group is the combination of the group-by features' values (joined by {@code |}); rows missing
 * any of them belong to no group and are only counted. Memory: groups x (labels + features).
 */
final class GroupCounts {
    /** The counts of one group. */
    static final class Group {
        long rows;
        long labelMissing;
        final Map<String, Long> labels = new TreeMap<>();
        long[] missing;
    }

    private final List<String> groupBy;
    private final String label;
    private List<String> features = List.of();
    private int[] groupColumns;
    private int labelColumn = -1;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private long rowsWithoutGroup;

    GroupCounts(List<String> groupBy, String label) {
        this.groupBy = List.copyOf(groupBy);
        this.label = label;
    }

    void start(List<String> names, int[] groupColumns, int labelColumn) {
        this.features = List.copyOf(names);
        this.groupColumns = groupColumns.clone();
        this.labelColumn = labelColumn;
    }

    void add(RecordBatch batch) {
        List<Column> columns = batch.columns();
        for (int r = 0; r < batch.rowCount(); r++) {
            String key = key(columns, r);
            if (key == null) {
                rowsWithoutGroup++;
                continue;
            }
            Group group = groups.computeIfAbsent(key, k -> {
                Group g = new Group();
                g.missing = new long[features.size()];
                return g;
            });
            group.rows++;
            for (int f = 0; f < columns.size(); f++) {
                Column column = columns.get(f);
                if (!column.present()[r] || column.rowOffsets()[r] == column.rowOffsets()[r + 1]) {
                    group.missing[f]++;
                }
            }
            String value = ValueText.row(columns.get(labelColumn), r);
            if (value.isEmpty()) {
                group.labelMissing++;
            } else {
                group.labels.merge(value, 1L, Long::sum);
            }
        }
    }

    private String key(List<Column> columns, int row) {
        if (groupColumns.length == 1) {
            String value = ValueText.row(columns.get(groupColumns[0]), row);
            return value.isEmpty() ? null : value;
        }
        List<String> parts = new ArrayList<>(groupColumns.length);
        for (int column : groupColumns) {
            String value = ValueText.row(columns.get(column), row);
            if (value.isEmpty()) {
                return null;
            }
            parts.add(value);
        }
        return String.join("|", parts);
    }

    Map<String, Group> groups() {
        return groups;
    }

    long rowsWithoutGroup() {
        return rowsWithoutGroup;
    }

    List<String> features() {
        return features;
    }

    List<String> groupBy() {
        return groupBy;
    }

    String label() {
        return label;
    }
}
