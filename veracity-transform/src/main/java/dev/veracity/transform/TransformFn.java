package dev.veracity.transform;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fitted transform: the spec's steps with their analyzed constants frozen, applied the same way to a record
 * batch (training data, {@code transform apply}) and to one record (serving), so the two give the same values.
 *
 * <pre>{@code
 * TransformFn fn = TransformFn.load(Path.of("transform_dir"));
 * Map<String, Object> features = fn.apply(Map.of("pace_min_per_km", 5.2, "route", "river"));
 * }</pre>
 */
public final class TransformFn {
    private final TransformSpec spec;
    private final Map<String, FeatureType> inputTypes;
    private final List<StepFunction> functions;

    /**
     * @param spec       the spec
     * @param inputTypes the type of every input column of the spec in the analyzed data
     * @param constants  each step's constants, in spec order
     */
    public TransformFn(TransformSpec spec, Map<String, FeatureType> inputTypes, List<Constants> constants) {
        this.spec = Objects.requireNonNull(spec, "spec is null");
        // in the spec's order, so files written from it are the same bytes in every run (Map.copyOf's order is not)
        Map<String, FeatureType> ordered = new LinkedHashMap<>();
        for (String input : spec.inputs()) {
            FeatureType type = inputTypes.get(input);
            if (type != null) {
                ordered.put(input, type);
            }
        }
        this.inputTypes = java.util.Collections.unmodifiableMap(ordered);
        if (constants.size() != spec.steps().size()) {
            throw new IllegalArgumentException(
                    "expected constants for " + spec.steps().size() + " steps");
        }
        List<StepFunction> list = new ArrayList<>();
        for (int s = 0; s < constants.size(); s++) {
            Step step = spec.steps().get(s);
            list.add(new StepFunction(step, constants.get(s), this.inputTypes.get(step.input())));
        }
        this.functions = List.copyOf(list);
    }

    /**
     * {@return the transform fitted into a transform directory}
     *
     * @throws InputException TRANSFORM_DIRECTORY_INVALID if it was written by another version or damaged
     */
    public static TransformFn load(Path directory) throws IOException {
        return TransformDirectory.read(directory);
    }

    /** {@return the spec} */
    public TransformSpec spec() {
        return spec;
    }

    /** {@return the input columns' types in the analyzed data} */
    public Map<String, FeatureType> inputTypes() {
        return inputTypes;
    }

    /** {@return each step's constants, in spec order} */
    public List<Constants> constants() {
        return functions.stream().map(StepFunction::constants).toList();
    }

    List<StepFunction> functions() {
        return functions;
    }

    /** {@return the output columns in order: the steps' (tfidf writes two), then the kept columns} */
    public List<String> outputNames() {
        List<String> names = new ArrayList<>();
        for (Step step : spec.steps()) {
            names.addAll(step.outputs());
        }
        names.addAll(spec.keep());
        return names;
    }

    /** {@return the output columns' types, in the order of {@link #outputNames()}} */
    public List<FeatureType> outputTypes() {
        List<FeatureType> types = new ArrayList<>();
        for (StepFunction f : functions) {
            types.addAll(f.outputTypes());
        }
        for (String kept : spec.keep()) {
            types.add(inputTypes.get(kept));
        }
        return types;
    }

    /**
     * {@return the transformed record: each output feature's value (a Long, Double or String; a list for none or
     * several values), absent when missing, in output order}
     *
     * @param record input values by column: a Number, a CharSequence or a list of them; absent or null is missing
     * @throws InputException TRANSFORM_VALUE_INVALID for a value of the wrong kind (text for a numeric op, an
     *                        unparsable time, NaN to bucketize)
     */
    public Map<String, Object> apply(Map<String, ?> record) {
        Objects.requireNonNull(record, "record is null");
        Map<String, Object> out = new LinkedHashMap<>();
        ValueSink values = new ValueSink();
        ValueSink weights = new ValueSink();
        for (StepFunction f : functions) {
            Step step = f.step();
            f.apply(new MapRow(record, step.inputs()), values, step.op() == Op.TFIDF ? weights : null);
            put(out, step.name(), values.value());
            if (step.op() == Op.TFIDF) {
                put(out, step.outputs().get(1), weights.value());
            }
        }
        for (String kept : spec.keep()) {
            put(out, kept, record.get(kept));
        }
        return out;
    }

