package dev.veracity.selection;

import dev.veracity.selection.FeatureWarning.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;

/**
 * Turns a feature's accumulated state into its scores and warnings: p-values from Apache Commons Statistics' F and
 * chi-squared distributions, data-quality warnings (mostly missing, constant, near-constant, ID-like for categorical
 * and INT features) and a leakage
 * warning for a near-perfect predictor. Unranked: {@link Ranking} ranks and selects.
 *
 * @param methods  the methods asked for; others are not reported
 * @param leakage  the strength from which a feature is flagged as leaking the label (e.g. 0.99)
 * @param serving  which features are absent when serving ({@code absent_in_serving})
 */
public record FeatureScoring(Set<Method> methods, double leakage, ServingCheck serving) {
    /** Fewer present rows than this fraction of the labelled rows: mostly missing. */
    public static final double MOSTLY_MISSING = 0.5;
    /** One value on at least this fraction of the complete rows: near-constant. */
    public static final double NEAR_CONSTANT = 0.99;
    /** A feature needs at least this many complete rows to be called ID-like. */
    public static final long ID_LIKE_MIN_ROWS = 20;
    /**
     * A categorical feature, or a numeric one whose values all come from INT columns, with at least this many distinct
     * values per complete row is ID-like.
     */
    public static final double ID_LIKE_DISTINCT = 0.9;

    public FeatureScoring {
        methods = Set.copyOf(methods);
        Objects.requireNonNull(serving, "serving is null");
        if (!(leakage > 0 && leakage <= 1)) {
            throw new IllegalArgumentException("leakage must be in (0, 1]: " + leakage);
        }
    }

    /** Scoring with no serving check. */
    public FeatureScoring(Set<Method> methods, double leakage) {
        this(methods, leakage, ServingCheck.none());
    }

    /** {@return the feature's scores and warnings, rank 0 and not selected} */
    public FeatureResult score(FeatureAccumulator feature) {
        List<Score> scores = new ArrayList<>();
        List<FeatureWarning> warnings = new ArrayList<>();
        long complete = 0;
        boolean numeric = feature.kind() == dev.veracity.selection.Kind.NUMERIC;
        switch (feature.task()) {
            case CLASSIFICATION -> {
                if (numeric) {
                    complete = anova(feature.groups(), false, scores, warnings);
                    ksg(feature.ksg(), scores, warnings);
                } else {
                    complete = contingency(feature.contingency(), scores, warnings);
                }
            }
            case REGRESSION ->
                complete = numeric
                        ? correlation(feature, scores, warnings)
                        : anova(feature.groups(), true, scores, warnings);
            case AUTO -> throw new IllegalArgumentException("task must be resolved, found AUTO");
        }
        if (feature.rows() > 0 && feature.presentRows() < MOSTLY_MISSING * feature.rows()) {
            warnings.add(new FeatureWarning(
                    Kind.MOSTLY_MISSING,
                    String.format(
                            Locale.ROOT,
                            "present in %d of %d labelled rows (%.1f%%)",
                            feature.presentRows(),
                            feature.rows(),
                            100.0 * feature.presentRows() / feature.rows())));
        }
        quality(feature, complete, warnings);
        boolean idLike = warnings.stream().anyMatch(w -> w.kind() == Kind.ID_LIKE);
        for (Score score : idLike ? List.<Score>of() : scores) {
            if (score.strength() >= leakage) {
                warnings.add(new FeatureWarning(
                        Kind.LEAKAGE,
                        String.format(
                                Locale.ROOT,
                                "%s strength %.4f >= %s: the feature predicts the label almost perfectly; check that it is "
                                        + "known at prediction time",
                                score.method().jsonName(),
                                score.strength(),
                                Double.toString(leakage))));
                break;
            }
        }
        serving.check(feature.name(), feature.rows(), feature.presentRows()).ifPresent(warnings::add);
        return new FeatureResult(feature.name(), feature.kind(), complete, scores, warnings, 0, false);
    }

