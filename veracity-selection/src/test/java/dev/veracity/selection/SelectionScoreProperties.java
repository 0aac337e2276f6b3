package dev.veracity.selection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Merge laws of the selection accumulators: the scores of merged parts of any split equal the whole's. */
class SelectionScoreProperties {
    private static final double RELATIVE = 1e-9;
    private static final FeatureScoring SCORING = new FeatureScoring(Set.of(Method.values()), 0.99);

    /** One generated row: a numeric and a categorical feature value, a class and a number (missing: NaN/null). */
    private record Row(double x, String category, String label, double y) {}

    private static List<Row> rows(SplittableRandom random) {
        int n = Gen.size(random, 0, 400);
        int classes = Gen.between(random, 1, 4);
        int values = Gen.between(random, 1, 6);
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int c = random.nextInt(classes);
            double x = Gen.oneIn(random, 10) ? Double.NaN : c * 0.7 + random.nextGaussian() * 100 + 1e3;
            if (Gen.oneIn(random, 3)) {
                x = Math.rint(x / 50);
            }
            String category = Gen.oneIn(random, 10) ? null : "v" + (random.nextInt(values) + c) % values;
            double y = Gen.oneIn(random, 8) ? Math.rint(random.nextGaussian()) : x * 0.01 + random.nextGaussian();
            rows.add(new Row(x, category, "c" + c, Double.isNaN(y) ? 0 : y));
        }
        return rows;
    }

    private static FeatureAccumulator accumulate(List<Row> rows, Kind kind, Task task, int capacity) {
        FeatureAccumulator a = new FeatureAccumulator("f", kind, task, capacity, 100_000, 7);
        for (Row row : rows) {
            boolean present = kind == Kind.NUMERIC ? !Double.isNaN(row.x()) : row.category() != null;
            a.addRow(present);
            if (!present) {
                continue;
            }
            switch (kind) {
                case NUMERIC -> {
                    if (task == Task.CLASSIFICATION) {
                        a.addNumericClass(row.x(), row.label());
                    } else {
                        a.addNumericValue(row.x(), row.y());
                    }
                }
                case CATEGORICAL -> {
                    if (task == Task.CLASSIFICATION) {
                        a.addCategoricalClass(row.category(), row.label());
                    } else {
                        a.addCategoricalValue(row.category(), row.y());
                    }
                }
            }
        }
        return a;
    }

    @SeededProperty(tries = 200)
    void mergeOfPartsEqualsWhole(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Row> rows = rows(random);
        Kind kind = Gen.oneOf(random, Kind.values());
        Task task = Gen.oneOf(random, Task.CLASSIFICATION, Task.REGRESSION);
        FeatureResult whole = SCORING.score(accumulate(rows, kind, task, 1000));

        int parts = Gen.between(random, 1, 8);
        List<List<Row>> split = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            split.add(new ArrayList<>());
        }
        for (Row row : rows) {
            split.get(random.nextInt(parts)).add(row);
        }
        FeatureAccumulator merged = new FeatureAccumulator("f", kind, task, 1000, 100_000, 7);
        for (List<Row> part : split) {
            merged.merge(accumulate(part, kind, task, 1000));
        }
        FeatureResult result = SCORING.score(merged);

        assertThat(result.completeRows()).isEqualTo(whole.completeRows());
        assertThat(result.scores())
                .extracting(Score::method)
                .containsExactlyElementsOf(
                        whole.scores().stream().map(Score::method).toList());
        for (int i = 0; i < whole.scores().size(); i++) {
            Score a = result.scores().get(i);
            Score b = whole.scores().get(i);
            assertClose(a.statistic(), b.statistic());
            assertClose(a.strength(), b.strength());
            assertThat(a.dof()).isEqualTo(b.dof());
            if (b.hasPValue()) {
                assertThat(a.pValue()).isCloseTo(b.pValue(), org.assertj.core.api.Assertions.within(1e-9));
            }
        }
        assertThat(result.warnings())
                .extracting(FeatureWarning::kind)
                .containsExactlyElementsOf(
                        whole.warnings().stream().map(FeatureWarning::kind).toList());
    }

    @SeededProperty(tries = 100)
    void mergeWithEmptyIsIdentity(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Row> rows = rows(random);
        Kind kind = Gen.oneOf(random, Kind.values());
        Task task = Gen.oneOf(random, Task.CLASSIFICATION, Task.REGRESSION);
        FeatureAccumulator a = accumulate(rows, kind, task, 1000);
        FeatureResult before = SCORING.score(a);
        a.merge(new FeatureAccumulator("f", kind, task, 1000, 100_000, 7));
        assertThat(SCORING.score(a)).isEqualTo(before);
    }

    private static void assertClose(double actual, double expected) {
        double tolerance = RELATIVE * Math.max(1e-12, Math.max(Math.abs(actual), Math.abs(expected)));
        assertThat(Math.abs(actual - expected))
                .as(actual + " vs whole " + expected)
                .isLessThanOrEqualTo(tolerance);
    }
}
