package dev.veracity.monitoring;

import java.util.Arrays;
import java.util.Map;

/**
 * Classification metrics over a subset of rows, each as scikit-learn 1.2 defines it: {@code accuracy_score},
 * {@code precision_recall_fscore_support} (zero_division gives 0, sklearn's default), {@code roc_auc_score} (binary,
 * and one-vs-rest for several classes with their probabilities: {@link OneVsRestRocAuc}),
 * {@code average_precision_score}, {@code log_loss} (eps = 2^-52), {@code brier_score_loss}, and an expected
 * calibration error over 10 equal-width bins of the score.
 */
final class ClassificationMetrics {
    /** The number of equal-width score bins of the expected calibration error: [0, 0.1), ..., [0.9, 1]. */
    static final int ECE_BINS = 10;

    /** numpy's float64 machine epsilon, sklearn 1.2's log_loss clip ("auto"). */
    private static final double EPS = Math.ulp(1.0);

    private ClassificationMetrics() {}

    /** Adds the metrics of {@code rows} (indices into {@code p}, repeats allowed) to {@code out}. */
    static void compute(Predictions p, int[] rows, Map<String, Metric> out) {
        int k = p.classes().size();
        long[][] confusion = confusion(p, rows);
        int n = rows.length;
        long correct = 0;
        for (int c = 0; c < k; c++) {
            correct += confusion[c][c];
        }
        out.put("accuracy", Metric.of("accuracy", (double) correct / n));
        double sumPrecision = 0;
        double sumRecall = 0;
        double sumF1 = 0;
        int present = 0;
        for (int c = 0; c < k; c++) {
            long tp = confusion[c][c];
            long support = 0;
            long predicted = 0;
            for (int o = 0; o < k; o++) {
                support += confusion[c][o];
                predicted += confusion[o][c];
            }
            if (support == 0 && predicted == 0) {
                continue; // sklearn's labels are those in y_true or y_pred
            }
            present++;
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            String name = p.classes().get(c);
            out.put("precision[" + name + "]", Metric.of("precision[" + name + "]", precision));
            out.put("recall[" + name + "]", Metric.of("recall[" + name + "]", recall));
            out.put("f1[" + name + "]", Metric.of("f1[" + name + "]", f1));
            sumPrecision += precision;
            sumRecall += recall;
            sumF1 += f1;
        }
        out.put("precision_macro", Metric.of("precision_macro", sumPrecision / present));
        out.put("recall_macro", Metric.of("recall_macro", sumRecall / present));
        out.put("f1_macro", Metric.of("f1_macro", sumF1 / present));
        if (p.scored()) {
            scored(p, rows, out);
        }
        if (p.hasProbabilities()) {
            OneVsRestRocAuc.compute(p, rows, out);
        }
    }

    /** {@return the confusion matrix over all classes: [true][predicted]} */
    static long[][] confusion(Predictions p, int[] rows) {
        int k = p.classes().size();
        long[][] confusion = new long[k][k];
        for (int row : rows) {
            confusion[p.label()[row]][p.predicted()[row]]++;
        }
        return confusion;
    }

    private static void scored(Predictions p, int[] rows, Map<String, Metric> out) {
        int n = rows.length;
        double[] score = new double[n];
        boolean[] positive = new boolean[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            score[i] = p.score()[rows[i]];
            positive[i] = p.label()[rows[i]] == p.positive();
            positives += positive[i] ? 1 : 0;
        }
        String positiveName = p.classes().get(p.positive());
        if (positives == 0 || positives == n) {
            String only = positives == 0 ? p.classes().get(1 - p.positive()) : positiveName;
            out.put("roc_auc", Metric.notComputable("roc_auc", "only one class (" + only + ") among the labels"));
        } else {
            out.put("roc_auc", Metric.of("roc_auc", rocAuc(score, positive, positives)));
        }
        if (positives == 0) {
            out.put(
                    "average_precision",
                    Metric.notComputable("average_precision", "no positive label (" + positiveName + ")"));
        } else {
            out.put("average_precision", Metric.of("average_precision", averagePrecision(score, positive, positives)));
        }
        double logLoss = 0;
        double brier = 0;
        double predictedPositive = 0;
        double[] binScore = new double[ECE_BINS];
        double[] binLabel = new double[ECE_BINS];
        long[] binCount = new long[ECE_BINS];
        for (int i = 0; i < n; i++) {
            double s = score[i];
            double y = positive[i] ? 1 : 0;
            double q = Math.min(Math.max(s, EPS), 1 - EPS);
            double other = 1 - q;
            double sum = q + other;
            logLoss -= Math.log(positive[i] ? q / sum : other / sum);
            brier += (y - s) * (y - s);
            predictedPositive += p.predicted()[rows[i]] == p.positive() ? 1 : 0;
            int bin = Math.min((int) (s * ECE_BINS), ECE_BINS - 1);
            binScore[bin] += s;
            binLabel[bin] += y;
            binCount[bin]++;
        }
        double ece = 0;
        for (int b = 0; b < ECE_BINS; b++) {
            if (binCount[b] > 0) {
                ece += Math.abs(binScore[b] / binCount[b] - binLabel[b] / binCount[b]) * binCount[b] / n;
            }
        }
        out.put("log_loss", Metric.of("log_loss", logLoss / n));
        out.put("brier", Metric.of("brier", brier / n));
        out.put("ece", Metric.of("ece", ece));
        out.put("positive_rate", Metric.of("positive_rate", predictedPositive / n));
        out.put("prevalence", Metric.of("prevalence", (double) positives / n));
    }

    /** {@return the rows ordered by score, highest first (ties in any order: they share a threshold)} */
    private static int[] byScoreDescending(double[] score) {
        Integer[] boxed = new Integer[score.length];
        for (int i = 0; i < score.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Double.compare(score[b], score[a]));
        int[] order = new int[score.length];
        for (int i = 0; i < score.length; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    /** ROC AUC: the trapezoid over the (fpr, tpr) points at each distinct score, as {@code roc_auc_score}. */
    static double rocAuc(double[] score, boolean[] positive, int positives) {
        int[] order = byScoreDescending(score);
        int negatives = score.length - positives;
        double area = 0;
        long tp = 0;
        long fp = 0;
        double lastTpr = 0;
        double lastFpr = 0;
        for (int i = 0; i < order.length; i++) {
            if (positive[order[i]]) {
                tp++;
            } else {
                fp++;
            }
            if (i + 1 == order.length || score[order[i + 1]] != score[order[i]]) {
                double tpr = (double) tp / positives;
                double fpr = (double) fp / negatives;
                area += (fpr - lastFpr) * (tpr + lastTpr) / 2;
                lastTpr = tpr;
                lastFpr = fpr;
            }
        }
        return area;
    }

    /** Average precision: sum over distinct thresholds of (R_n - R_{n-1}) P_n, as {@code average_precision_score}. */
    static double averagePrecision(double[] score, boolean[] positive, int positives) {
        int[] order = byScoreDescending(score);
        double sum = 0;
        long tp = 0;
        long seen = 0;
        double lastRecall = 0;
        for (int i = 0; i < order.length; i++) {
            seen++;
            if (positive[order[i]]) {
                tp++;
            }
            if (i + 1 == order.length || score[order[i + 1]] != score[order[i]]) {
                double recall = (double) tp / positives;
                sum += (recall - lastRecall) * ((double) tp / seen);
                lastRecall = recall;
            }
        }
        return sum;
    }
}
