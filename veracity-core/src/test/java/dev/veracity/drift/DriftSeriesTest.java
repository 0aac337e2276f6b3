package dev.veracity.drift;

import static dev.veracity.drift.DriftStats.categorical;
import static dev.veracity.drift.DriftStats.dataset;
import static dev.veracity.drift.DriftStats.list;
import static dev.veracity.drift.DriftStats.numeric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.ConfigException;
import dev.veracity.format.ProtoText;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Schema;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Drift over spans: consecutive and baseline comparisons, alarms, slices, configuration. */
class DriftSeriesTest {
    private static DatasetFeatureStatisticsList span(double shift, String top) {
        return list(
                dataset(
                        "All Examples",
                        5000,
                        numeric("x", 1, 500, shift, shift + 1, shift + 2),
                        categorical("c", top, 600, "other", 400)),
                dataset("country_DE", 100, numeric("x", 1, 50, 0, 1, 2)));
    }

    private static final DatasetFeatureStatisticsList CLEAN = span(0, "a");
    private static final DatasetFeatureStatisticsList SHIFTED = span(1, "a");

    @Nested
    class Series {
        @Test
        void aShiftedSpanIsFlaggedAgainstThePreviousAndTheFirst() {
            DriftReport report = DriftSeries.of(List.of(CLEAN, CLEAN, SHIFTED))
                    .names(List.of("a", "b", "c"))
                    .run();
            DriftReport.FeatureSeries x = report.slices().get(0).features().get(0);
            assertThat(x.feature()).isEqualTo("x");
            assertThat(x.metric()).isEqualTo("wasserstein"); // numeric, baseline of more than 1000 examples
            assertThat(x.threshold()).isEqualTo(0.1);
            assertThat(x.spans().get(0).previous().reason()).isEqualTo("the first span");
            assertThat(x.spans().get(0).baseline().reason()).isEqualTo("the baseline itself");
            assertThat(x.spans().get(1).hasAlarm()).isFalse();
            assertThat(x.spans().get(1).previous().statistic()).isZero();
            assertThat(x.spans().get(2).previous().statistic()).isCloseTo(1, within(1e-12));
            assertThat(x.spans().get(2).baseline().drift()).isTrue();
            assertThat(report.alarms()).hasSize(2);
            assertThat(report.hasAlarms()).isTrue();
            assertThat(report.baseline()).isEqualTo("first span (a)");
        }

        @Test
        void previousBaselineComparesEachSpanWithTheOneBefore() {
            DriftReport report = DriftSeries.of(List.of(CLEAN, SHIFTED, SHIFTED))
                    .baseline(Baseline.previous())
                    .run();
            DriftReport.FeatureSeries x = report.slices().get(0).features().get(0);
            assertThat(x.spans().get(1).hasAlarm()).isTrue();
            assertThat(x.spans().get(2).hasAlarm()).isFalse();
            assertThat(x.spans().get(2).baseline()).isSameAs(x.spans().get(2).previous());
            assertThat(report.alarms()).hasSize(1);
        }

        @Test
        void aFixedBaselineIsComparedWithEverySpan() {
            DriftReport report = DriftSeries.of(List.of(CLEAN, SHIFTED))
                    .baseline(Baseline.of(CLEAN, "train.pb"))
                    .run();
            DriftReport.FeatureSeries x = report.slices().get(0).features().get(0);
            assertThat(x.spans().get(0).baseline().isComputed()).isTrue();
            assertThat(x.spans().get(0).baseline().drift()).isFalse();
            assertThat(x.spans().get(1).baseline().drift()).isTrue();
            assertThat(report.baseline()).isEqualTo("train.pb");
        }

        @Test
        void slicesAreComparedByDatasetName() {
            DriftReport report = DriftSeries.of(List.of(CLEAN, SHIFTED)).run();
            assertThat(report.slices())
                    .extracting(DriftReport.SliceDrift::dataset)
                    .containsExactly("All Examples", "country_DE");
            DriftReport.FeatureSeries sliced = report.slices().get(1).features().get(0);
            assertThat(sliced.metric()).isEqualTo("ks"); // 100 examples
            assertThat(sliced.spans().get(1).hasAlarm()).isFalse();
        }

