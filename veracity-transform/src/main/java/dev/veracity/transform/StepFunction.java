package dev.veracity.transform;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.FeatureType;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One step with its constants frozen: the function of a row's inputs that both the batch and the serving path
 * call, so their outputs are the same values by construction.
 */
final class StepFunction {
    private final Step step;
    private final Constants constants;
    private final FeatureType inputType;
    private final double[] boundaries;
    private final Map<String, Integer> index;
    private final AsciiIndex asciiIndex;
    private final double imputeNumber;
    private final double[] idf;

    /** @param inputType the type of the (first) input column in the analyzed data */
    StepFunction(Step step, Constants constants, FeatureType inputType) {
        this.step = step;
        this.constants = constants;
        this.inputType = inputType;
        List<Double> b = step.op() == Op.APPLY_BUCKETS ? step.parameters().boundaries() : constants.boundaries();
        this.boundaries = b.stream().mapToDouble(Double::doubleValue).toArray();
        this.index = new HashMap<>();
        for (int i = 0; i < constants.vocabulary().size(); i++) {
            index.put(constants.vocabulary().get(i), i);
        }
        this.asciiIndex = step.op() == Op.COMPUTE_AND_APPLY_VOCABULARY ? new AsciiIndex(constants.vocabulary()) : null;
        this.imputeNumber = imputesNumber() ? imputeNumber(step, constants) : Double.NaN;
        this.idf = new double[constants.documentFrequencies().size()];
        for (int i = 0; i < idf.length; i++) {
            double df = constants.documentFrequencies().get(i);
            double n = constants.documents();
            idf[i] = step.parameters().smooth() ? 1 + Math.log((n + 1) / (df + 1)) : 1 + Math.log(n / df);
        }
    }

