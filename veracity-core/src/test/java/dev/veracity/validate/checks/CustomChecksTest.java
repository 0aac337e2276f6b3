package dev.veracity.validate.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.InputException;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.NumericStatistics;
import dev.veracity.schema.PathNames;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CustomChecksTest {
    private static DatasetFeatureStatistics dataset(long examples, double meanFare) {
        return DatasetFeatureStatistics.newBuilder()
                .setNumExamples(examples)
                .addFeatures(FeatureNameStatistics.newBuilder()
                        .setPath(PathNames.of("fare"))
                        .setType(FeatureNameStatistics.Type.FLOAT)
                        .setNumStats(NumericStatistics.newBuilder()
                                .setMean(meanFare)
                                .setCommonStats(CommonStatistics.newBuilder()
                                        .setNumNonMissing(examples)
                                        .setTotNumValues(examples))))
                .build();
    }

    @Nested
    class Change {
        private final Check relative = Check.of("fare", Metric.MEAN)
                .withChange(new dev.veracity.validate.checks.Change(
                        dev.veracity.validate.checks.Change.Kind.RELATIVE, 0.2));
        private final Check absolute = Check.of("fare", Metric.MEAN)
                .withChange(
                        new dev.veracity.validate.checks.Change(dev.veracity.validate.checks.Change.Kind.ABSOLUTE, 3));

        @Test
        void relativeChangeIsBoundedInclusivelyAgainstThePreviousValue() {
            assertThat(passed(relative, 10, 12)).isTrue(); // |12 - 10| / 10 = 0.2
            assertThat(passed(relative, 10, 8)).isTrue();
            assertThat(passed(relative, 10, 12.5)).isFalse();
            assertThat(passed(relative, 10, 7.5)).isFalse();
        }

        @Test
        void absoluteChangeIsBoundedInclusively() {
            assertThat(passed(absolute, 10, 13)).isTrue();
            assertThat(passed(absolute, 10, 7)).isTrue();
            assertThat(passed(absolute, 10, 13.5)).isFalse();
        }

        @Test
        void aPreviousZeroAllowsOnlyZero() {
            assertThat(passed(relative, 0, 0)).isTrue();
            assertThat(passed(relative, 0, 0.001)).isFalse();
        }

        @Test
        void theDescriptionNamesTheCheckTheBoundAndBothValues() {
            CheckResult result = CustomChecks.of(List.of(relative.at("checks.yaml:6:5")))
                    .previous(dataset(100, 10))
                    .evaluate(dataset(100, 15))
                    .get(0);
            assertThat(result.description())
                    .isEqualTo("Check mean of fare relative change <= 0.2 (checks.yaml:6:5) failed: expected a "
                            + "relative change of at most 0.2 from the previous 10, found 15 (a change of 0.5).");
        }

        @Test
        void withoutPreviousStatisticsItIsAnErrorAtTheCheck() {
            assertThatThrownBy(() -> CustomChecks.of(List.of(relative.at("checks.yaml:6:5")))
                            .evaluate(dataset(100, 15)))
                    .isInstanceOf(InputException.class)
                    .hasMessage("checks.yaml:6:5: expected previous statistics (--previous) for the change of mean "
                            + "of fare, found none");
        }

        private boolean passed(Check check, double before, double now) {
            return CustomChecks.of(List.of(check))
                    .previous(dataset(100, before))
                    .evaluate(dataset(100, now))
                    .get(0)
                    .passed();
        }
    }

    @Test
    void failedChecksBecomeCustomValidationAnomaliesWithTheirSeverity() {
        List<CheckResult> results = CustomChecks.of(List.of(
                        Check.of("fare", Metric.MEAN).withBounds(5, 50),
                        Check.of("fare", Metric.MEAN).withBounds(0, 10).withSeverity(AnomalyInfo.Severity.WARNING),
                        Check.of("", Metric.NUM_EXAMPLES).withBounds(1000, Double.POSITIVE_INFINITY)))
                .evaluate(dataset(100, 20));
        assertThat(results).extracting(CheckResult::passed).containsExactly(true, false, false);
        Anomalies anomalies = CustomChecks.addTo(Anomalies.getDefaultInstance(), results);
        AnomalyInfo fare = anomalies.getAnomalyInfoOrThrow("fare");
        assertThat(fare.getSeverity()).isEqualTo(AnomalyInfo.Severity.WARNING);
        assertThat(fare.getReason(0).getType()).isEqualTo(AnomalyInfo.Type.CUSTOM_VALIDATION);
        assertThat(fare.getDescription())
                .isEqualTo("Check mean of fare in [0, 10] failed: expected in [0, 10], " + "found 20.");
        assertThat(fare.getPath()).isEqualTo(PathNames.of("fare"));
        AnomalyInfo dataset = anomalies.getDatasetAnomalyInfo();
        assertThat(dataset.getSeverity()).isEqualTo(AnomalyInfo.Severity.ERROR);
        assertThat(dataset.getReason(0).getShortDescription()).isEqualTo("Custom check failed: num_examples");
        assertThat(dataset.getDescription()).contains(">= 1000").contains("found 100");
    }

    @Test
    void aCheckOnAFeatureWithAnAnomalyAddsAReasonAndRaisesTheSeverity() {
        Anomalies schemaFound = Anomalies.newBuilder()
                .putAnomalyInfo(
                        "fare",
                        AnomalyInfo.newBuilder()
                                .setSeverity(AnomalyInfo.Severity.WARNING)
                                .setShortDescription("Low")
                                .setDescription("Low.")
                                .addReason(AnomalyInfo.Reason.newBuilder()
                                        .setType(AnomalyInfo.Type.FEATURE_TYPE_LOW_FRACTION_PRESENT))
                                .build())
                .build();
        Anomalies merged = CustomChecks.addTo(
                schemaFound,
                CustomChecks.of(List.of(Check.of("fare", Metric.MEAN).withBounds(0, 10)))
                        .evaluate(dataset(100, 20)));
        AnomalyInfo fare = merged.getAnomalyInfoOrThrow("fare");
        assertThat(fare.getReasonList())
                .extracting(AnomalyInfo.Reason::getType)
                .containsExactly(
                        AnomalyInfo.Type.FEATURE_TYPE_LOW_FRACTION_PRESENT, AnomalyInfo.Type.CUSTOM_VALIDATION);
        assertThat(fare.getSeverity()).isEqualTo(AnomalyInfo.Severity.ERROR);
        assertThat(fare.getShortDescription()).isEqualTo("Multiple errors");
    }

    @Test
    void anUnknownFeatureIsAnErrorNamingTheCloseOnes() {
        assertThatThrownBy(() -> CustomChecks.of(List.of(
                                Check.of("fair", Metric.MEAN).withBounds(0, 1).at("c.yaml:2:5")))
                        .evaluate(dataset(10, 1)))
                .isInstanceOf(InputException.class)
                .hasMessage("c.yaml:2:5: expected a feature of the statistics, found \"fair\"; did you mean fare?");
    }
}
