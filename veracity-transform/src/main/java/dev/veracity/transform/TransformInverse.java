package dev.veracity.transform;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.BatchSource;
import dev.veracity.data.Column;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.ValueText;
import dev.veracity.io.AtomicFiles;
import dev.veracity.io.DataFormat;
import dev.veracity.io.FormatDetection;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.Readers;
import dev.veracity.io.convert.BatchWriter;
import dev.veracity.io.convert.CsvBatchWriter;
import dev.veracity.io.convert.JsonLinesBatchWriter;
import dev.veracity.io.convert.ParquetBatchWriter;
import dev.veracity.io.convert.ParquetColumn;
import dev.veracity.io.convert.TfRecordBatchWriter;
import dev.veracity.proto.Feature;
import dev.veracity.proto.Schema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Maps transformed records back to the input values they came from, where the op has an inverse: z-score, 0-1,
 * min-max and log1p give the number (within float rounding); a vocabulary index its token (an OOV bucket or the
 * default value gives none: the value is missing); a bucket of bucketize or apply_buckets its interval, as the text
 * {@code [lower, upper)} ({@code -inf} and {@code inf} at the ends). Each inverted column is named after its step's
 * input; when several steps read one input, the first invertible one in spec order gives it. Kept columns pass
 * through.
 *
 * <pre>{@code
 * Map<String, Object> input = new TransformInverse(fn).inverse(Map.of("pace_z", 0.4, "route_id", 2L));
 * }</pre>
 */
public final class TransformInverse {
    private final TransformFn fn;
    private final List<Target> targets;

    /** One output column of the inverse: from a step's output, or a kept column ({@code function == null}). */
    private record Target(String name, StepFunction function, FeatureType type) {}

    public TransformInverse(TransformFn fn) {
        this.fn = Objects.requireNonNull(fn, "fn is null");
        List<Target> list = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (StepFunction f : fn.functions()) {
            Optional<FeatureType> type = invertedType(f.step().op());
            if (type.isPresent() && taken.add(f.step().input())) {
                list.add(new Target(f.step().input(), f, type.get()));
            }
        }
        for (String kept : fn.spec().keep()) {
            if (taken.add(kept)) {
                list.add(new Target(kept, null, fn.inputTypes().get(kept)));
            }
        }
        this.targets = List.copyOf(list);
    }

    /** {@return the type an op's inverse gives, empty where the op has none} */
    static Optional<FeatureType> invertedType(Op op) {
        return switch (op) {
            case SCALE_TO_Z_SCORE, SCALE_TO_0_1, SCALE_BY_MIN_MAX, LOG1P -> Optional.of(FeatureType.FLOAT);
            case COMPUTE_AND_APPLY_VOCABULARY, BUCKETIZE, APPLY_BUCKETS -> Optional.of(FeatureType.STRING);
            case CLIP,
                    IMPUTE,
                    HASH_STRINGS,
                    ONE_HOT,
                    CROSS,
                    NGRAMS,
                    BAG_OF_WORDS,
                    TFIDF,
                    HOUR,
                    DAY_OF_WEEK,
                    MONTH,
                    CYCLIC -> Optional.empty();
        };
    }

    /** {@return the names of the inverse's columns, in order: inverted inputs, then kept columns} */
    public List<String> names() {
        return targets.stream().map(Target::name).toList();
    }

    /**
     * {@return the input record a transformed record came from, as far as the ops invert}: each value a Double, a
     * String or a list of them (a kept column as it is), absent when missing or not invertible
     *
     * @throws InputException TRANSFORM_VALUE_INVALID if an invertible output holds text
     */
    public Map<String, Object> inverse(Map<String, ?> record) {
        Objects.requireNonNull(record, "record is null");
        Map<String, Object> out = new LinkedHashMap<>();
        for (Target target : targets) {
            if (target.function() == null) {
                Object value = record.get(target.name());
                if (value != null) {
                    out.put(target.name(), value);
                }
                continue;
            }
            Object value = record.get(target.function().step().name());
            if (value == null) {
                continue;
            }
            Object inverted;
            if (value instanceof List<?> list) {
                List<Object> values = new ArrayList<>();
                for (Object element : list) {
                    Object one = invert(target.function(), element);
                    if (one != null) {
                        values.add(one);
                    }
                }
                inverted = values;
            } else {
                inverted = invert(target.function(), value);
            }
            if (inverted != null) {
                out.put(target.name(), inverted);
            }
        }
        return out;
    }

    private static Object invert(StepFunction f, Object value) {
        if (!(value instanceof Number number)) {
            throw new InputException(
                    ErrorCode.TRANSFORM_VALUE_INVALID,
                    "column " + f.step().name() + ": expected a number to invert, found \"" + value + "\"");
        }
        return switch (f.step().op()) {
            case SCALE_TO_Z_SCORE, SCALE_TO_0_1, SCALE_BY_MIN_MAX, LOG1P -> f.inverse(number.doubleValue());
            case COMPUTE_AND_APPLY_VOCABULARY -> {
                long index = number.longValue();
                List<String> vocabulary = f.constants().vocabulary();
                yield index >= 0 && index < vocabulary.size() ? vocabulary.get((int) index) : null;
            }
            case BUCKETIZE, APPLY_BUCKETS -> {
                long b = number.longValue();
                yield b >= 0 && b <= f.bucketCount() - 1 ? interval(f.interval(b)) : null;
            }
            case CLIP,
                    IMPUTE,
                    HASH_STRINGS,
                    ONE_HOT,
                    CROSS,
                    NGRAMS,
                    BAG_OF_WORDS,
                    TFIDF,
                    HOUR,
                    DAY_OF_WEEK,
                    MONTH,
                    CYCLIC -> throw new IllegalStateException(f.step().op() + " has no inverse");
        };
    }

