package dev.veracity.io.validate;

import dev.veracity.data.RecordBatch;
import dev.veracity.validate.example.ExampleAnomalies;
import dev.veracity.validate.example.RowViolation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One batch of rows as read, with the verdict on each: what an {@link ExampleSink} receives, in input order.
 *
 * <pre>{@code
 * for (ValidatedBatch.Example example : batch.examples()) { ... example.row() ... example.reasons() ... }
 * }</pre>
 *
 * @param file     the file the rows come from
 * @param batch    the rows as read (every row, clean or not)
 * @param firstRow the 1-based data row of the batch's first row in its file (the header excluded)
 * @param examples the anomalous rows, in row order
 */
public record ValidatedBatch(Path file, RecordBatch batch, long firstRow, List<Example> examples) {
    /** The type name of a row-level rule's violation, TFDV 1.17's custom validation. */
    public static final String CUSTOM_VALIDATION = "CUSTOM_VALIDATION";

    public ValidatedBatch {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(batch, "batch is null");
        examples = List.copyOf(examples);
    }

    /** {@return per row of the batch, whether it is anomalous} */
    public boolean[] anomalous() {
        boolean[] anomalous = new boolean[batch.rowCount()];
        for (Example example : examples) {
            anomalous[example.index()] = true;
        }
        return anomalous;
    }

    /**
     * One anomalous row.
     *
     * @param index      its index in the batch
     * @param row        its 1-based data row in its file
     * @param line       the 1-based line on which it starts, or 0 when unknown (formats without lines, or records
     *                   skipped as malformed before it)
     * @param record     its values as validated
     * @param anomalies  the schema's reasons
     * @param violations the row-level rules it breaks
     */
    public record Example(
            int index,
            long row,
            long line,
            Map<String, Object> record,
            ExampleAnomalies anomalies,
            List<RowViolation> violations) {
        public Example {
            Objects.requireNonNull(record, "record is null");
            Objects.requireNonNull(anomalies, "anomalies is null");
            violations = List.copyOf(violations);
        }

        /** {@return per feature, the type names of its reasons, the schema's first, then CUSTOM_VALIDATION} */
        public Map<String, List<String>> features() {
            Map<String, List<String>> features = new LinkedHashMap<>(anomalies.typeNames());
            for (RowViolation violation : violations) {
                List<String> types = new ArrayList<>(features.getOrDefault(violation.feature(), List.of()));
                if (!types.contains(CUSTOM_VALIDATION)) {
                    types.add(CUSTOM_VALIDATION);
                }
                features.put(violation.feature(), List.copyOf(types));
            }
            return features;
        }

        /** {@return the type names of its reasons, each once, in order} */
        public List<String> reasons() {
            Set<String> reasons = new LinkedHashSet<>();
            features().values().forEach(reasons::addAll);
            return List.copyOf(reasons);
        }

        /** {@return TFDV's slice keys of the row ({@code feature_TYPE}), each once, in order} */
        public List<String> sliceKeys() {
            List<String> keys = new ArrayList<>();
            features()
                    .forEach((feature, types) ->
                            types.forEach(type -> keys.add(ExampleAnomalies.sliceKey(feature, type))));
            return keys;
        }
    }
}