    /**
     * {@return the input value an output value came from, where the op has an inverse}: z-score, 0-1, min-max and
     * log1p give the number; a vocabulary index its entry (or empty for an OOV bucket or the default); a bucket of
     * bucketize or apply_buckets its interval as {@code [lower, upper)} (a list of two doubles)
     *
     * @throws IllegalArgumentException if no step writes {@code output} or its op has no inverse
     */
    public Optional<Object> inverse(String output, Object value) {
        for (StepFunction f : functions) {
            if (!f.step().name().equals(output)) {
                continue;
            }
            return switch (f.step().op()) {
                case SCALE_TO_Z_SCORE, SCALE_TO_0_1, SCALE_BY_MIN_MAX, LOG1P ->
                    Optional.of(f.inverse(((Number) value).doubleValue()));
                case COMPUTE_AND_APPLY_VOCABULARY -> {
                    long index = ((Number) value).longValue();
                    List<String> vocabulary = f.constants().vocabulary();
                    yield index >= 0 && index < vocabulary.size()
                            ? Optional.of(vocabulary.get((int) index))
                            : Optional.empty();
                }
                case BUCKETIZE, APPLY_BUCKETS -> {
                    double[] interval = f.interval(((Number) value).longValue());
                    yield Optional.of(List.of(interval[0], interval[1]));
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
                        CYCLIC ->
                    throw new IllegalArgumentException(f.step().op().specName() + " has no inverse");
            };
        }
        throw new IllegalArgumentException("no step writes " + output);
    }

    /**
     * {@return the input record a transformed record came from, as far as its ops invert} (see
     * {@link TransformInverse}): z-score, 0-1, min-max and log1p give numbers, vocabulary indices their tokens,
     * buckets their intervals as text {@code [lower, upper)}; kept columns pass through
     */
    public Map<String, Object> inverse(Map<String, ?> record) {
        return new TransformInverse(this).inverse(record);
    }

    private static void put(Map<String, Object> out, String name, Object value) {
        if (value != null) {
            out.put(name, value);
        }
    }

    /**
     * {@return the transformed batch: the output columns in order}
     *
     * @param firstRecord the 1-based number of the batch's first record in its input, for messages
     * @throws InputException TRANSFORM_VALUE_INVALID naming the record and column of a wrong value
     */
    public RecordBatch apply(RecordBatch batch, long firstRecord) {
        return apply(batch, firstRecord, true);
    }

    /** As {@link #apply(RecordBatch, long)}; {@code columnar} false runs every step row by row (tests compare). */
    RecordBatch apply(RecordBatch batch, long firstRecord, boolean columnar) {
        Map<String, Column> byName = new HashMap<>();
        for (Column column : batch.columns()) {
            byName.put(column.name(), column);
        }
        List<Column> out = new ArrayList<>();
        for (StepFunction f : functions) {
            Step step = f.step();
            Column[] inputs = new Column[step.inputs().size()];
            for (int k = 0; k < inputs.length; k++) {
                inputs[k] = byName.get(step.inputs().get(k));
            }
            requireNumeric(step, inputs[0]);
            Column whole = columnar ? ColumnarStep.apply(f, inputs, batch.rowCount()) : null;
            if (whole != null) {
                out.add(whole);
                continue;
            }
            List<FeatureType> types = f.outputTypes();
            ColumnSink values = new ColumnSink(ColumnBuilder.of(step.name(), types.get(0)));
            ColumnSink weights = types.size() > 1
                    ? new ColumnSink(ColumnBuilder.of(step.outputs().get(1), types.get(1)))
                    : null;
            BatchRow row = new BatchRow(inputs, firstRecord);
            for (int r = 0; r < batch.rowCount(); r++) {
                row.row = r;
                f.apply(row, values, weights);
            }
            out.add(values.builder.build());
            if (weights != null) {
                out.add(weights.builder.build());
            }
        }
        for (String kept : spec.keep()) {
            Column column = byName.get(kept);
            out.add(column != null ? column : missing(kept, inputTypes.get(kept), batch.rowCount()));
        }
        return new RecordBatch(batch.rowCount(), out);
    }

    /** Refuses a text column where a step needs numbers, naming the spec's step. */
    static void requireNumeric(Step step, Column column) {
        if (column instanceof StringColumn && needsNumbers(step)) {
            throw new InputException(
                    ErrorCode.TRANSFORM_VALUE_INVALID,
                    step.where() + ": expected a numeric column " + column.name() + " for "
                            + step.op().specName() + ", found STRING");
        }
    }

    static boolean needsNumbers(Step step) {
        return switch (step.op()) {
            case SCALE_TO_Z_SCORE, SCALE_TO_0_1, SCALE_BY_MIN_MAX, LOG1P, CLIP, BUCKETIZE, APPLY_BUCKETS -> true;
            case IMPUTE ->
                step.parameters().impute() == Parameters.Impute.MEAN
                        || step.parameters().impute() == Parameters.Impute.MEDIAN;
            case COMPUTE_AND_APPLY_VOCABULARY,
                    HASH_STRINGS,
                    ONE_HOT,
                    CROSS,
                    NGRAMS,
                    BAG_OF_WORDS,
                    TFIDF,
                    HOUR,
                    DAY_OF_WEEK,
                    MONTH,
                    CYCLIC -> false;
        };
    }

    /** {@return a column of the type in which every one of the rows is missing} */
    static Column missing(String name, FeatureType type, int rows) {
        boolean[] present = new boolean[rows];
        int[] offsets = new int[rows + 1];
        return switch (type) {
            case INT -> new IntColumn(name, rows, present, offsets, new long[0]);
            case FLOAT -> new FloatColumn(name, rows, present, offsets, new double[0]);
            case STRING -> new StringColumn(name, rows, present, offsets, new int[1], new byte[0]);
        };
    }
}
