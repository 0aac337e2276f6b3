package dev.veracity.selection;

import dev.veracity.data.Column;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.ValueText;
import dev.veracity.proto.CrossFeatureStatistics;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeaturePaths;
import dev.veracity.proto.LiftSeries;
import dev.veracity.proto.RankHistogram;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * TFDV's lift of categorical features against a categorical label ({@code LiftStatsGenerator}): for a feature value x
 * and a label value y, lift = P(y | x) / P(y) = (examples with x and y / examples with x) / (examples with y / all
 * examples), where "with x" means x is among the example's values (a set per example). Every (x, y) pair of values
 * that occur is reported, 0 where they never occur together. Counts only, in one pass with the scores. A
 * feature with more than {@value #MAX_VALUES} distinct values is given up (an identifier would fill memory).
 *
 * <pre>{@code
 * LiftAccumulator lift = new LiftAccumulator(0);
 * SelectionReport report = selector.select(files, lift);
 * DatasetFeatureStatistics withLift = lift.addTo(statistics.getDatasets(0));
 * }</pre>
 */
public final class LiftAccumulator {
    /** A feature with more distinct values than this gets no lift. */
    public static final int MAX_VALUES = 10_000;

    private final int topK;
    private String label = "";
    private boolean labelIsInt;
    private long examples;
    private final Map<String, long[]> labelCounts = new HashMap<>();
    private final Map<String, FeatureCounts> features = new LinkedHashMap<>();

    /** @param topK how many x values per y to write, by lift; 0 for all (TFDV's default) */
    public LiftAccumulator(int topK) {
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be at least 0: " + topK);
        }
        this.topK = topK;
    }

    /** Names the label (Y) and says whether its values are integers (written as {@code y_int}). */
    void label(String name, boolean isInt) {
        this.label = Objects.requireNonNull(name, "name is null");
        this.labelIsInt = isInt;
    }

    /** Counts one example and its label value, null when the label is missing. */
    public void addExample(String y) {
        examples++;
        if (y != null) {
            labelCounts.computeIfAbsent(y, k -> new long[1])[0]++;
        }
    }

    /**
     * Counts one distinct value x of a feature in one example, with the example's label value (null when missing).
     *
     * @param isInt whether the feature's values are integers (written as {@code x_int})
     */
    public void addValue(String feature, boolean isInt, String x, String y) {
        FeatureCounts counts = features.computeIfAbsent(feature, f -> new FeatureCounts(isInt));
        if (counts.abandoned) {
            return;
        }
        long[] c = counts.values.get(x);
        if (c == null) {
            if (counts.values.size() >= MAX_VALUES) {
                counts.abandoned = true;
                counts.values.clear();
                counts.pairs.clear();
                return;
            }
            c = new long[1];
            counts.values.put(x, c);
        }
        c[0]++;
        if (y != null) {
            counts.pairs.computeIfAbsent(x, k -> new HashMap<>()).computeIfAbsent(y, k -> new long[1])[0]++;
        }
    }

    /**
     * Counts every row of a batch, labelled or not: its label class (null when {@code labelled} is false) and the
     * distinct values of each categorical feature (columns: the batch's features, null for the label).
     */
    void addBatch(RecordBatch batch, List<FeatureAccumulator> columns, String[] classes, boolean[] labelled) {
        for (int r = 0; r < labelled.length; r++) {
            addExample(labelled[r] ? classes[r] : null);
        }
        Set<String> distinct = new HashSet<>();
        for (int c = 0; c < columns.size(); c++) {
            FeatureAccumulator feature = columns.get(c);
            if (feature == null || feature.kind() != Kind.CATEGORICAL) {
                continue;
            }
            Column column = batch.columns().get(c);
            boolean isInt = column instanceof IntColumn;
            for (int r = 0; r < labelled.length; r++) {
                if (!column.present()[r]) {
                    continue;
                }
                String y = labelled[r] ? classes[r] : null;
                int start = column.rowOffsets()[r];
                int end = column.rowOffsets()[r + 1];
                if (end - start == 1) {
                    addValue(feature.name(), isInt, ValueText.of(column, start), y);
                    continue;
                }
                distinct.clear();
                for (int v = start; v < end; v++) {
                    if (distinct.add(ValueText.of(column, v))) {
                        addValue(feature.name(), isInt, ValueText.of(column, v), y);
                    }
                }
            }
        }
    }

    /** {@return the features given up for having more than MAX_VALUES values, in the order first seen} */
    public List<String> abandoned() {
        List<String> names = new ArrayList<>();
        features.forEach((name, counts) -> {
            if (counts.abandoned) {
                names.add(name);
            }
        });
        return names;
    }

    /** {@return the examples counted} */
    public long examples() {
        return examples;
    }

    /**
     * {@return the lift of one feature as TFDV's {@code CrossFeatureStatistics} (path_x the feature, path_y the label,
     * categorical_cross_stats.lift): one series per label value in ascending order, its values by lift descending
     * then x ascending; empty when the feature was not seen or was given up}
     */
    public java.util.Optional<CrossFeatureStatistics> crossStatistics(String feature) {
        FeatureCounts counts = features.get(feature);
        if (counts == null || counts.abandoned || counts.values.isEmpty() || labelCounts.isEmpty()) {
            return java.util.Optional.empty();
        }
        dev.veracity.proto.LiftStatistics.Builder lift = dev.veracity.proto.LiftStatistics.newBuilder();
        for (String y : sorted(labelCounts.keySet(), labelIsInt)) {
            long yCount = labelCounts.get(y)[0];
            LiftSeries.Builder series = LiftSeries.newBuilder().setYCount(yCount);
            setY(series, y);
            List<LiftSeries.LiftValue> values = new ArrayList<>();
            for (Map.Entry<String, long[]> x : counts.values.entrySet()) {
                long xCount = x.getValue()[0];
                Map<String, long[]> withX = counts.pairs.get(x.getKey());
                long[] xy = withX == null ? null : withX.get(y);
                long xyCount = xy == null ? 0 : xy[0];
                double value = ((double) xyCount / xCount) / ((double) yCount / examples);
                LiftSeries.LiftValue.Builder v = LiftSeries.LiftValue.newBuilder()
                        .setLift(value)
                        .setXCount(xCount)
                        .setXAndYCount(xyCount);
                setX(v, x.getKey(), counts.isInt);
                values.add(v.build());
            }
            Comparator<String> xOrder = order(counts.isInt);
            values.sort(Comparator.comparingDouble((LiftSeries.LiftValue v) -> -v.getLift())
                    .thenComparing(v -> display(v), xOrder));
            series.addAllLiftValues(topK == 0 ? values : values.subList(0, Math.min(topK, values.size())));
            lift.addLiftSeries(series);
        }
        return java.util.Optional.of(CrossFeatureStatistics.newBuilder()
                .setPathX(FeaturePaths.Path.newBuilder().addStep(feature))
                .setPathY(FeaturePaths.Path.newBuilder().addStep(label))
                .setCategoricalCrossStats(dev.veracity.proto.CategoricalCrossStatistics.newBuilder()
                        .setLift(lift))
                .build());
    }

    /**
     * {@return the dataset with every feature's lift added as TFDV writes it: a {@code cross_features} entry, and on
     * the feature's statistics one custom statistic "Lift (Y=y)" per label value, a rank histogram of x labels with
     * the lift as sample count (TFDV's {@code output_custom_stats}, for Facets)}
     */
    public DatasetFeatureStatistics addTo(DatasetFeatureStatistics dataset) {
        DatasetFeatureStatistics.Builder out = dataset.toBuilder();
        for (String feature : features.keySet()) {
            java.util.Optional<CrossFeatureStatistics> cross = crossStatistics(feature);
            if (cross.isEmpty()) {
                continue;
            }
            out.addCrossFeatures(cross.get());
            int index = featureIndex(out, feature);
            FeatureNameStatistics.Builder stats = index >= 0
                    ? out.getFeaturesBuilder(index)
                    : out.addFeaturesBuilder()
                            .setPath(FeaturePaths.Path.newBuilder().addStep(feature));
            for (LiftSeries series :
                    cross.get().getCategoricalCrossStats().getLift().getLiftSeriesList()) {
                RankHistogram.Builder histogram = RankHistogram.newBuilder();
                for (LiftSeries.LiftValue v : series.getLiftValuesList()) {
                    histogram.addBuckets(RankHistogram.Bucket.newBuilder()
                            .setLabel(display(v))
                            .setSampleCount(v.getLift()));
                }
                stats.addCustomStats(CustomStatistic.newBuilder()
                        .setName("Lift (Y=" + display(series) + ")")
                        .setRankHistogram(histogram));
            }
        }
        return out.build();
    }

    private static int featureIndex(DatasetFeatureStatistics.Builder dataset, String feature) {
        for (int i = 0; i < dataset.getFeaturesCount(); i++) {
            FeatureNameStatistics f = dataset.getFeatures(i);
            boolean byPath = f.hasPath()
                    && f.getPath().getStepCount() == 1
                    && f.getPath().getStep(0).equals(feature);
            if (byPath || !f.hasPath() && f.getName().equals(feature)) {
                return i;
            }
        }
        return -1;
    }

    /** {@return the label value as TFDV displays it in the custom statistic's name} */
    static String display(LiftSeries series) {
        return series.hasYString() ? series.getYString() : Long.toString(series.getYInt());
    }

    /** {@return the feature value as text} */
    static String display(LiftSeries.LiftValue value) {
        return value.hasXString() ? value.getXString() : Long.toString(value.getXInt());
    }

    private void setY(LiftSeries.Builder series, String y) {
        Integer n = labelIsInt ? asInt(y) : null;
        if (n != null) {
            series.setYInt(n);
        } else {
            series.setYString(y);
        }
    }

    private static void setX(LiftSeries.LiftValue.Builder value, String x, boolean isInt) {
        Integer n = isInt ? asInt(x) : null;
        if (n != null) {
            value.setXInt(n);
        } else {
            value.setXString(x);
        }
    }

    /** {@return the value as an int32 (TFDV's x_int / y_int), or null when it is not one} */
    private static Integer asInt(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@return integers in numeric order, text in code point order (as Python sorts them)} */
    private static Comparator<String> order(boolean isInt) {
        if (!isInt) {
            return Comparator.naturalOrder();
        }
        return (a, b) -> {
            Integer x = asInt(a);
            Integer y = asInt(b);
            if (x != null && y != null) {
                return Integer.compare(x, y);
            }
            return a.compareTo(b);
        };
    }

    private static List<String> sorted(Iterable<String> values, boolean isInt) {
        TreeMap<String, Boolean> sorted = new TreeMap<>(order(isInt));
        for (String v : values) {
            sorted.put(v, true);
        }
        return new ArrayList<>(sorted.keySet());
    }

    /** The counts of one feature: examples per value and examples per (value, label value). */
    private static final class FeatureCounts {
        private final boolean isInt;
        private final Map<String, long[]> values = new HashMap<>();
        private final Map<String, Map<String, long[]>> pairs = new HashMap<>();
        private boolean abandoned;

        FeatureCounts(boolean isInt) {
            this.isInt = isInt;
        }
    }
}
