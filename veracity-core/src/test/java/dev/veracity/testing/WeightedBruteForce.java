package dev.veracity.testing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The test oracle of TFDV's {@code weighted_*} statistics, computed the obvious way from plain rows and one weight
 * per row, sharing no code with the accumulators: every value of a row carries the row's weight; NaN values and
 * weight-0 values count for nothing; sums are exact ({@link BigDecimal}) and rounded once.
 */
public final class WeightedBruteForce {
    private static final MathContext CONTEXT = MathContext.DECIMAL128;

    private WeightedBruteForce() {}

    /** {@return the exact sum of the weights, rounded once: TFDV's {@code weighted_num_examples}} */
    public static double sum(double[] weights) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double w : weights) {
            sum = sum.add(new BigDecimal(w));
        }
        return sum.doubleValue();
    }

    /** TFDV's {@code WeightedCommonStatistics} of a feature. */
    public record Common(double numNonMissing, double numMissing, double avgNumValues, double totNumValues) {}

    /**
     * {@return the weighted presence of rows ({@code null} = missing, else {@code double[]} or {@code byte[][]})}
     *
     * @param weightedNumExamples the weight of all examples, rows absent from {@code rows} included
     */
    public static Common common(List<?> rows, double[] weights, double weightedNumExamples) {
        BigDecimal present = BigDecimal.ZERO;
        BigDecimal values = BigDecimal.ZERO;
        for (int r = 0; r < rows.size(); r++) {
            Object row = rows.get(r);
            if (row == null) {
                continue;
            }
            int n = row instanceof double[] d ? d.length : ((byte[][]) row).length;
            BigDecimal w = new BigDecimal(weights[r]);
            present = present.add(w);
            values = values.add(w.multiply(BigDecimal.valueOf(n)));
        }
        double nonMissing = present.doubleValue();
        return new Common(
                nonMissing,
                Math.max(
                        0, new BigDecimal(weightedNumExamples).subtract(present).doubleValue()),
                present.signum() == 0 ? 0 : values.divide(present, CONTEXT).doubleValue(),
                values.doubleValue());
    }

    /**
     * TFDV's exact {@code WeightedNumericStatistics} fields, and the weighted distribution for rank checks.
     *
     * @param sortedValues         values of positive weight that are not NaN, ascending
     * @param cumulativeWeights    per sorted value, the exact weight of it and all before it
     * @param totalWeight          the weight of values that are not NaN (TFDV's weighted number of values)
     * @param scale                largest finite |value| of positive weight (at least 1), the scale of rounding errors
     */
    public record Numeric(
            boolean hasValues,
            double mean,
            double stdDev,
            double[] sortedValues,
            double[] cumulativeWeights,
            double totalWeight,
            double negativeInfinityWeight,
            double finiteWeight,
            double positiveInfinityWeight,
            double scale) {

        /**
         * {@return how far {@code target} lies from the weighted rank interval of {@code value}}: 0 if
         * {@code W(< value) / W <= target <= W(<= value) / W}, which accounts for ties
         */
        public double rankDistance(double value, double target) {
            double total = cumulativeWeights[cumulativeWeights.length - 1];
            long below = BruteForceStatistics.countBelow(sortedValues, value);
            long upTo = BruteForceStatistics.countUpTo(sortedValues, value);
            double low = below == 0 ? 0 : cumulativeWeights[(int) below - 1] / total;
            double high = upTo == 0 ? 0 : cumulativeWeights[(int) upTo - 1] / total;
            return target < low ? low - target : target > high ? target - high : 0;
        }

        /** {@return the exact weight of values in (low, high], or [low, high] if {@code closed}} */
        public double weightBetween(double low, double high, boolean closed) {
            long from = closed
                    ? BruteForceStatistics.countBelow(sortedValues, low)
                    : BruteForceStatistics.countUpTo(sortedValues, low);
            long to = BruteForceStatistics.countUpTo(sortedValues, high);
            double upper = to == 0 ? 0 : cumulativeWeights[(int) to - 1];
            double lower = from == 0 ? 0 : cumulativeWeights[(int) from - 1];
            return Math.max(0, upper - lower);
        }
    }

    public static Numeric numeric(List<double[]> rows, double[] weights) {
        List<double[]> pairs = new ArrayList<>(); // {value, weight}
        boolean hasValues = false;
        BigDecimal finite = BigDecimal.ZERO;
        BigDecimal weightedSum = BigDecimal.ZERO;
        BigDecimal negInf = BigDecimal.ZERO;
        BigDecimal posInf = BigDecimal.ZERO;
        double scale = 1;
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            if (row == null) {
                continue;
            }
            for (double v : row) {
                if (Double.isNaN(v)) {
                    continue;
                }
                hasValues = true;
                double w = weights[r];
                if (w == 0) {
                    continue;
                }
                pairs.add(new double[] {v, w});
                BigDecimal bw = new BigDecimal(w);
                if (v == Double.POSITIVE_INFINITY) {
                    posInf = posInf.add(bw);
                } else if (v == Double.NEGATIVE_INFINITY) {
                    negInf = negInf.add(bw);
                } else {
                    finite = finite.add(bw);
                    weightedSum = weightedSum.add(bw.multiply(new BigDecimal(v)));
                    scale = Math.max(scale, Math.abs(v));
                }
            }
        }
        double mean;
        double stdDev;
        if (posInf.signum() > 0 && negInf.signum() > 0) {
            mean = Double.NaN;
            stdDev = Double.NaN;
        } else if (posInf.signum() > 0) {
            mean = Double.POSITIVE_INFINITY;
            stdDev = Double.NaN;
        } else if (negInf.signum() > 0) {
            mean = Double.NEGATIVE_INFINITY;
            stdDev = Double.NaN;
        } else if (finite.signum() == 0) {
            mean = 0;
            stdDev = 0;
        } else {
            BigDecimal exactMean = weightedSum.divide(finite, CONTEXT);
            BigDecimal squares = BigDecimal.ZERO;
            for (double[] pair : pairs) {
                BigDecimal d = new BigDecimal(pair[0]).subtract(exactMean);
                squares = squares.add(new BigDecimal(pair[1]).multiply(d.multiply(d, CONTEXT), CONTEXT), CONTEXT);
            }
            mean = exactMean.doubleValue();
            stdDev = Math.sqrt(squares.divide(finite, CONTEXT).doubleValue());
        }
        pairs.sort(Comparator.comparingDouble(p -> p[0]));
        double[] sorted = new double[pairs.size()];
        double[] cumulative = new double[pairs.size()];
        BigDecimal running = BigDecimal.ZERO;
        for (int i = 0; i < pairs.size(); i++) {
            sorted[i] = pairs.get(i)[0];
            running = running.add(new BigDecimal(pairs.get(i)[1]));
            cumulative[i] = running.doubleValue();
        }
        return new Numeric(
                hasValues,
                mean,
                stdDev,
                sorted,
                cumulative,
                running.doubleValue(),
                negInf.doubleValue(),
                finite.doubleValue(),
                posInf.doubleValue(),
                scale);
    }

    /** A value's label and the exact sum of the weights of its occurrences. */
    public record LabelWeight(String label, double weight) {}

    /**
     * {@return every distinct value with its sum of weights, weight descending then bytes descending (unsigned),
     * labelled as TFDV does}
     */
    public static List<LabelWeight> ranked(List<byte[][]> rows, double[] weights) {
        Map<String, BigDecimal> sums = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            byte[][] row = rows.get(r);
            if (row == null) {
                continue;
            }
            for (byte[] value : row) {
                sums.merge(new String(value, StandardCharsets.ISO_8859_1), new BigDecimal(weights[r]), BigDecimal::add);
            }
        }
        List<Map.Entry<String, BigDecimal>> entries = new ArrayList<>(sums.entrySet());
        entries.sort(Comparator.<Map.Entry<String, BigDecimal>, BigDecimal>comparing(Map.Entry::getValue)
                .reversed()
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()));
        List<LabelWeight> ranked = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> e : entries) {
            ranked.add(new LabelWeight(
                    BruteForceStatistics.label(e.getKey().getBytes(StandardCharsets.ISO_8859_1)),
                    e.getValue().doubleValue()));
        }
        return ranked;
    }

    /** {@return the sums of weights by label, invalid UTF-8 values all under one label, as a sketch counts them} */
    public static Map<String, Double> byLabel(List<byte[][]> rows, double[] weights) {
        Map<String, BigDecimal> sums = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            byte[][] row = rows.get(r);
            if (row == null) {
                continue;
            }
            for (byte[] value : row) {
                sums.merge(BruteForceStatistics.label(value), new BigDecimal(weights[r]), BigDecimal::add);
            }
        }
        Map<String, Double> result = new HashMap<>();
        sums.forEach((label, sum) -> result.put(label, sum.doubleValue()));
        return result;
    }

    /** {@return {@code ranked} without sums below {@code threshold}} */
    public static List<LabelWeight> atLeast(List<LabelWeight> ranked, double threshold) {
        return ranked.stream().filter(v -> v.weight() >= threshold).toList();
    }
}