    private static double imputeNumber(Step step, Constants constants) {
        String text = step.parameters().impute() == Parameters.Impute.CONSTANT
                ? step.parameters().imputeValue()
                : constants.impute();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InputException(
                    ErrorCode.CONFIG_FILE_INVALID,
                    step.where() + ": expected a number to impute into the numeric column " + step.input()
                            + ", found \"" + text + "\"");
        }
    }

    Step step() {
        return step;
    }

    Constants constants() {
        return constants;
    }

    /** {@return whether impute writes numbers (its input is numeric)} */
    boolean imputesNumber() {
        return step.op() == Op.IMPUTE && inputType != FeatureType.STRING;
    }

    /** {@return the type of each output column} */
    List<FeatureType> outputTypes() {
        return switch (step.op()) {
            case SCALE_TO_Z_SCORE, SCALE_TO_0_1, SCALE_BY_MIN_MAX, LOG1P, CLIP, CYCLIC -> List.of(FeatureType.FLOAT);
            case IMPUTE -> List.of(imputesNumber() ? FeatureType.FLOAT : FeatureType.STRING);
            case BUCKETIZE,
                    APPLY_BUCKETS,
                    COMPUTE_AND_APPLY_VOCABULARY,
                    HASH_STRINGS,
                    ONE_HOT,
                    CROSS,
                    HOUR,
                    DAY_OF_WEEK,
                    MONTH -> List.of(FeatureType.INT);
            case NGRAMS, BAG_OF_WORDS -> List.of(FeatureType.STRING);
            case TFIDF -> List.of(FeatureType.INT, FeatureType.FLOAT);
        };
    }

    /** {@return the number of vocabulary entries plus OOV buckets} */
    long vocabularySize() {
        return constants.vocabulary().size() + (long) step.parameters().numOovBuckets();
    }

    /** Writes the step's output for the row to {@code out} (and tfidf's weights to {@code weights}). */
    void apply(RowValues row, Sink out, Sink weights) {
        Parameters p = step.parameters();
        if (step.op() == Op.IMPUTE) {
            impute(row, out);
            return;
        }
        if (step.op() == Op.CROSS) {
            cross(row, out);
            return;
        }
        if (!row.present(0)) {
            out.missing();
            if (weights != null) {
                weights.missing();
            }
            return;
        }
        int count = row.count(0);
        switch (step.op()) {
            case SCALE_TO_Z_SCORE, SCALE_TO_0_1, SCALE_BY_MIN_MAX, LOG1P, CLIP -> {
                out.start();
                for (int i = 0; i < count; i++) {
                    out.addFloat(scale(row.number(0, i)));
                }
                out.end();
            }
            case BUCKETIZE, APPLY_BUCKETS -> {
                out.start();
                for (int i = 0; i < count; i++) {
                    out.addInt(bucket(row, row.number(0, i)));
                }
                out.end();
            }
            case COMPUTE_AND_APPLY_VOCABULARY -> {
                out.start();
                for (int i = 0; i < count; i++) {
                    out.addInt(lookup(row.text(0, i)));
                }
                out.end();
            }
            case HASH_STRINGS -> {
                out.start();
                for (int i = 0; i < count; i++) {
                    out.addInt(Text.bucket(row.text(0, i), p.hashBuckets()));
                }
                out.end();
            }
            case ONE_HOT -> {
                long[] hot = new long[Math.toIntExact(vocabularySize())];
                for (int i = 0; i < count; i++) {
                    long at = lookup(row.text(0, i));
                    if (at >= 0) {
                        hot[(int) at] = 1;
                    }
                }
                out.start();
                for (long h : hot) {
                    out.addInt(h);
                }
                out.end();
            }
            case NGRAMS, BAG_OF_WORDS -> {
                List<String> grams = Text.rowNgrams(row, 0, p);
                out.start();
                for (String gram : step.op() == Op.NGRAMS ? grams : Text.distinct(grams)) {
                    out.addString(gram);
                }
                out.end();
            }
            case TFIDF -> tfidf(row, out, weights);
            case HOUR, DAY_OF_WEEK, MONTH, CYCLIC -> {
                out.start();
                for (int i = 0; i < count; i++) {
                    LocalDateTime time = TimeParts.of(row, 0, i, p.epochUnit(), step.input());
                    if (step.op() == Op.HOUR) {
                        out.addInt(time.getHour());
                    } else if (step.op() == Op.DAY_OF_WEEK) {
                        out.addInt(time.getDayOfWeek().getValue() - 1L);
                    } else if (step.op() == Op.MONTH) {
                        out.addInt(time.getMonthValue());
                    } else {
                        double angle = 2 * Math.PI * TimeParts.fraction(time, p.part());
                        out.addFloat(p.cosine() ? Math.cos(angle) : Math.sin(angle));
                    }
                }
                out.end();
            }
            case IMPUTE, CROSS -> throw new IllegalStateException("handled above");
        }
    }

    /** {@return the scaling ops' value of x} */
    double scale(double x) {
        Parameters p = step.parameters();
        return switch (step.op()) {
            case SCALE_TO_Z_SCORE -> {
                double mean = constants.count() == 0 ? 0 : constants.mean();
                double centered = x - mean;
                yield constants.stdDev() > 0 ? centered / constants.stdDev() : centered;
            }
            case SCALE_TO_0_1 -> minMax(x, 0, 1);
            case SCALE_BY_MIN_MAX -> minMax(x, p.outputMin(), p.outputMax());
            case LOG1P -> Math.log1p(x);
            case CLIP -> Double.isNaN(x) ? x : Math.min(p.clipMax(), Math.max(p.clipMin(), x));
            case IMPUTE,
                    BUCKETIZE,
                    APPLY_BUCKETS,
                    COMPUTE_AND_APPLY_VOCABULARY,
                    HASH_STRINGS,
                    ONE_HOT,
                    CROSS,
                    NGRAMS,
                    BAG_OF_WORDS,
                    TFIDF,
                    HOUR,
                    DAY_OF_WEEK,
                    MONTH,
                    CYCLIC -> throw new IllegalStateException(step.op() + " is not a scaling op");
        };
    }

    /** {@return the inverse of the scaling op at y, where the op has one} */
    double inverse(double y) {
        Parameters p = step.parameters();
        return switch (step.op()) {
            case SCALE_TO_Z_SCORE -> {
                double mean = constants.count() == 0 ? 0 : constants.mean();
                yield (constants.stdDev() > 0 ? y * constants.stdDev() : y) + mean;
            }
            case SCALE_TO_0_1 -> inverseMinMax(y, 0, 1);
            case SCALE_BY_MIN_MAX -> inverseMinMax(y, p.outputMin(), p.outputMax());
            case LOG1P -> Math.expm1(y);
            case CLIP,
                    IMPUTE,
                    BUCKETIZE,
                    APPLY_BUCKETS,
                    COMPUTE_AND_APPLY_VOCABULARY,
                    HASH_STRINGS,
                    ONE_HOT,
                    CROSS,
                    NGRAMS,
                    BAG_OF_WORDS,
                    TFIDF,
                    HOUR,
                    DAY_OF_WEEK,
                    MONTH,
                    CYCLIC -> throw new IllegalStateException(step.op() + " has no inverse");
        };
    }

    private double minMax(double x, double outMin, double outMax) {
        double scaled = constants.min() < constants.max()
                ? (x - constants.min()) / (constants.max() - constants.min())
                : 1 / (1 + Math.exp(-x));
        return scaled * (outMax - outMin) + outMin;
    }

    private double inverseMinMax(double y, double outMin, double outMax) {
        double scaled = (y - outMin) / (outMax - outMin);
        return constants.min() < constants.max()
                ? scaled * (constants.max() - constants.min()) + constants.min()
                : Math.log(scaled / (1 - scaled));
    }

    private long bucket(RowValues row, double x) {
        if (Double.isNaN(x)) {
            throw new InputException(
                    ErrorCode.TRANSFORM_VALUE_INVALID,
                    row.where() + ", column " + step.input() + ": expected a number to bucketize, found NaN");
        }
        return bucket(x);
    }

    /** {@return the bucket of x, not NaN} */
    long bucket(double x) {
        int at = Arrays.binarySearch(boundaries, x);
        // The number of boundaries <= x: a value equal to a boundary is in the bucket above it (tf.raw_ops.Bucketize).
        return at >= 0 ? at + 1 : -at - 1;
    }

    /** {@return the number of buckets: one more than the boundaries} */
    int bucketCount() {
        return boundaries.length + 1;
    }

    /** {@return the interval {@code [lower, upper)} of bucket {@code b}} */
    double[] interval(long b) {
        double lower = b == 0 ? Double.NEGATIVE_INFINITY : boundaries[(int) b - 1];
        double upper = b == boundaries.length ? Double.POSITIVE_INFINITY : boundaries[(int) b];
        return new double[] {lower, upper};
    }

    /** {@return the vocabulary's ASCII entries by bytes (compute_and_apply_vocabulary only, else null)} */
    AsciiIndex asciiIndex() {
        return asciiIndex;
    }

    long lookup(String value) {
        Integer at = index.get(value);
        if (at != null) {
            return at;
        }
        int oov = step.parameters().numOovBuckets();
        return oov > 0
                ? constants.vocabulary().size() + Text.bucket(value, oov)
                : step.parameters().defaultValue();
    }

    private void impute(RowValues row, Sink out) {
        int count = row.count(0);
        out.start();
        if (count == 0) {
            if (imputesNumber()) {
                out.addFloat(imputeNumber);
            } else {
                out.addString(imputeText());
            }
        }
        for (int i = 0; i < count; i++) {
            if (imputesNumber()) {
                double x = row.number(0, i);
                out.addFloat(Double.isNaN(x) ? imputeNumber : x);
            } else {
                out.addString(row.text(0, i));
            }
        }
        out.end();
    }

    private String imputeText() {
        return step.parameters().impute() == Parameters.Impute.CONSTANT
                ? step.parameters().imputeValue()
                : constants.impute();
    }

    private void cross(RowValues row, Sink out) {
        int inputs = step.inputs().size();
        for (int k = 0; k < inputs; k++) {
            if (!row.present(k)) {
                out.missing();
                return;
            }
        }
        int[] at = new int[inputs];
        out.start();
        for (int k = 0; k < inputs; k++) {
            if (row.count(k) == 0) {
                out.end();
                return;
            }
        }
        StringBuilder key = new StringBuilder();
        while (true) {
            key.setLength(0);
            for (int k = 0; k < inputs; k++) {
                if (k > 0) {
                    key.append("_X_");
                }
                key.append(row.text(k, at[k]));
            }
            out.addInt(Text.bucket(key.toString(), step.parameters().hashBuckets()));
            int k = inputs - 1;
            while (k >= 0 && ++at[k] == row.count(k)) {
                at[k] = 0;
                k--;
            }
            if (k < 0) {
                break;
            }
        }
        out.end();
    }

    private void tfidf(RowValues row, Sink indices, Sink weights) {
        List<String> grams = Text.rowNgrams(row, 0, step.parameters());
        TreeMap<Integer, Integer> termCounts = new TreeMap<>();
        for (String gram : grams) {
            Integer at = index.get(gram);
            if (at != null) {
                termCounts.merge(at, 1, Integer::sum);
            }
        }
        indices.start();
        weights.start();
        for (Map.Entry<Integer, Integer> term : termCounts.entrySet()) {
            double tf = (double) term.getValue() / grams.size();
            indices.addInt(term.getKey());
            weights.addFloat(tf * idf[term.getKey()]);
        }
        indices.end();
        weights.end();
    }
}
