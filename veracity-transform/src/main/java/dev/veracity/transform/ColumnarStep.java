package dev.veracity.transform;

import dev.veracity.data.Column;
import dev.veracity.data.DictionaryCodes;
import dev.veracity.data.FeatureType;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.StringColumn;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The batch path of the ops whose output is one value per input value (the scaling ops, bucketize, apply_buckets,
 * compute_and_apply_vocabulary, hash_strings), over whole primitive columns: no boxing, no String per value, the
 * input's presence and row offsets reused as they are. It computes what {@link StepFunction#apply} computes row by
 * row (a test compares the two on every covered op); where it could differ (a missing row holding values, NaN to
 * bucketize, an op it does not cover) it declines and the row path runs.
 *
 * <pre>{@code
 * Column out = ColumnarStep.apply(function, inputs, batch.rowCount()); // null: use the row path
 * }</pre>
 */
final class ColumnarStep {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private ColumnarStep() {}

    /** {@return the step's output column over the input columns, or null when the row path must compute it} */
    static Column apply(StepFunction f, Column[] inputs, int rows) {
        Step step = f.step();
        if (inputs.length != 1) {
            return null;
        }
        Column input = inputs[0];
        return switch (step.op()) {
            case SCALE_TO_Z_SCORE, SCALE_TO_0_1, SCALE_BY_MIN_MAX, LOG1P, CLIP -> {
                if (input == null) {
                    yield TransformFn.missing(step.name(), FeatureType.FLOAT, rows);
                }
                double[] x = numbers(input, rows);
                if (x == null) {
                    yield null;
                }
                scaleAll(f, x);
                yield new FloatColumn(step.name(), rows, presence(input, rows), offsets(input, rows), x);
            }
            case BUCKETIZE, APPLY_BUCKETS -> {
                if (input == null) {
                    yield TransformFn.missing(step.name(), FeatureType.INT, rows);
                }
                double[] x = numbers(input, rows);
                if (x == null) {
                    yield null;
                }
                long[] buckets = new long[x.length];
                for (int i = 0; i < x.length; i++) {
                    if (Double.isNaN(x[i])) {
                        yield null; // the row path names the record
                    }
                    buckets[i] = f.bucket(x[i]);
                }
                yield new IntColumn(step.name(), rows, presence(input, rows), offsets(input, rows), buckets);
            }
            case COMPUTE_AND_APPLY_VOCABULARY, HASH_STRINGS -> {
                if (input == null) {
                    yield TransformFn.missing(step.name(), FeatureType.INT, rows);
                }
                if (!(input instanceof StringColumn text) || !emptyWhereMissing(input, rows)) {
                    yield null;
                }
                yield new IntColumn(
                        step.name(), rows, presence(input, rows), offsets(input, rows), categories(f, text, rows));
            }
            case IMPUTE, ONE_HOT, CROSS, NGRAMS, BAG_OF_WORDS, TFIDF, HOUR, DAY_OF_WEEK, MONTH, CYCLIC -> null;
        };
    }

    /**
     * Replaces every value of {@code x} by {@link StepFunction#scale}'s value of it, the op chosen once: the same
     * arithmetic, so the same doubles, without a switch per value (z-score and min-max; the others value by value).
     */
    private static void scaleAll(StepFunction f, double[] x) {
        Constants c = f.constants();
        Op op = f.step().op();
        if (op == Op.SCALE_TO_Z_SCORE) {
            double mean = c.count() == 0 ? 0 : c.mean();
            double stdDev = c.stdDev();
            for (int i = 0; i < x.length; i++) {
                double centered = x[i] - mean;
                x[i] = stdDev > 0 ? centered / stdDev : centered;
            }
        } else if ((op == Op.SCALE_TO_0_1 || op == Op.SCALE_BY_MIN_MAX) && c.min() < c.max()) {
            double outMin = op == Op.SCALE_TO_0_1 ? 0 : f.step().parameters().outputMin();
            double outMax = op == Op.SCALE_TO_0_1 ? 1 : f.step().parameters().outputMax();
            double min = c.min();
            double max = c.max();
            for (int i = 0; i < x.length; i++) {
                double scaled = (x[i] - min) / (max - min);
                x[i] = scaled * (outMax - outMin) + outMin;
            }
        } else {
            for (int i = 0; i < x.length; i++) {
                x[i] = f.scale(x[i]);
            }
        }
    }

