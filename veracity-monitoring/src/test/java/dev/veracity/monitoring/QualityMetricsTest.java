package dev.veracity.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every metric against scikit-learn 1.2.1: golden vectors written by {@code src/test/python/golden.py} on generated
 * data and on models fitted to sklearn's breast cancer, iris, wine and diabetes data (the one-vs-rest ROC AUC on the
 * class probabilities of iris and wine models).
 */
class QualityMetricsTest {
    static Stream<Map<String, Object>> cases() throws IOException {
        return Golden.cases().stream();
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void metricsEqualScikitLearn(Map<String, Object> golden) {
        Predictions p = predictions(golden);
        int[] rows = IntStream.range(0, p.rows()).toArray();
        Map<String, Metric> metrics = QualityMetrics.point(p, rows);
        Map<String, Double> expected = (Map<String, Double>) golden.get("expected");
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            Metric metric = metrics.get(e.getKey());
            assertThat(metric).as(golden.get("name") + " " + e.getKey()).isNotNull();
            assertThat(metric.computable())
                    .as(golden.get("name") + " " + e.getKey())
                    .isTrue();
            assertThat(metric.value())
                    .as(golden.get("name") + " " + e.getKey())
                    .isCloseTo(e.getValue(), within(1e-9 * Math.max(1, Math.abs(e.getValue()))));
        }
        for (Metric metric : metrics.values()) {
            if (metric.computable()) {
                assertThat(expected)
                        .as(golden.get("name") + " has " + metric.name())
                        .containsKey(metric.name());
            }
        }
        if (golden.containsKey("confusion")) {
            List<List<Double>> confusion = (List<List<Double>>) golden.get("confusion");
            long[][] ours = QualityMetrics.confusion(p, rows);
            List<Integer> present = golden.containsKey("classes") ? ints((List<Double>) golden.get("classes")) : null;
            for (int i = 0; i < confusion.size(); i++) {
                for (int j = 0; j < confusion.size(); j++) {
                    int a = present == null ? i : present.get(i);
                    int b = present == null ? j : present.get(j);
                    assertThat(ours[a][b]).isEqualTo(confusion.get(i).get(j).longValue());
                }
            }
        }
    }

    private static List<Integer> ints(List<Double> values) {
        List<Integer> ints = new ArrayList<>();
        values.forEach(v -> ints.add(v.intValue()));
        return ints;
    }

    static Predictions predictions(Map<String, Object> golden) {
        switch ((String) golden.get("task")) {
            case "binary" -> {
                return Predictions.binary(
                        List.of("0", "1"), 1, Golden.ints(golden, "label"), Golden.doubles(golden, "score"), (Double)
                                golden.get("threshold"));
            }
            case "multiclass", "multiclass_proba" -> {
                int[] label = Golden.ints(golden, "label");
                int[] predicted = Golden.ints(golden, "prediction");
                List<String> classes = new ArrayList<>();
                int max = IntStream.concat(IntStream.of(label), IntStream.of(predicted))
                        .max()
                        .orElse(0);
                if (!golden.containsKey("probabilities")) {
                    for (int c = 0; c <= max; c++) {
                        classes.add(Integer.toString(c));
                    }
                    return Predictions.classes(classes, label, predicted);
                }
                double[][] byRow = Golden.matrix(golden, "probabilities");
                int k = byRow[0].length;
                double[][] byClass = new double[k][byRow.length];
                for (int c = 0; c < k; c++) {
                    classes.add(Integer.toString(c));
                    for (int i = 0; i < byRow.length; i++) {
                        byClass[c][i] = byRow[i][c];
                    }
                }
                return Predictions.classes(classes, label, predicted, byClass);
            }
            default -> {
                return Predictions.regression(Golden.doubles(golden, "label"), Golden.doubles(golden, "prediction"));
            }
        }
    }

    @Test
    void singleClassAucIsNotComputableWithTheReason() {
        Predictions p =
                Predictions.binary(List.of("0", "1"), 1, new int[] {1, 1, 1}, new double[] {0.2, 0.5, 0.9}, 0.5);
        Map<String, Metric> metrics = QualityMetrics.point(p, new int[] {0, 1, 2});
        assertThat(metrics.get("roc_auc").computable()).isFalse();
        assertThat(metrics.get("roc_auc").reason()).isEqualTo("only one class (1) among the labels");
        assertThat(metrics.get("average_precision").value()).isEqualTo(1.0);
    }

    @Test
    void oneVsRestAucOfAClassAbsentFromTheLabelsIsNotComputable() {
        double[][] probabilities = {{0.7, 0.2, 0.6, 0.1}, {0.2, 0.7, 0.3, 0.8}, {0.1, 0.1, 0.1, 0.1}};
        Predictions p = Predictions.classes(
                List.of("a", "b", "c"), new int[] {0, 1, 0, 1}, new int[] {0, 1, 0, 1}, probabilities);
        Map<String, Metric> metrics = QualityMetrics.point(p, new int[] {0, 1, 2, 3});
        assertThat(metrics.get("roc_auc_ovr").computable()).isFalse();
        assertThat(metrics.get("roc_auc_ovr").reason())
                .isEqualTo("class c absent from the labels (one-vs-rest needs every class)");
        assertThat(metrics.get("roc_auc_ovr_weighted").computable()).isFalse();
        assertThat(metrics.get("roc_auc[a]").value()).isEqualTo(1.0);
        assertThat(metrics.get("roc_auc[c]").reason()).isEqualTo("class c absent from the labels");
        Map<String, Metric> onlyA = QualityMetrics.point(p, new int[] {0, 2});
        assertThat(onlyA.get("roc_auc[a]").reason()).isEqualTo("only one class (a) among the labels");
    }

    @Test
    void bootstrapIntervalIsSeededAndHoldsThePointEstimate() throws IOException {
        Predictions p = predictions(cases().findFirst().orElseThrow());
        int[] rows = IntStream.range(0, p.rows()).toArray();
        Map<String, Metric> once = QualityMetrics.compute(p, rows, 200, 7);
        Map<String, Metric> again = QualityMetrics.compute(p, rows, 200, 7);
        assertThat(once).isEqualTo(again);
        Metric auc = once.get("roc_auc");
        assertThat(auc.interval()).isPresent();
        assertThat(auc.interval().get().low()).isLessThanOrEqualTo(auc.value());
        assertThat(auc.interval().get().high()).isGreaterThanOrEqualTo(auc.value());
        assertThat(auc.interval().get().high())
                .isGreaterThan(auc.interval().get().low());
    }
}
