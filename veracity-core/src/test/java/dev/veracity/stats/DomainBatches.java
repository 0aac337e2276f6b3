package dev.veracity.stats;

import dev.veracity.data.Column;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Columns written as TFDV's tests write their Arrow batches: {@code strings(List.of("a", "b"), null)} is
 * {@code pa.array([["a", "b"], None])}, one row per list, {@code null} for a missing row.
 */
final class DomainBatches {
    static final String NAME = "f";

    private DomainBatches() {}

    @SafeVarargs
    static Column strings(List<String>... rows) {
        ColumnBuilder column = ColumnBuilder.of(NAME, FeatureType.STRING);
        for (List<String> row : rows) {
            if (row == null) {
                column.appendMissing();
                continue;
            }
            column.startList();
            for (String value : row) {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                column.addString(bytes, 0, bytes.length);
            }
            column.endList();
        }
        return column.build();
    }

    static Column bytes(byte[]... values) {
        ColumnBuilder column = ColumnBuilder.of(NAME, FeatureType.STRING);
        column.startList();
        for (byte[] value : values) {
            column.addString(value, 0, value.length);
        }
        column.endList();
        return column.build();
    }

    static Column ints(long... values) {
        ColumnBuilder column = ColumnBuilder.of(NAME, FeatureType.INT);
        column.startList();
        Arrays.stream(values).forEach(column::addInt);
        column.endList();
        return column.build();
    }

    static Column floats(double... values) {
        ColumnBuilder column = ColumnBuilder.of(NAME, FeatureType.FLOAT);
        column.startList();
        Arrays.stream(values).forEach(column::addFloat);
        column.endList();
        return column.build();
    }

    static Column missing(int rows) {
        ColumnBuilder column = ColumnBuilder.of(NAME, FeatureType.STRING);
        for (int i = 0; i < rows; i++) {
            column.appendMissing();
        }
        return column.build();
    }
}
