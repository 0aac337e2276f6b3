package dev.veracity.stats;

import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.Histogram;
import dev.veracity.proto.NumericStatistics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Outlier counts per numeric feature, written as TFDV custom statistics so that checks, history and comparisons read
 * them like any statistic. Computed in two more passes over the data, after the statistics:
 *
 * <ul>
 *   <li><b>Tukey's fences</b>: {@value #TUKEY_1_5} and {@value #TUKEY_3} count the values below
 *       {@code Q1 - c IQR} or above {@code Q3 + c IQR} (c = 1.5, 3), exactly, with Q1 and Q3 read off the statistics'
 *       {@code QUANTILES} histogram by {@link #quantile} (the edge at rank i/k of k equal-mass buckets, linear
 *       between edges: with TFDV's 10 buckets, Q1 lies halfway between the 0.2 and 0.3 edges); the edges are the
 *       KLL sketch's, so Q1 and Q3 are within its rank error;
 *   <li><b>robust z-scores</b>: {@value #ROBUST_Z} counts the values with {@code 0.6745 |x - M| / MAD > k}
 *       (Iglewicz and Hoaglin's modified z-score; k = 3.5 by default), M the statistics' median, MAD the median of
 *       {@code |x - M|} from a seeded KLL sketch (k = 200) filled in the first pass, so MAD is the deviation at a
 *       rank within {@link KllQuantiles#normalizedRankError()} (about 1.3%, 99% bound) of one half; the count
 *       itself is exact for that MAD (second pass). A MAD of 0 leaves the robust z count out (every value off the
 *       median would be an outlier).
 * </ul>
 * NaN is not a value here (as in TFDV's numeric statistics); weights are not applied; features whose statistics
 * hide their values (PII) or have no quantiles get nothing. The MAD and k are written beside the counts
 * ({@value #MAD}, {@value #ROBUST_Z_K}).
 *
 * <pre>{@code
 * OutlierStatistics outliers = OutlierStatistics.plan(dataset, 3.5);
 * for (RecordBatch b : batches) outliers.addFirstPass(b);  outliers.endFirstPass();
 * for (RecordBatch b : batches) outliers.addSecondPass(b);  dataset = outliers.write(dataset);
 * }</pre>
 */
public final class OutlierStatistics {
    /** Values outside Tukey's inner fences, 1.5 IQR beyond the quartiles. */
    public static final String TUKEY_1_5 = "outliers_tukey_1_5";
    /** Values outside Tukey's outer fences, 3 IQR beyond the quartiles. */
    public static final String TUKEY_3 = "outliers_tukey_3";
    /** Values whose modified z-score {@code 0.6745 |x - median| / MAD} exceeds k. */
    public static final String ROBUST_Z = "outliers_robust_z";
    /** The median absolute deviation the robust z-scores used. */
    public static final String MAD = "outliers_mad";
    /** The k of the robust z-score count. */
    public static final String ROBUST_Z_K = "outliers_robust_z_k";
    /** Iglewicz and Hoaglin's threshold for the modified z-score. */
    public static final double DEFAULT_K = 3.5;
    /** The KLL parameter of the deviations' sketch. */
    static final int SKETCH_K = 200;

    private final double k;
    private final Map<String, Feature> features;
    private boolean secondPass;

    private OutlierStatistics(double k, Map<String, Feature> features) {
        this.k = k;
        this.features = features;
    }

    /**
     * {@return the counts to take for the numeric features of {@code dataset}, fences from its statistics}
     *
     * @throws IllegalArgumentException if k is not positive and finite
     */
    public static OutlierStatistics plan(DatasetFeatureStatistics dataset, double k) {
        if (!(k > 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("k must be a positive number: " + k);
        }
        Map<String, Feature> features = new LinkedHashMap<>();
        for (FeatureNameStatistics feature : dataset.getFeaturesList()) {
            String name = feature.hasPath() && feature.getPath().getStepCount() == 1
                    ? feature.getPath().getStep(0)
                    : feature.getName();
            boolean hidden = feature.getCustomStatsList().stream()
                    .anyMatch(c -> c.getName().equals(PiiProtection.CUSTOM_STAT));
            if (!feature.hasNumStats()
                    || hidden
                    || (feature.hasPath() && feature.getPath().getStepCount() > 1)) {
                continue;
            }
            NumericStatistics numeric = feature.getNumStats();
            Optional<Double> q1 = quantile(numeric, 0.25);
            Optional<Double> q3 = quantile(numeric, 0.75);
            if (q1.isEmpty() || q3.isEmpty() || numeric.getCommonStats().getTotNumValues() == 0) {
                continue;
            }
            features.put(name, new Feature(q1.get(), q3.get(), numeric.getMedian()));
        }
        return new OutlierStatistics(k, features);
    }

    /**
     * {@return the {@code q}-quantile read off the {@code QUANTILES} histogram}: the edge at rank i/k of its k
     * equal-mass buckets, linear between edges; empty without such a histogram
     */
    public static Optional<Double> quantile(NumericStatistics numeric, double q) {
        Optional<Histogram> histogram = numeric.getHistogramsList().stream()
                .filter(h -> h.getType() == Histogram.HistogramType.QUANTILES && h.getBucketsCount() > 0)
                .findFirst();
        if (histogram.isEmpty()) {
            return Optional.empty();
        }
        Histogram h = histogram.get();
        int k = h.getBucketsCount();
        double position = q * k;
        int i = (int) Math.floor(position);
        if (i >= k) {
            return Optional.of(h.getBuckets(k - 1).getHighValue());
        }
        Histogram.Bucket bucket = h.getBuckets(i);
        double t = position - i;
        return Optional.of(
                t == 0
                        ? bucket.getLowValue()
                        : bucket.getLowValue() + t * (bucket.getHighValue() - bucket.getLowValue()));
    }

    /** Counts the values of a batch outside the fences and sketches their deviations from the median. */
    public void addFirstPass(RecordBatch batch) {
        if (secondPass) {
            throw new IllegalStateException("the first pass has ended");
        }
        for (Column column : batch.columns()) {
            Feature feature = features.get(column.name());
            if (feature == null) {
                continue;
            }
            int values = column.rowOffsets()[column.rowCount()];
            if (column instanceof FloatColumn f) {
                for (int i = 0; i < values; i++) {
                    feature.first(f.values()[i]);
                }
            } else if (column instanceof IntColumn n) {
                for (int i = 0; i < values; i++) {
                    feature.first(n.values()[i]);
                }
            } // a string column is not numeric in this read: nothing to count
        }
    }

    /** Ends the first pass: the MAD of each feature is known. */
    public void endFirstPass() {
        secondPass = true;
        features.values().forEach(Feature::endFirst);
    }

    /** Counts the values of a batch beyond k robust z-scores. */
    public void addSecondPass(RecordBatch batch) {
        if (!secondPass) {
            throw new IllegalStateException("call endFirstPass() first");
        }
        for (Column column : batch.columns()) {
            Feature feature = features.get(column.name());
            if (feature == null || !(feature.mad > 0)) {
                continue;
            }
            int values = column.rowOffsets()[column.rowCount()];
            double limit = k * feature.mad / 0.6745;
            if (column instanceof FloatColumn f) {
                for (int i = 0; i < values; i++) {
                    feature.second(f.values()[i], limit);
                }
            } else if (column instanceof IntColumn n) {
                for (int i = 0; i < values; i++) {
                    feature.second(n.values()[i], limit);
                }
            }
        }
    }

    /** {@return the dataset with the counts as custom statistics of its features (replacing earlier ones)} */
    public DatasetFeatureStatistics write(DatasetFeatureStatistics dataset) {
        DatasetFeatureStatistics.Builder builder = dataset.toBuilder();
        for (FeatureNameStatistics.Builder feature : builder.getFeaturesBuilderList()) {
            String name = feature.hasPath() && feature.getPath().getStepCount() == 1
                    ? feature.getPath().getStep(0)
                    : feature.getName();
            Feature counts = features.get(name);
            if (counts == null || feature.hasPath() && feature.getPath().getStepCount() > 1) {
                continue;
            }
            java.util.List<CustomStatistic> kept = feature.getCustomStatsList().stream()
                    .filter(c -> !c.getName().startsWith("outliers_"))
                    .toList();
            feature.clearCustomStats().addAllCustomStats(kept);
            feature.addCustomStats(custom(TUKEY_1_5, counts.tukey15));
            feature.addCustomStats(custom(TUKEY_3, counts.tukey3));
            feature.addCustomStats(custom(MAD, counts.mad));
            if (counts.mad > 0) {
                feature.addCustomStats(custom(ROBUST_Z, counts.robust));
                feature.addCustomStats(custom(ROBUST_Z_K, k));
            }
        }
        return builder.build();
    }

    /** {@return how many features get counts} */
    public int featureCount() {
        return features.size();
    }

    private static CustomStatistic custom(String name, double value) {
        return CustomStatistic.newBuilder().setName(name).setNum(value).build();
    }

    /** The fences and counts of one feature. */
    private static final class Feature {
        private final double low15;
        private final double high15;
        private final double low3;
        private final double high3;
        private final double median;
        private final KllQuantiles deviations = new KllQuantiles(SKETCH_K);
        private long tukey15;
        private long tukey3;
        private long robust;
        private double mad = Double.NaN;

        Feature(double q1, double q3, double median) {
            double iqr = q3 - q1;
            this.low15 = q1 - 1.5 * iqr;
            this.high15 = q3 + 1.5 * iqr;
            this.low3 = q1 - 3 * iqr;
            this.high3 = q3 + 3 * iqr;
            this.median = median;
        }

        void first(double x) {
            if (Double.isNaN(x)) {
                return;
            }
            if (x < low15 || x > high15) {
                tukey15++;
                if (x < low3 || x > high3) {
                    tukey3++;
                }
            }
            deviations.update(Math.abs(x - median));
        }

        void endFirst() {
            mad = deviations.isEmpty() ? 0 : deviations.quantile(0.5);
        }

        void second(double x, double limit) {
            if (Math.abs(x - median) > limit) { // false for NaN
                robust++;
            }
        }
    }
}
