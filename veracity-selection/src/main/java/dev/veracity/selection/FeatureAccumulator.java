package dev.veracity.selection;

import java.util.Objects;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;

/**
 * Everything one feature needs for its scores against the label: which accumulators depends on the feature's kind
 * and the task (numeric/classification: ANOVA; categorical/classification: contingency; numeric/regression:
 * correlation, ranks and KSG; categorical/regression: ANOVA with the roles swapped), plus the rows where the feature is
 * present. Merge is associative and commutative; a new accumulator is its identity.
 *
 * <p>A numeric feature also counts its distinct INT values, for the ID-like check: a DataSketches HyperLogLog
 * sketch (lgK {@value #DISTINCT_LG_K}, 4 KiB per feature whatever the rows; near exact up to a few hundred values,
 * then a relative standard error of about 1.6 %), merged by union. Rows whose value came from a FLOAT column are
 * counted apart: a feature with any is never ID-like, since measurements are often unique per row.
 */
public final class FeatureAccumulator {
    private final String name;
    private final Kind kind;
    private final Task task;
    private final GroupMomentsAccumulator groups;
    private final ContingencyAccumulator contingency;
    private final CorrelationAccumulator correlation;
    private final RankCorrelationAccumulator ranks;
    private final KsgAccumulator ksg;
    private final KsgRegressionAccumulator ksgRegression;
    private HllSketch distinctInts;
    private long intRows;
    private long rows;
    private long present;

    /** The HyperLogLog size of the distinct INT values: 2^12 registers. */
    static final int DISTINCT_LG_K = 12;

    /**
     * @param name     the feature
     * @param kind     the feature's kind
     * @param task     CLASSIFICATION or REGRESSION
     * @param capacity the rows Spearman's rho is exact up to
     * @param miSample the rows KSG mutual information samples at most
     * @param seed     the seed of the samples and the jitter
     */
    public FeatureAccumulator(String name, Kind kind, Task task, int capacity, int miSample, long seed) {
        this.name = Objects.requireNonNull(name, "name is null");
        this.kind = Objects.requireNonNull(kind, "kind is null");
        this.task = Objects.requireNonNull(task, "task is null");
        if (task == Task.AUTO) {
            throw new IllegalArgumentException("task must be resolved, found AUTO");
        }
        boolean numeric = kind == Kind.NUMERIC;
        boolean classification = task == Task.CLASSIFICATION;
        groups = numeric == classification ? new GroupMomentsAccumulator() : null;
        contingency = !numeric && classification ? new ContingencyAccumulator() : null;
        correlation = numeric && !classification ? new CorrelationAccumulator() : null;
        ranks = numeric && !classification ? new RankCorrelationAccumulator(capacity, seed) : null;
        ksg = numeric && classification ? new KsgAccumulator(miSample, seed) : null;
        ksgRegression = numeric && !classification ? new KsgRegressionAccumulator(miSample, seed) : null;
        distinctInts = numeric ? new HllSketch(DISTINCT_LG_K) : null;
    }

    /** {@return the feature's name} */
    public String name() {
        return name;
    }

    /** {@return the feature's kind} */
    public Kind kind() {
        return kind;
    }

    /** {@return the task} */
    public Task task() {
        return task;
    }

    /** Counts a row where the label is present, whether or not the feature is. */
    public void addRow(boolean featurePresent) {
        rows++;
        if (featurePresent) {
            present++;
        }
    }

    /** Counts the INT value of a complete row of a numeric feature, for the ID-like check. */
    public void addIntValue(long value) {
        distinctInts.update(value);
        intRows++;
    }

    /** Adds a complete row of a numeric feature and a categorical label. */
    public void addNumericClass(double feature, String label) {
        groups.add(label, feature);
        ksg.add(feature, label);
    }

    /** Adds a complete row of a categorical feature and a categorical label. */
    public void addCategoricalClass(String feature, String label) {
        contingency.add(feature, label);
    }

    /** Adds a complete row of a numeric feature and a numeric label. */
    public void addNumericValue(double feature, double label) {
        correlation.add(feature, label);
        ranks.add(feature, label);
        ksgRegression.add(feature, label);
    }

    /** Adds a complete row of a categorical feature and a numeric label. */
    public void addCategoricalValue(String feature, double label) {
        groups.add(feature, label);
    }

    /**
     * Adds the other's rows to this one; the other is unchanged.
     *
     * @throws IllegalArgumentException if the other is of another feature, kind or task
     */
    public void merge(FeatureAccumulator other) {
        if (other == this) {
            throw new IllegalArgumentException("cannot merge an accumulator with itself");
        }
        if (!name.equals(other.name) || kind != other.kind || task != other.task) {
            throw new IllegalArgumentException("cannot merge " + other.name + " (" + other.kind + ", " + other.task
                    + ") into " + name + " (" + kind + ", " + task + ")");
        }
        rows += other.rows;
        present += other.present;
        intRows += other.intRows;
        if (distinctInts != null && !other.distinctInts.isEmpty()) {
            Union union = new Union(DISTINCT_LG_K);
            union.update(distinctInts);
            union.update(other.distinctInts);
            distinctInts = union.getResult();
        }
        if (groups != null) {
            groups.merge(other.groups);
        }
        if (ksg != null) {
            ksg.merge(other.ksg);
        }
        if (contingency != null) {
            contingency.merge(other.contingency);
        }
        if (correlation != null) {
            correlation.merge(other.correlation);
            ranks.merge(other.ranks);
            ksgRegression.merge(other.ksgRegression);
        }
    }

    /** {@return the rows where the label is present} */
    public long rows() {
        return rows;
    }

    /** {@return the rows where the label and the feature are present} */
    public long presentRows() {
        return present;
    }

    /** {@return the complete rows whose value came from an INT column} */
    public long intRows() {
        return intRows;
    }

    /** {@return the estimated distinct INT values of a numeric feature; 0 for a categorical one} */
    public long distinctIntValues() {
        return distinctInts == null ? 0 : Math.round(distinctInts.getEstimate());
    }

    GroupMomentsAccumulator groups() {
        return groups;
    }

    KsgAccumulator ksg() {
        return ksg;
    }

    KsgRegressionAccumulator ksgRegression() {
        return ksgRegression;
    }

    ContingencyAccumulator contingency() {
        return contingency;
    }

    CorrelationAccumulator correlation() {
        return correlation;
    }

    RankCorrelationAccumulator ranks() {
        return ranks;
    }
}
