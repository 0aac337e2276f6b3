package dev.veracity.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Multi-class ROC AUC from the model's probability of every class, as scikit-learn 1.2's {@code roc_auc_score(y,
 * probabilities, multi_class="ovr")} defines it: each class against the rest, its probability as the score, averaged
 * unweighted ({@code roc_auc_ovr}, {@code average="macro"}) and by the class's support ({@code roc_auc_ovr_weighted},
 * {@code average="weighted"}), with each class's own area beside them ({@code roc_auc[CLASS]}). Undefined, as in
 * scikit-learn, when a class is absent from the labels.
 *
 * <pre>{@code
 * Map<String, Metric> out = new LinkedHashMap<>();
 * OneVsRestRocAuc.compute(predictions, rows, out);
 * }</pre>
 */
final class OneVsRestRocAuc {
    private OneVsRestRocAuc() {}

    /** Adds the one-vs-rest areas of {@code rows} (indices into {@code p}, repeats allowed) to {@code out}. */
    static void compute(Predictions p, int[] rows, Map<String, Metric> out) {
        int k = p.classes().size();
        int n = rows.length;
        double[] score = new double[n];
        boolean[] positive = new boolean[n];
        double sum = 0;
        double weightedSum = 0;
        String absent = null;
        Map<String, Metric> perClass = new LinkedHashMap<>();
        for (int c = 0; c < k; c++) {
            double[] probability = p.probabilities()[c];
            int positives = 0;
            for (int i = 0; i < n; i++) {
                score[i] = probability[rows[i]];
                positive[i] = p.label()[rows[i]] == c;
                positives += positive[i] ? 1 : 0;
            }
            String name = p.classes().get(c);
            String metric = "roc_auc[" + name + "]";
            if (positives == 0) {
                absent = absent == null ? name : absent;
                perClass.put(metric, Metric.notComputable(metric, "class " + name + " absent from the labels"));
            } else if (positives == n) {
                perClass.put(metric, Metric.notComputable(metric, "only one class (" + name + ") among the labels"));
            } else {
                double auc = ClassificationMetrics.rocAuc(score, positive, positives);
                sum += auc;
                weightedSum += auc * positives;
                perClass.put(metric, Metric.of(metric, auc));
            }
        }
        if (absent != null) {
            String reason = "class " + absent + " absent from the labels (one-vs-rest needs every class)";
            out.put("roc_auc_ovr", Metric.notComputable("roc_auc_ovr", reason));
            out.put("roc_auc_ovr_weighted", Metric.notComputable("roc_auc_ovr_weighted", reason));
        } else {
            out.put("roc_auc_ovr", Metric.of("roc_auc_ovr", sum / k));
            out.put("roc_auc_ovr_weighted", Metric.of("roc_auc_ovr_weighted", weightedSum / n));
        }
        out.putAll(perClass);
    }
}