    /** {@return an interval as text: {@code [lower, upper)}, with {@code -inf} and {@code inf} at the ends} */
    static String interval(double[] bounds) {
        String lower = Double.isInfinite(bounds[0]) ? "-inf" : ValueText.of(bounds[0]);
        String upper = Double.isInfinite(bounds[1]) ? "inf" : ValueText.of(bounds[1]);
        return "[" + lower + ", " + upper + ")";
    }

    /** {@return the inverse of every row of a transformed batch, as {@link #inverse(Map)} computes each} */
    public RecordBatch inverse(RecordBatch batch) {
        List<ColumnSink> sinks = new ArrayList<>();
        for (Target target : targets) {
            sinks.add(new ColumnSink(ColumnBuilder.of(target.name(), target.type())));
        }
        for (int r = 0; r < batch.rowCount(); r++) {
            Map<String, Object> row = inverse(TransformVerify.record(batch, r));
            for (int t = 0; t < targets.size(); t++) {
                append(
                        sinks.get(t),
                        targets.get(t).type(),
                        row.get(targets.get(t).name()));
            }
        }
        List<Column> columns = new ArrayList<>();
        for (ColumnSink sink : sinks) {
            columns.add(sink.builder.build());
        }
        return new RecordBatch(batch.rowCount(), columns);
    }

    private static void append(ColumnSink sink, FeatureType type, Object value) {
        if (value == null) {
            sink.missing();
            return;
        }
        sink.start();
        for (Object one : value instanceof List<?> list ? list : List.of(value)) {
            switch (type) {
                case INT -> sink.addInt(((Number) one).longValue());
                case FLOAT -> sink.addFloat(((Number) one).doubleValue());
                case STRING -> sink.addString(one.toString());
            }
        }
        sink.end();
    }

    /**
     * Inverts transformed files into {@code target} (CSV, JSON Lines, Parquet or TFRecord by its extension; {@code
     * .gz} compresses all but Parquet), atomically, in input order.
     *
     * @param inputSchema the transform's input schema (which inputs held lists, for Parquet)
     * @return the rows written
     * @throws ConfigException INVALID_OPTION if the target's extension names no format that can be written
     */
    public long write(Schema inputSchema, List<Path> files, ReadOptions read, Path target) throws IOException {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gzip = name.endsWith(".gz");
        DataFormat format = FormatDetection.byExtension(target)
                .filter(f -> f != DataFormat.AVRO && !(gzip && f == DataFormat.PARQUET))
                .orElseThrow(() -> new ConfigException(
                        ErrorCode.INVALID_OPTION,
                        "-o " + target + ": expected a .csv, .jsonl, .parquet or .tfrecord name (.gz to compress "
                                + "all but Parquet), found " + target.getFileName()));
        long[] rows = new long[1];
        AtomicFiles.write(target, raw -> {
            GZIPOutputStream compressed =
                    gzip && format != DataFormat.TFRECORD ? new GZIPOutputStream(raw, 1 << 16) : null;
            OutputStream out = compressed != null ? compressed : raw;
            BatchWriter writer = switch (format) {
                case CSV -> new CsvBatchWriter(out, names());
                case JSONL -> new JsonLinesBatchWriter(out);
                case TFRECORD -> new TfRecordBatchWriter(out, gzip);
                case PARQUET -> new ParquetBatchWriter(out, parquetColumns(inputSchema));
                case AVRO -> throw new IllegalStateException("refused above");
            };
            try (BatchSource source = Readers.open(files, read)) {
                for (Optional<RecordBatch> b = source.next(); b.isPresent(); b = source.next()) {
                    writer.write(inverse(b.get()));
                    rows[0] += b.get().rowCount();
                }
            }
            writer.finish();
            if (compressed != null) {
                compressed.finish();
            }
        });
        return rows[0];
    }

    private List<ParquetColumn> parquetColumns(Schema inputSchema) {
        Map<String, Long> maxCounts = new HashMap<>();
        for (Feature feature : inputSchema.getFeatureList()) {
            maxCounts.put(
                    feature.getName(),
                    feature.hasValueCount() ? feature.getValueCount().getMax() : 1L);
        }
        List<ParquetColumn> columns = new ArrayList<>();
        for (Target target : targets) {
            columns.add(
                    new ParquetColumn(target.name(), target.type(), maxCounts.getOrDefault(target.name(), 1L) != 1));
        }
        return columns;
    }

    /** {@return the transform inverted} */
    public TransformFn transform() {
        return fn;
    }
}
