package dev.veracity.transform;

import dev.veracity.data.BatchSource;
import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.ValueText;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.Readers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The skew test: replays rows through the batch path and the per-record (serving) path and reports every row
 * whose outputs differ, value for value (doubles compared bit for bit).
 *
 * <pre>{@code
 * TransformVerify.Report report = TransformVerify.verify(fn, files, ReadOptions.DEFAULT, 10_000);
 * }</pre>
 */
public final class TransformVerify {
    private TransformVerify() {}

    /** A row whose outputs differ. @param record its 1-based number @param batch @param serving the two outputs */
    public record Mismatch(long record, Map<String, Object> batch, Map<String, Object> serving) {}

    /** The outcome. @param rows rows compared @param mismatches the first differing rows (at most 10) */
    public record Report(long rows, long mismatched, List<Mismatch> mismatches) {
        /** {@return whether both paths agreed on every row} */
        public boolean identical() {
            return mismatched == 0;
        }
    }

    /** {@return the comparison of both paths on the first {@code limit} rows of the files} */
    public static Report verify(TransformFn fn, List<Path> files, ReadOptions read, long limit) throws IOException {
        Objects.requireNonNull(fn, "fn is null");
        long rows = 0;
        long mismatched = 0;
        List<Mismatch> mismatches = new ArrayList<>();
        try (BatchSource source = Readers.open(files, read)) {
            for (Optional<RecordBatch> b = source.next(); b.isPresent() && rows < limit; b = source.next()) {
                RecordBatch batch = b.get();
                RecordBatch transformed = fn.apply(batch, rows + 1);
                for (int r = 0; r < batch.rowCount() && rows < limit; r++) {
                    rows++;
                    Map<String, Object> viaBatch = record(transformed, r);
                    Map<String, Object> viaServing = fn.apply(record(batch, r));
                    if (!viaBatch.equals(viaServing)) {
                        mismatched++;
                        if (mismatches.size() < 10) {
                            mismatches.add(new Mismatch(rows, viaBatch, viaServing));
                        }
                    }
                }
            }
        }
        return new Report(rows, mismatched, List.copyOf(mismatches));
    }

    /**
     * {@return row {@code r} of a batch as a record of the serving path: a Long, Double or String for one value, a
     * list for none or several, absent when missing}
     */
    public static Map<String, Object> record(RecordBatch batch, int r) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (Column column : batch.columns()) {
            if (!column.present()[r]) {
                continue;
            }
            int from = column.rowOffsets()[r];
            int to = column.rowOffsets()[r + 1];
            List<Object> values = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                values.add(value(column, i));
            }
            record.put(column.name(), values.size() == 1 ? values.get(0) : values);
        }
        return record;
    }

    private static Object value(Column column, int i) {
        if (column instanceof IntColumn ints) {
            return ints.values()[i];
        }
        if (column instanceof FloatColumn floats) {
            return floats.values()[i];
        }
        return ValueText.of(column, i);
    }
}