        @Test
        void aFeatureAbsentFromASpanIsNotApplicableThere() {
            DatasetFeatureStatisticsList without =
                    list(dataset("All Examples", 5000, categorical("c", "a", 600, "other", 400)));
            DriftReport report = DriftSeries.of(List.of(CLEAN, without)).run();
            DriftResult r =
                    report.slices().get(0).features().get(0).spans().get(1).previous();
            assertThat(r.status()).isEqualTo(DriftResult.Status.NOT_APPLICABLE);
            assertThat(r.reason()).isEqualTo("absent from span 2 (dataset All Examples)");
        }
    }

    @Nested
    class Configuration {
        @Test
        void schemaTagsChooseTestAndThreshold() throws Exception {
            Schema schema = ProtoText.merge("""
                    feature { name: "x" type: FLOAT
                      annotation { tag: "owner:ml" tag: "veracity:drift_test=psi" tag: "veracity:drift_threshold=50" } }
                    feature { name: "c" type: BYTES annotation { tag: "veracity:drift_threshold=0.2" } }
                    """, Schema.newBuilder()).build();
            DriftConfig config = DriftConfig.fromSchema(schema);
            DriftReport report =
                    DriftSeries.of(List.of(CLEAN, SHIFTED)).config(config).run();
            DriftReport.FeatureSeries x = report.slices().get(0).features().get(0);
            assertThat(x.metric()).isEqualTo("psi");
            assertThat(x.threshold()).isEqualTo(50);
            assertThat(x.hasAlarm()).isFalse();
            assertThat(report.slices().get(0).features().get(1).threshold()).isEqualTo(0.2);
        }

        @Test
        void commandLineChoicesOverrideTheSchema() {
            DriftConfig schema =
                    DriftConfig.defaults().withTest("x", DriftTest.PSI).withThreshold("x", 50);
            DriftConfig config = schema.overriddenBy(DriftConfig.defaults().withTest("x", DriftTest.KS));
            assertThat(config.test("x")).contains(DriftTest.KS);
            assertThat(config.threshold("x")).contains(50.0);
        }

        @Test
        void badTagsAndThresholdsAreConfigErrors() throws Exception {
            Schema schema = ProtoText.merge(
                            "feature { name: \"x\" annotation { tag: \"veracity:drift_test=t\" } }",
                            Schema.newBuilder())
                    .build();
            assertThatThrownBy(() -> DriftConfig.fromSchema(schema))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("schema feature x: tag veracity:drift_test=t: expected one of ks,");
            DriftConfig pValueTooBig =
                    DriftConfig.defaults().withTest("x", DriftTest.KS).withThreshold("x", 2);
            assertThatThrownBy(() -> DriftSeries.of(List.of(CLEAN, SHIFTED))
                            .config(pValueTooBig)
                            .run())
                    .isInstanceOf(ConfigException.class)
                    .hasMessage(
                            "drift threshold of x: ks compares a p-value, expected a threshold in (0, 1), found 2.0");
        }
    }

    @Nested
    class SpansThatCannotBeCompared {
        @Test
        void aSpanWithoutDatasetsIsAnInputErrorNamingIt() {
            assertThatThrownBy(() -> DriftSeries.of(List.of(CLEAN, DatasetFeatureStatisticsList.getDefaultInstance()))
                            .names(List.of("day1.pb", "day2.pb"))
                            .run())
                    .isInstanceOf(dev.veracity.InputException.class)
                    .hasMessage("day2.pb: expected statistics of at least one feature to compare, found no dataset "
                            + "(an empty file?)");
        }

        @Test
        void aSpanWithoutFeaturesIsAnInputErrorToo() {
            DatasetFeatureStatisticsList featureless = list(dataset("All Examples", 10));
            assertThatThrownBy(() -> DriftSeries.of(List.of(featureless, CLEAN))
                            .names(List.of("a", "b"))
                            .run())
                    .isInstanceOf(dev.veracity.InputException.class)
                    .hasMessage("a: expected statistics of at least one feature to compare, found 1 dataset(s) "
                            + "without features");
            assertThatThrownBy(() -> DriftSeries.of(List.of(CLEAN))
                            .baseline(Baseline.of(featureless, "base.pb"))
                            .run())
                    .hasMessageStartingWith("base.pb: expected statistics");
        }
    }
}
