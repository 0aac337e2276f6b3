package dev.veracity.selection;

import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.ValueText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Feature-feature association for redundancy, accumulated in the same pass as the scores: Pearson's r for a pair
 * of numeric features (fixed size a pair), Cramér's V for a pair of categorical features (a contingency table) and
 * the correlation ratio eta for a numeric and a categorical feature (the numeric feature's moments per categorical
 * value: eta = sqrt(SS_between / SS_total), in [0, 1], 1 when the categorical value determines the number). Tables
 * and groups are given up beyond {@value #MAX_CELLS} distinct value pairs or values, so an identifier never fills
 * memory. Work is O(p²) a row for p features.
 *
 * <pre>{@code
 * Redundancy r = new Redundancy();
 * r.addNumeric("a", 1.0, "b", 2.0);
 * Optional<Double> v = r.between("a", "b");
 * }</pre>
 */
public final class Redundancy {
    /**
     * A categorical pair with more distinct value pairs than this gets no Cramér's V, a mixed pair with more
     * categorical values no eta.
     */
    public static final int MAX_CELLS = 10_000;

    private final Map<String, CorrelationAccumulator> numeric = new HashMap<>();
    private final Map<String, ContingencyAccumulator> categorical = new HashMap<>();
    private final Map<String, GroupMomentsAccumulator> mixed = new HashMap<>();
    private final Map<String, Boolean> abandoned = new HashMap<>();

    /** {@return an empty accumulator: every pair unknown} */
    public static Redundancy none() {
        return new Redundancy();
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + '\0' + b : b + '\0' + a;
    }

    /** {@return the accumulator of a numeric pair (r is symmetric: either order of the rows' values)} */
    CorrelationAccumulator numericPair(String a, String b) {
        return numeric.computeIfAbsent(key(a, b), k -> new CorrelationAccumulator());
    }

    /** {@return the table of a categorical pair (V is symmetric), or null once given up} */
    ContingencyAccumulator categoricalPair(String a, String b) {
        String key = key(a, b);
        if (abandoned.containsKey(key)) {
            return null;
        }
        ContingencyAccumulator table = categorical.computeIfAbsent(key, k -> new ContingencyAccumulator());
        if (table.cellCount() > MAX_CELLS) {
            categorical.remove(key);
            abandoned.put(key, true);
            return null;
        }
        return table;
    }

    /** {@return the groups of a mixed pair (eta is symmetric in the names), or null once given up} */
    GroupMomentsAccumulator mixedPair(String numeric, String categorical) {
        String key = key(numeric, categorical);
        if (abandoned.containsKey(key)) {
            return null;
        }
        GroupMomentsAccumulator groups = mixed.computeIfAbsent(key, k -> new GroupMomentsAccumulator());
        if (groups.groupCount() > MAX_CELLS) {
            mixed.remove(key);
            abandoned.put(key, true);
            return null;
        }
        return groups;
    }

    /** Adds a row where a numeric feature (finite) and a categorical feature are both present. */
    public void addMixed(String numeric, double x, String categorical, String value) {
        GroupMomentsAccumulator groups = mixedPair(numeric, categorical);
        if (groups != null) {
            groups.add(value, x);
        }
    }

    /** Adds the batch's labelled rows to every pair of features, for  */
    void addBatch(RecordBatch batch, List<FeatureAccumulator> columns, boolean[] labelled, int[] weights) {
        List<String> numericNames = new ArrayList<>();
        List<double[]> numbers = new ArrayList<>();
        List<String> categoricalNames = new ArrayList<>();
        List<String[]> texts = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            FeatureAccumulator feature = columns.get(c);
            if (feature == null) {
                continue;
            }
            Column column = batch.columns().get(c);
            if (feature.kind() == Kind.NUMERIC) {
                double[] x = new double[labelled.length];
                for (int r = 0; r < labelled.length; r++) {
                    int v = labelled[r] ? FeatureSelector.single(column, r) : -1;
                    x[r] = v < 0 ? Double.NaN : FeatureSelector.number(column, v);
                }
                numericNames.add(feature.name());
                numbers.add(x);
            } else {
                String[] x = new String[labelled.length];
                for (int r = 0; r < labelled.length; r++) {
                    int v = labelled[r] ? FeatureSelector.single(column, r) : -1;
                    x[r] = v < 0 ? null : ValueText.of(column, v);
                }
                categoricalNames.add(feature.name());
                texts.add(x);
            }
        }
        for (int i = 0; i < numbers.size(); i++) {
            for (int j = i + 1; j < numbers.size(); j++) {
                CorrelationAccumulator pair = numericPair(numericNames.get(i), numericNames.get(j));
                double[] x = numbers.get(i);
                double[] y = numbers.get(j);
                for (int r = 0; r < x.length; r++) {
                    for (int w = 0; Double.isFinite(x[r]) && Double.isFinite(y[r]) && w < weights[r]; w++) {
                        pair.add(x[r], y[r]);
                    }
                }
            }
        }
        for (int i = 0; i < numbers.size(); i++) {
            for (int j = 0; j < texts.size(); j++) {
                GroupMomentsAccumulator pair = mixedPair(numericNames.get(i), categoricalNames.get(j));
                if (pair == null) {
                    continue;
                }
                double[] x = numbers.get(i);
                String[] y = texts.get(j);
                for (int r = 0; r < x.length; r++) {
                    for (int w = 0; Double.isFinite(x[r]) && y[r] != null && w < weights[r]; w++) {
                        pair.add(y[r], x[r]);
                    }
                }
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                ContingencyAccumulator pair = categoricalPair(categoricalNames.get(i), categoricalNames.get(j));
                if (pair == null) {
                    continue;
                }
                String[] x = texts.get(i);
                String[] y = texts.get(j);
                for (int r = 0; r < x.length; r++) {
                    for (int w = 0; x[r] != null && y[r] != null && w < weights[r]; w++) {
                        pair.add(x[r], y[r]);
                    }
                }
            }
        }
    }

    /** Adds a row where two numeric features are both present and finite. */
    public void addNumeric(String a, double x, String b, double y) {
        if (a.compareTo(b) < 0) {
            numericPair(a, b).add(x, y);
        } else {
            numericPair(a, b).add(y, x);
        }
    }

    /** Adds a row where two categorical features are both present. */
    public void addCategorical(String a, String x, String b, String y) {
        ContingencyAccumulator table = categoricalPair(a, b);
        if (table != null) {
            if (a.compareTo(b) < 0) {
                table.add(x, y);
            } else {
                table.add(y, x);
            }
        }
    }

    /**
     * {@return Pearson's r (signed) of two numeric features, Cramér's V of two categorical ones or eta of a numeric
     * and a categorical one; empty when not measured: too few rows (eta: no more rows than values), a constant
     * feature, or a table given up}
     */
    public Optional<Double> between(String a, String b) {
        String key = key(a, b);
        GroupMomentsAccumulator groups = mixed.get(key);
        if (groups != null) {
            return groups.anova()
                    .filter(anova -> anova.between() + anova.within() > 0)
                    .map(anova -> Math.sqrt(anova.etaSquared()));
        }
        CorrelationAccumulator moments = numeric.get(key);
        if (moments != null) {
            double r = moments.pearson();
            return moments.count() < 3 || Double.isNaN(r) ? Optional.empty() : Optional.of(r);
        }
        ContingencyAccumulator table = categorical.get(key);
        if (table != null) {
            return table.result().map(ContingencyAccumulator.Contingency::cramersV);
        }
        return Optional.empty();
    }

    /** {@return the name of the measure {@link #between} gives for the pair: pearson r, cramers_v or eta} */
    public String measure(String a, String b) {
        String key = key(a, b);
        if (mixed.containsKey(key)) {
            return "eta";
        }
        return numeric.containsKey(key) ? "pearson r" : "cramers_v";
    }
}
