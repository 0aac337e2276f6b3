package dev.veracity.monitoring;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The diagnosis of a shift between a baseline and a current labeled dataset.
 *
 * <pre>{@code
 * ShiftReport report = new ShiftDiagnosis(options, TableOptions.DEFAULT).diagnose(baseline, current);
 * report.verdict(); // NONE, COVARIATE, CONCEPT or COVARIATE_AND_CONCEPT
 * }</pre>
 *
 * @param options      the options
 * @param verdict      the verdict
 * @param decidedBy    {@code model} when the model check decided concept shift, {@code bins} when the per-bin tests did
 *                     (the model check was inconclusive or not computable)
 * @param baselineRows labeled rows of the baseline
 * @param currentRows  labeled rows of the current dataset
 * @param prior        the test of the label distribution
 * @param marginal     per feature, the test of its distribution
 * @param conditional  per feature, the stratified test of the label within its bins
 * @param model        the multivariate model check
 */
public record ShiftReport(
        ShiftOptions options,
        Verdict verdict,
        String decidedBy,
        long baselineRows,
        long currentRows,
        Prior prior,
        Map<String, Test> marginal,
        Map<String, Conditional> conditional,
        ModelCheck model) {
    public ShiftReport {
        Objects.requireNonNull(verdict, "verdict is null");
        marginal = Map.copyOf(marginal);
        conditional = Map.copyOf(conditional);
    }

    /** The verdict of a diagnosis. */
    public enum Verdict {
        NONE("none"),
        COVARIATE("covariate"),
        CONCEPT("concept"),
        COVARIATE_AND_CONCEPT("covariate+concept");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        /** {@return the verdict as the JSON spells it} */
        public String text() {
            return text;
        }

        static Verdict of(boolean covariate, boolean concept) {
            return covariate ? (concept ? COVARIATE_AND_CONCEPT : COVARIATE) : (concept ? CONCEPT : NONE);
        }
    }

    /**
     * One test with its Holm-adjusted p-value.
     *
     * @param test     ks or chi2
     * @param statistic the statistic (D, or chi-squared)
     * @param dof      degrees of freedom (chi2), else 0
     * @param pValue   the p-value
     * @param adjusted the Holm-adjusted p-value across every test of the diagnosis
     * @param drift    whether adjusted < alpha
     */
    public record Test(String test, double statistic, double dof, double pValue, double adjusted, boolean drift) {}

    /**
     * The label distribution's test.
     *
     * @param test      the chi-squared test of the label counts
     * @param baseline  per class, its share in the baseline
     * @param current   per class, its share in the current data
     */
    public record Prior(Test test, Map<String, Double> baseline, Map<String, Double> current) {}

    /**
     * The conditional test of one feature: per bin a chi-squared test of the label counts of baseline against current,
     * summed over bins (statistics and degrees of freedom).
     *
     * @param test    the summed test
     * @param bins    the bins
     * @param dropped rows left out (missing values, or a pooled text bin still too small), baseline + current
     */
    public record Conditional(Test test, List<Bin> bins, long dropped) {}

    /**
     * One bin of a conditional test.
     *
     * @param bin            its name
     * @param baselineRows   baseline rows in it
     * @param currentRows    current rows in it
     * @param baselineRate   the share of the positive (or first) class among its baseline rows
     * @param currentRate    the same among its current rows
     */
    public record Bin(String bin, long baselineRows, long currentRows, double baselineRate, double currentRate) {}

    /**
     * The multivariate check: a logistic regression of the label on every feature (standardized numbers and bin
     * indicators; softmax for three or more classes) trained on 70% of the baseline, its Hosmer-Lemeshow calibration
     * test (10 groups by predicted probability; per class, Bonferroni-combined, for three or more classes) and accuracy
     * on the held-out 30% and on the current data; and the likelihood-ratio test that decides.
     *
     * @param computable   "" or why there is no model (a single class)
     * @param heldOut      on the held-out baseline rows
     * @param current      on the current rows
     * @param conclusive   whether the model is calibrated on held-out baseline rows (raw p >= alpha): else the
     *                     per-bin tests decide
     * @param test         the likelihood-ratio test of one model for both datasets against one each (chi-squared, as
     *                     many degrees of freedom as parameters), Holm-adjusted with the others
     */
    public record ModelCheck(
            String computable, Evaluation heldOut, Evaluation current, boolean conclusive, Test test) {}

    /**
     * A model's calibration and accuracy on one set of rows.
     *
     * @param rows           the rows
     * @param accuracy       accuracy at 0.5 (binary), of the most probable class (three or more classes)
     * @param logLoss        mean log loss
     * @param meanPredicted  the mean predicted probability (binary; 0 for three or more classes: see {@code classes})
     * @param observedRate   the share of positive labels (binary; 0 for three or more classes)
     * @param hosmerLemeshow the Hosmer-Lemeshow statistic (three or more classes: of the class with the smallest p)
     * @param dof            its degrees of freedom (the groups)
     * @param pValue         its p-value (three or more classes: the smallest per class times the classes, at most 1)
     * @param brier          three or more classes: the multiclass Brier score, mean over rows of the squared distance
     *                       between the probabilities and the one-hot label (0 to 2); 0 for binary
     * @param classwiseEce   three or more classes: the mean over classes of the one-vs-rest expected calibration
     *                       error over 10 equal-width bins; 0 for binary
     * @param classes        three or more classes: each class's calibration, one-vs-rest; empty for binary
     */
    public record Evaluation(
            long rows,
            double accuracy,
            double logLoss,
            double meanPredicted,
            double observedRate,
            double hosmerLemeshow,
            double dof,
            double pValue,
            double brier,
            double classwiseEce,
            List<ClassCalibration> classes) {
        public Evaluation {
            classes = List.copyOf(classes);
        }

        /** A binary model's evaluation. */
        public Evaluation(
                long rows,
                double accuracy,
                double logLoss,
                double meanPredicted,
                double observedRate,
                double hosmerLemeshow,
                double dof,
                double pValue) {
            this(rows, accuracy, logLoss, meanPredicted, observedRate, hosmerLemeshow, dof, pValue, 0, 0, List.of());
        }
    }

    /**
     * One class's calibration, one-vs-rest: its predicted probability against its indicator.
     *
     * @param name           the class
     * @param meanPredicted  its mean predicted probability
     * @param observedRate   its share of the rows
     * @param ece            the expected calibration error over 10 equal-width bins [0, 0.1), ..., [0.9, 1]
     * @param hosmerLemeshow the Hosmer-Lemeshow statistic over 10 groups by its probability
     * @param dof            its degrees of freedom (the groups)
     * @param pValue         its p-value
     */
    public record ClassCalibration(
            String name,
            double meanPredicted,
            double observedRate,
            double ece,
            double hosmerLemeshow,
            double dof,
            double pValue) {}
}
