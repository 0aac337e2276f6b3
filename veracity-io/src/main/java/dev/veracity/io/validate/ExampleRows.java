package dev.veracity.io.validate;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import dev.veracity.io.csv.NumberParser;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureType;
import dev.veracity.proto.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a batch as records for {@link dev.veracity.validate.example.RecordValidator}, read as the schema
 * types them: a CSV cell of an INT or FLOAT feature, read as text, becomes a {@code Long} or {@code Double} when it
 * parses as one (as {@code stats --schema} parses it), and stays a {@code String} otherwise, which the validator
 * reports as an unexpected type; an integer column of a FLOAT feature gives doubles. Other values keep the type
 * their format gave them. A missing cell is no key.
 */
final class ExampleRows {
    private final Map<String, FeatureType> types = new HashMap<>();
    private final boolean textCells;

    /**
     * @param textCells whether string cells of numeric features are the text of numbers to parse (CSV read as text)
     */
    ExampleRows(Schema schema, boolean textCells) {
        for (Feature feature : schema.getFeatureList()) {
            types.put(feature.getName(), feature.getType());
        }
        this.textCells = textCells;
    }

    /** {@return the schema type of a feature, or null if the schema has no such top-level feature} */
    FeatureType typeOf(String feature) {
        return types.get(feature);
    }

    /** Fills {@code record} (cleared first) with the values of one row of the batch. */
    void fill(RecordBatch batch, int row, Map<String, Object> record) {
        record.clear();
        for (Column column : batch.columns()) {
            if (!column.present()[row]) {
                continue;
            }
            int from = column.rowOffsets()[row];
            int to = column.rowOffsets()[row + 1];
            FeatureType type = types.get(column.name());
            if (to - from == 1) {
                record.put(column.name(), value(column, from, type));
            } else {
                List<Object> values = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    values.add(value(column, i, type));
                }
                record.put(column.name(), values);
            }
        }
    }

    private Object value(Column column, int index, FeatureType type) {
        if (column instanceof IntColumn ints) {
            long value = ints.values()[index];
            return type == FeatureType.FLOAT ? (Object) (double) value : (Object) value;
        }
        if (column instanceof FloatColumn floats) {
            return floats.values()[index];
        }
        StringColumn strings = (StringColumn) column;
        int start = strings.valueOffsets()[index];
        int length = strings.valueOffsets()[index + 1] - start;
        byte[] bytes = strings.bytes();
        if (textCells && type != null) {
            try {
                switch (type) {
                    case INT -> {
                        return NumberParser.parseLong(bytes, start, length);
                    }
                    case FLOAT -> {
                        return NumberParser.parseDouble(bytes, start, length);
                    }
                    case BYTES, STRUCT, TYPE_UNKNOWN -> {}
                }
            } catch (NumberFormatException e) {
                // not of the schema's type: the validator reports it as it is, a string
            }
        }
        return new String(bytes, start, length, UTF_8);
    }
}