    private long anova(
            GroupMomentsAccumulator groups, boolean swapped, List<Score> scores, List<FeatureWarning> warnings) {
        if (!methods.contains(Method.ANOVA_F)) {
            return groups.count();
        }
        Optional<GroupMomentsAccumulator.Anova> result = groups.anova();
        String of = swapped ? "feature values" : "classes";
        if (result.isEmpty()) {
            warnings.add(new FeatureWarning(
                    Kind.TOO_FEW_ROWS,
                    "anova_f: needs at least 2 " + of
                            + " and more complete rows than " + of + ", found " + groups.groupCount() + " " + of
                            + " in "
                            + groups.count() + " complete rows"));
            return groups.count();
        }
        GroupMomentsAccumulator.Anova anova = result.get();
        double f = anova.f();
        if (Double.isNaN(f)) {
            warnings.add(new FeatureWarning(
                    Kind.CONSTANT,
                    "anova_f: " + (swapped ? "the label" : "the feature") + " is constant on the complete rows, no F"));
        } else if (Double.isInfinite(f)) {
            warnings.add(new FeatureWarning(
                    Kind.LEAKAGE,
                    "anova_f: no variance within " + of + " (eta squared 1):"
                            + " the feature predicts the label perfectly; check that it is known at prediction time"));
        } else {
            double p = FDistribution.of(anova.groups() - 1, anova.rows() - anova.groups())
                    .survivalProbability(f);
            scores.add(new Score(Method.ANOVA_F, f, p, 0, clamp(anova.etaSquared())));
        }
        return anova.rows();
    }

    private void ksg(KsgAccumulator ksg, List<Score> scores, List<FeatureWarning> warnings) {
        if (!methods.contains(Method.MUTUAL_INFORMATION) || ksg.count() == 0) {
            return;
        }
        double mi = ksg.mutualInformation();
        if (Double.isNaN(mi)) {
            warnings.add(new FeatureWarning(
                    Kind.TOO_FEW_ROWS,
                    "mutual_information: needs 2 complete rows in classes" + " of at least 2 rows, found " + ksg.count()
                            + " complete rows"));
            return;
        }
        scores.add(new Score(Method.MUTUAL_INFORMATION, mi, Double.NaN, 0, clamp(1 - Math.exp(-2 * mi))));
        if (ksg.isSampled()) {
            warnings.add(new FeatureWarning(
                    Kind.SAMPLED,
                    "mutual_information: KSG estimate on a seeded sample of " + ksg.sampleSize() + " of " + ksg.count()
                            + " complete rows (--mi-sample)"));
        }
    }

    private void ksgRegression(KsgRegressionAccumulator ksg, List<Score> scores, List<FeatureWarning> warnings) {
        if (!methods.contains(Method.MUTUAL_INFORMATION)) {
            return;
        }
        double mi = ksg.mutualInformation();
        if (Double.isNaN(mi)) {
            warnings.add(new FeatureWarning(
                    Kind.TOO_FEW_ROWS,
                    "mutual_information: needs " + (KsgAccumulator.NEIGHBOURS + 1) + " complete rows, found "
                            + ksg.count()));
            return;
        }
        scores.add(new Score(Method.MUTUAL_INFORMATION, mi, Double.NaN, 0, clamp(1 - Math.exp(-2 * mi))));
        if (ksg.isSampled()) {
            warnings.add(new FeatureWarning(
                    Kind.SAMPLED,
                    "mutual_information: KSG estimate on a seeded sample of " + ksg.sampleSize() + " of " + ksg.count()
                            + " complete rows (--mi-sample)"));
        }
    }

    private long contingency(ContingencyAccumulator table, List<Score> scores, List<FeatureWarning> warnings) {
        Optional<ContingencyAccumulator.Contingency> result = table.result();
        if (result.isEmpty()) {
            if (table.featureValues() >= 2 || table.count() == 0) {
                warnings.add(new FeatureWarning(
                        Kind.TOO_FEW_ROWS,
                        "chi2: needs 2 feature values and 2 label values"
                                + " on the complete rows, found " + table.featureValues() + " feature values in "
                                + table.count() + " complete rows"));
            }
            return table.count();
        }
        ContingencyAccumulator.Contingency c = result.get();
        double v = c.cramersV();
        if (methods.contains(Method.CHI2)) {
            double p = ChiSquaredDistribution.of(c.dof()).survivalProbability(c.chi2());
            scores.add(new Score(Method.CHI2, c.chi2(), p, c.dof(), clamp(v * v)));
        }
        if (methods.contains(Method.MUTUAL_INFORMATION)) {
            scores.add(new Score(
                    Method.MUTUAL_INFORMATION,
                    c.mutualInformation(),
                    Double.NaN,
                    0,
                    clamp(1 - Math.exp(-2 * c.mutualInformation()))));
        }
        if (methods.contains(Method.CRAMERS_V)) {
            scores.add(new Score(Method.CRAMERS_V, v, Double.NaN, 0, clamp(v * v)));
        }
        return c.rows();
    }

