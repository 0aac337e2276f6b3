package dev.veracity.monitoring;

import dev.veracity.drift.ChiSquareDistribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The model check of a shift diagnosis for a label of three or more classes: a {@link MultinomialModel} of the label
 * on the design's inputs, trained on the baseline's training rows; its accuracy (most probable class), log loss,
 * multiclass Brier score and calibration per class on held-out baseline rows and on the current rows; and the
 * likelihood-ratio test of one model for both datasets against one for each. Calibration per class is one-vs-rest:
 * the class's predicted probability against its indicator, a Hosmer-Lemeshow test over 10 groups by that probability
 * (Bonferroni across classes: the smallest p-value times the classes, at most 1, decides whether the model is
 * calibrated) and an expected calibration error over 10 equal-width bins [0, 0.1), ..., [0.9, 1] (the classwise ECE
 * is its mean over classes).
 *
 * <pre>{@code
 * ShiftDiagnosis.ModelRun run = MulticlassCheck.run(design, base, cur, classes, train, held, 1e-3);
 * }</pre>
 */
final class MulticlassCheck {
    private MulticlassCheck() {}

    /** {@return the check's evaluations and likelihood-ratio test} */
    static ShiftDiagnosis.ModelRun run(
            ModelDesign design,
            ShiftData base,
            ShiftData cur,
            List<String> classes,
            List<Integer> train,
            List<Integer> held,
            double ridge) {
        int k = classes.size();
        double[][] xb = inputs(design, base);
        int[] yb = labels(base, classes);
        double[][] xc = inputs(design, cur);
        int[] yc = labels(cur, classes);
        double[][] x = new double[train.size()][];
        int[] y = new int[train.size()];
        for (int i = 0; i < train.size(); i++) {
            x[i] = xb[train.get(i)];
            y[i] = yb[train.get(i)];
        }
        MultinomialModel model = MultinomialModel.fit(x, y, k, ridge);
        List<Integer> all = new ArrayList<>();
        for (int r = 0; r < cur.rows(); r++) {
            all.add(r);
        }
        double[][] xp = new double[xb.length + xc.length][];
        int[] yp = new int[xp.length];
        System.arraycopy(xb, 0, xp, 0, xb.length);
        System.arraycopy(xc, 0, xp, xb.length, xc.length);
        System.arraycopy(yb, 0, yp, 0, yb.length);
        System.arraycopy(yc, 0, yp, yb.length, yc.length);
        MultinomialModel pooled = MultinomialModel.fit(xp, yp, k, ridge);
        MultinomialModel alone = MultinomialModel.fit(xb, yb, k, ridge);
        MultinomialModel now = MultinomialModel.fit(xc, yc, k, ridge);
        double statistic = Math.max(
                0, 2 * (alone.logLikelihood(xb, yb) + now.logLikelihood(xc, yc) - pooled.logLikelihood(xp, yp)));
        int dof = pooled.parameters();
        return new ShiftDiagnosis.ModelRun(
                evaluate(model, xb, yb, held, classes),
                evaluate(model, xc, yc, all, classes),
                new ShiftTests.Outcome(
                        "likelihood_ratio", statistic, dof, ChiSquareDistribution.survival(statistic, dof)));
    }

    private static double[][] inputs(ModelDesign design, ShiftData data) {
        double[][] x = new double[data.rows()][];
        for (int r = 0; r < data.rows(); r++) {
            x[r] = design.row(data, r);
        }
        return x;
    }

    private static int[] labels(ShiftData data, List<String> classes) {
        int[] y = new int[data.rows()];
        for (int r = 0; r < data.rows(); r++) {
            y[r] = classes.indexOf(data.label.get(r));
        }
        return y;
    }

    private static ShiftReport.Evaluation evaluate(
            MultinomialModel model, double[][] x, int[] y, List<Integer> rows, List<String> classes) {
        int n = rows.size();
        int k = classes.size();
        if (n == 0) {
            return new ShiftReport.Evaluation(0, 0, 0, 0, 0, 0, 0, 1);
        }
        double[][] p = new double[n][];
        double correct = 0;
        double logLoss = 0;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            int r = rows.get(i);
            p[i] = model.probabilities(x[r]);
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (p[i][c] > p[i][best]) {
                    best = c;
                }
            }
            correct += best == y[r] ? 1 : 0;
            logLoss -= Math.log(Math.min(Math.max(p[i][y[r]], 1e-15), 1 - 1e-15));
            for (int c = 0; c < k; c++) {
                double miss = p[i][c] - (y[r] == c ? 1 : 0);
                brier += miss * miss;
            }
        }
        List<ShiftReport.ClassCalibration> perClass = new ArrayList<>();
        double eceSum = 0;
        ShiftReport.ClassCalibration worst = null;
        for (int c = 0; c < k; c++) {
            double[][] pairs = new double[n][2];
            for (int i = 0; i < n; i++) {
                pairs[i][0] = p[i][c];
                pairs[i][1] = y[rows.get(i)] == c ? 1 : 0;
            }
            double ece = expectedCalibrationError(pairs);
            Arrays.sort(pairs, (u, v) -> Double.compare(u[0], v[0]));
            double[] hl = Calibration.hosmerLemeshow(pairs);
            double meanP = Arrays.stream(pairs).mapToDouble(pair -> pair[0]).sum() / n;
            double rate = Arrays.stream(pairs).mapToDouble(pair -> pair[1]).sum() / n;
            ShiftReport.ClassCalibration one =
                    new ShiftReport.ClassCalibration(classes.get(c), meanP, rate, ece, hl[0], hl[1], hl[2]);
            perClass.add(one);
            eceSum += ece;
            if (worst == null || one.pValue() < worst.pValue()) {
                worst = one;
            }
        }
        return new ShiftReport.Evaluation(
                n,
                correct / n,
                logLoss / n,
                0,
                0,
                worst.hosmerLemeshow(),
                worst.dof(),
                Math.min(1, worst.pValue() * k),
                brier / n,
                eceSum / k,
                perClass);
    }

    /** {@return the expected calibration error of (probability, 0/1 outcome) pairs over 10 equal-width bins} */
    private static double expectedCalibrationError(double[][] pairs) {
        int bins = ClassificationMetrics.ECE_BINS;
        double[] count = new double[bins];
        double[] predicted = new double[bins];
        double[] observed = new double[bins];
        for (double[] pair : pairs) {
            int b = Math.min((int) (pair[0] * bins), bins - 1);
            count[b]++;
            predicted[b] += pair[0];
            observed[b] += pair[1];
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                ece += Math.abs(predicted[b] - observed[b]) / pairs.length;
            }
        }
        return ece;
    }
}
