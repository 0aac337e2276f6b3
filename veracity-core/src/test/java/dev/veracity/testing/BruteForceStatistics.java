package dev.veracity.testing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The test oracle: TFDV's exact statistics computed the obvious way from plain lists of rows, sharing no code with
 * the accumulators. A row is {@code null} (missing) or an array of values (possibly empty, which is present).
 * Sums are exact ({@link BigDecimal}); UTF-8 validity is the JDK's strict decoder; sorting uses Latin-1 strings,
 * whose char order is the unsigned byte order.
 */
public final class BruteForceStatistics {
    public static final String BYTES_VALUE_LABEL = "__BYTES_VALUE__";

    private BruteForceStatistics() {}

    /** TFDV's {@code CommonStatistics}, plus the sorted value counts of present rows for rank checks. */
    public record Common(
            long numNonMissing,
            long numMissing,
            long minNumValues,
            long maxNumValues,
            float avgNumValues,
            long totNumValues,
            double[] sortedValueCounts) {}

    /**
     * TFDV's exact {@code NumericStatistics} fields, plus the sorted non-NaN values for rank checks.
     *
     * @param count      values that are not NaN (finite or infinite)
     * @param finiteMin  smallest finite value, +infinity if none
     * @param finiteMax  largest finite value, -infinity if none
     * @param scale      largest finite |value| (at least 1), the scale of rounding errors in sums
     */
    public record Numeric(
            Common common,
            long count,
            long numNan,
            long numZeros,
            long finiteCount,
            long negativeInfinityCount,
            long positiveInfinityCount,
            double mean,
            double stdDev,
            double min,
            double max,
            double finiteMin,
            double finiteMax,
            double scale,
            double[] sortedValues) {}

    /** A top value or rank histogram entry: its label and count. */
    public record LabelCount(String label, long count) {}

    /**
     * TFDV's exact {@code StringStatistics} fields.
     *
     * @param ranked every distinct value, count descending then bytes descending (unsigned), labelled
     */
    public record Strings(
            Common common,
            long valueCount,
            long unique,
            List<LabelCount> ranked,
            float avgLength,
            long invalidUtf8Count) {}

    public static Common common(List<?> rows, long numExamples) {
        long present = 0;
        long total = 0;
        long min = Long.MAX_VALUE;
        long max = 0;
        List<Double> counts = new ArrayList<>();
        for (Object row : rows) {
            if (row == null) {
                continue;
            }
            int n = row instanceof double[] d ? d.length : ((byte[][]) row).length;
            present++;
            total += n;
            min = Math.min(min, n);
            max = Math.max(max, n);
            counts.add((double) n);
        }
        double[] sorted =
                counts.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Common(
                present,
                numExamples - present,
                present == 0 ? 0 : min,
                max,
                present == 0 ? 0f : (float) ((double) total / present),
                total,
                sorted);
    }

    public static Numeric numeric(List<double[]> rows) {
        return numeric(rows, rows.size());
    }

    public static Numeric numeric(List<double[]> rows, long numExamples) {
        List<Double> nonNan = new ArrayList<>();
        long nan = 0;
        long zeros = 0;
        long negInf = 0;
        long posInf = 0;
        double finiteMin = Double.POSITIVE_INFINITY;
        double finiteMax = Double.NEGATIVE_INFINITY;
        double scale = 1;
        BigDecimal sum = BigDecimal.ZERO;
        List<Double> finite = new ArrayList<>();
        for (double[] row : rows) {
            if (row == null) {
                continue;
            }
            for (double v : row) {
                if (Double.isNaN(v)) {
                    nan++;
                    continue;
                }
                nonNan.add(v);
                if (v == 0) {
                    zeros++;
                }
                if (v == Double.NEGATIVE_INFINITY) {
                    negInf++;
                } else if (v == Double.POSITIVE_INFINITY) {
                    posInf++;
                } else {
                    finite.add(v);
                    sum = sum.add(new BigDecimal(v));
                    finiteMin = Math.min(finiteMin, v);
                    finiteMax = Math.max(finiteMax, v);
                    scale = Math.max(scale, Math.abs(v));
                }
            }
        }
        double mean;
        double stdDev;
        if (negInf > 0 && posInf > 0) {
            mean = Double.NaN;
            stdDev = Double.NaN;
        } else if (posInf > 0) {
            mean = Double.POSITIVE_INFINITY;
            stdDev = Double.NaN;
        } else if (negInf > 0) {
            mean = Double.NEGATIVE_INFINITY;
            stdDev = Double.NaN;
        } else if (finite.isEmpty()) {
            mean = Double.NaN;
            stdDev = Double.NaN;
        } else {
            MathContext context = MathContext.DECIMAL128;
            BigDecimal n = BigDecimal.valueOf(finite.size());
            BigDecimal exactMean = sum.divide(n, context);
            BigDecimal squares = BigDecimal.ZERO;
            for (double v : finite) {
                BigDecimal d = new BigDecimal(v).subtract(exactMean);
                squares = squares.add(d.multiply(d, context), context);
            }
            mean = exactMean.doubleValue();
            stdDev = Math.sqrt(squares.divide(n, context).doubleValue());
        }
        double[] sorted =
                nonNan.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double min = sorted.length == 0 ? Double.NaN : sorted[0];
        double max = sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
        return new Numeric(
                common(rows, numExamples),
                sorted.length,
                nan,
                zeros,
                finite.size(),
                negInf,
                posInf,
                mean,
                stdDev,
                min,
                max,
                finiteMin,
                finiteMax,
                scale,
                sorted);
    }

    public static Strings strings(List<byte[][]> rows) {
        return strings(rows, rows.size());
    }

    public static Strings strings(List<byte[][]> rows, long numExamples) {
        Map<String, Long> counts = new HashMap<>();
        long values = 0;
        long bytes = 0;
        long invalid = 0;
        for (byte[][] row : rows) {
            if (row == null) {
                continue;
            }
            for (byte[] value : row) {
                values++;
                bytes += value.length;
                if (!isValidUtf8(value)) {
                    invalid++;
                }
                counts.merge(new String(value, StandardCharsets.ISO_8859_1), 1L, Long::sum);
            }
        }
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                .reversed()
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()));
        List<LabelCount> ranked = new ArrayList<>();
        for (Map.Entry<String, Long> e : entries) {
            ranked.add(new LabelCount(label(e.getKey().getBytes(StandardCharsets.ISO_8859_1)), e.getValue()));
        }
        return new Strings(
                common(rows, numExamples),
                values,
                counts.size(),
                ranked,
                values == 0 ? 0f : (float) ((double) bytes / values),
                invalid);
    }

    /** {@return TFDV's label of a value: its text, or {@value #BYTES_VALUE_LABEL} if it is not UTF-8} */
    public static String label(byte[] value) {
        return isValidUtf8(value) ? new String(value, StandardCharsets.UTF_8) : BYTES_VALUE_LABEL;
    }

    public static boolean isValidUtf8(byte[] value) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * {@return how far {@code target} lies from the exact normalized rank interval of {@code value} in {@code sorted}}:
     * 0 if {@code (#values < value) / N <= target <= (#values <= value) / N}, which accounts for ties.
     */
    public static double rankDistance(double[] sorted, double value, double target) {
        double n = sorted.length;
        double below = countBelow(sorted, value) / n;
        double upTo = countUpTo(sorted, value) / n;
        return target < below ? below - target : target > upTo ? target - upTo : 0;
    }

    /** {@return the number of values in {@code sorted} strictly below {@code value}} */
    public static long countBelow(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** {@return the number of values in {@code sorted} at most {@code value}} */
    public static long countUpTo(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