    private long correlation(FeatureAccumulator feature, List<Score> scores, List<FeatureWarning> warnings) {
        CorrelationAccumulator moments = feature.correlation();
        long n = moments.count();
        if (n < 3) {
            warnings.add(new FeatureWarning(
                    Kind.TOO_FEW_ROWS, "f_regression, pearson, spearman: need 3 complete " + "rows, found " + n));
            return n;
        }
        double r = moments.pearson();
        if (Double.isNaN(r)) {
            if (moments.sumSquaresX() == 0) {
                warnings.add(new FeatureWarning(
                        Kind.CONSTANT, "the feature is constant on the " + n + " complete rows: no correlation"));
            } else {
                warnings.add(new FeatureWarning(
                        Kind.TOO_FEW_ROWS,
                        "the label is constant on the " + n
                                + " complete rows where the feature is present: no correlation"));
            }
            return n;
        }
        ksgRegression(feature.ksgRegression(), scores, warnings);
        FDistribution f = FDistribution.of(1, n - 2);
        double p = pairwisePValue(r, n, f);
        if (methods.contains(Method.F_REGRESSION)) {
            if (Math.abs(r) == 1) {
                warnings.add(new FeatureWarning(
                        Kind.LEAKAGE,
                        "f_regression: |r| = 1, F is infinite: the feature "
                                + "predicts the label perfectly; check that it is known at prediction time"));
            } else {
                scores.add(new Score(Method.F_REGRESSION, r * r / (1 - r * r) * (n - 2), p, 0, clamp(r * r)));
            }
        }
        if (methods.contains(Method.PEARSON)) {
            scores.add(new Score(Method.PEARSON, r, p, 0, clamp(r * r)));
        }
        if (methods.contains(Method.SPEARMAN)) {
            RankCorrelationAccumulator ranks = feature.ranks();
            double rho = ranks.spearman();
            if (!Double.isNaN(rho)) {
                double rhoP = pairwisePValue(rho, ranks.sampleSize(), FDistribution.of(1, ranks.sampleSize() - 2));
                scores.add(new Score(Method.SPEARMAN, rho, rhoP, 0, clamp(rho * rho)));
            }
            if (ranks.isSampled()) {
                warnings.add(new FeatureWarning(
                        Kind.SAMPLED,
                        "spearman: computed on a seeded sample of " + ranks.sampleSize() + " of " + ranks.count()
                                + " complete rows (--spearman-rows)"));
            }
        }
        return n;
    }

    /** {@return the two-sided p-value of a correlation: t = r sqrt((n-2)/(1-r^2)), as F(1, n-2) of t^2} */
    private static double pairwisePValue(double r, long n, FDistribution f) {
        if (Math.abs(r) == 1) {
            return 0;
        }
        return f.survivalProbability(r * r / (1 - r * r) * (n - 2));
    }

    private static void quality(FeatureAccumulator feature, long complete, List<FeatureWarning> warnings) {
        if (complete == 0) {
            return;
        }
        if (feature.kind() == dev.veracity.selection.Kind.NUMERIC) {
            // Only INT values: a FLOAT measurement is often unique per row without being an identifier.
            long distinct = feature.distinctIntValues();
            if (feature.intRows() == complete
                    && distinct >= ID_LIKE_DISTINCT * complete
                    && complete >= ID_LIKE_MIN_ROWS) {
                warnings.add(new FeatureWarning(
                        Kind.ID_LIKE,
                        "about " + distinct + " distinct INT values on " + complete
                                + " complete rows (HyperLogLog estimate): an identifier's scores do not generalize"
                                + " (not flagged as leakage)"));
            }
            return;
        }
        long distinct;
        long largest;
        if (feature.contingency() != null) {
            distinct = feature.contingency().featureValues();
            largest = feature.contingency().largestFeatureValue();
        } else {
            distinct = feature.groups().groupCount();
            largest = feature.groups().largestGroup();
        }
        if (distinct == 1) {
            warnings.add(new FeatureWarning(Kind.CONSTANT, "one value on all " + complete + " complete rows"));
        } else if (largest >= NEAR_CONSTANT * complete) {
            warnings.add(new FeatureWarning(
                    Kind.NEAR_CONSTANT,
                    String.format(
                            Locale.ROOT,
                            "the most frequent value covers %d of %d complete rows (%.2f%%)",
                            largest,
                            complete,
                            100.0 * largest / complete)));
        } else if (distinct >= ID_LIKE_DISTINCT * complete && complete >= ID_LIKE_MIN_ROWS) {
            warnings.add(new FeatureWarning(
                    Kind.ID_LIKE,
                    distinct + " distinct values on " + complete
                            + " complete rows: an identifier's scores do not generalize (not flagged as leakage)"));
        }
    }

    private static double clamp(double strength) {
        return Math.max(0, Math.min(1, strength));
    }
}