    /** {@return the column's values as doubles, or null if it is not numeric or a missing row holds values} */
    private static double[] numbers(Column input, int rows) {
        if (!emptyWhereMissing(input, rows)) {
            return null;
        }
        int n = input.rowOffsets()[rows];
        if (input instanceof FloatColumn floats) {
            return Arrays.copyOf(floats.values(), n);
        }
        if (input instanceof IntColumn ints) {
            long[] values = ints.values();
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = values[i];
            }
            return x;
        }
        return null;
    }

    /** {@return whether every missing row has no values (the row path writes none for it)} */
    private static boolean emptyWhereMissing(Column input, int rows) {
        boolean[] present = input.present();
        int[] offsets = input.rowOffsets();
        for (int r = 0; r < rows; r++) {
            if (!present[r] && offsets[r + 1] != offsets[r]) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return the input's presence for the output column}: the input's own array (columns never change their
     * arrays, so the output shares it; no copy of 4 or 5 bytes a row per output column), cut when it is longer
     */
    private static boolean[] presence(Column input, int rows) {
        boolean[] present = input.present();
        return present.length == rows ? present : Arrays.copyOf(present, rows);
    }

    /** {@return the input's row offsets for the output column, shared as {@link #presence} is} */
    private static int[] offsets(Column input, int rows) {
        int[] offsets = input.rowOffsets();
        return offsets.length == rows + 1 ? offsets : Arrays.copyOf(offsets, rows + 1);
    }

    /**
     * {@return the vocabulary index or hash bucket of every value}: a dictionary-coded column's entries are resolved
     * once each; an ASCII value is looked up by its bytes (its text is those bytes); any other as text
     */
    private static long[] categories(StepFunction f, StringColumn text, int rows) {
        int n = text.rowOffsets()[rows];
        long[] out = new long[n];
        byte[] bytes = text.bytes();
        int[] starts = text.valueOffsets();
        DictionaryCodes dictionary = text.dictionary();
        if (dictionary != null && dictionary.entryCount() <= n) {
            long[] byEntry = new long[dictionary.entryCount()];
            int[] entryStarts = dictionary.entryOffsets();
            for (int e = 0; e < byEntry.length; e++) {
                byEntry[e] = category(
                        f,
                        new String(
                                dictionary.entryBytes(),
                                entryStarts[e],
                                entryStarts[e + 1] - entryStarts[e],
                                StandardCharsets.UTF_8));
            }
            int[] codes = dictionary.codes();
            for (int i = 0; i < n; i++) {
                out[i] = byEntry[codes[i]];
            }
            return out;
        }
        Parameters p = f.step().parameters();
        if (f.step().op() == Op.HASH_STRINGS) {
            for (int i = 0; i < n; i++) {
                int start = starts[i];
                int length = starts[i + 1] - start;
                out[i] = ascii(bytes, start, length)
                        ? Text.bucket(bytes, start, length, p.hashBuckets())
                        : category(f, new String(bytes, start, length, StandardCharsets.UTF_8));
            }
            return out;
        }
        AsciiIndex index = f.asciiIndex();
        long size = f.constants().vocabulary().size();
        for (int i = 0; i < n; i++) {
            int start = starts[i];
            int length = starts[i + 1] - start;
            int at = index.find(bytes, start, length);
            if (at >= 0) {
                out[i] = at;
            } else if (at == AsciiIndex.NOT_ASCII) {
                out[i] = category(f, new String(bytes, start, length, StandardCharsets.UTF_8));
            } else {
                out[i] = p.numOovBuckets() > 0
                        ? size + Text.bucket(bytes, start, length, p.numOovBuckets())
                        : p.defaultValue();
            }
        }
        return out;
    }

    /** {@return the vocabulary index or hash bucket of a value, as the row path computes it} */
    private static long category(StepFunction f, String value) {
        return f.step().op() == Op.HASH_STRINGS
                ? Text.bucket(value, f.step().parameters().hashBuckets())
                : f.lookup(value);
    }

    /** {@return whether the bytes are all ASCII (so their UTF-8 text is one char per byte, equal to them)} */
    static boolean ascii(byte[] bytes, int start, int length) {
        int i = start;
        int end = start + length;
        long signs = 0;
        for (; i + 8 <= end; i += 8) { // eight bytes at a time: any top bit set
            signs |= (long) LONGS.get(bytes, i);
        }
        for (; i < end; i++) {
            signs |= bytes[i];
        }
        return (signs & 0x8080_8080_8080_8080L) == 0;
    }
}
