package dev.veracity.schema;

import static dev.veracity.proto.AnomalyInfo.Type.COMPARATOR_CONTROL_DATA_MISSING;
import static dev.veracity.proto.AnomalyInfo.Type.COMPARATOR_HIGH_NUM_EXAMPLES;
import static dev.veracity.proto.AnomalyInfo.Type.COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH;
import static dev.veracity.proto.AnomalyInfo.Type.COMPARATOR_LOW_NUM_EXAMPLES;
import static dev.veracity.proto.AnomalyInfo.Type.COMPARATOR_L_INFTY_HIGH;
import static dev.veracity.proto.AnomalyInfo.Type.COMPARATOR_NORMALIZED_ABSOLUTE_DIFFERENCE_HIGH;
import static dev.veracity.proto.AnomalyInfo.Type.ENUM_TYPE_UNEXPECTED_STRING_VALUES;
import static dev.veracity.schema.AnomalyAssertions.assertClean;
import static dev.veracity.schema.AnomalyAssertions.onlyReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.DriftSkewInfo;
import dev.veracity.proto.DriftSkewInfo.Measurement;
import dev.veracity.proto.Histogram.HistogramType;
import dev.veracity.proto.Schema;
import dev.veracity.schema.metrics.Comparison;
import dev.veracity.schema.metrics.JensenShannon;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The comparator driver: TFDV's COMPARATOR_* anomalies, their messages and the drift and skew measurements. */
class ComparatorAnomaliesTest {
    /** {a: 3, b: 1} against {a: 1}: L-infinity 0.25 at a and b alike, reported at b (the last). */
    private static final DatasetFeatureStatisticsList CURRENT =
            Stats.examples(4).strings("annotated_enum").labels("a", 3, "b", 1).build();

    private static final DatasetFeatureStatisticsList PREVIOUS =
            Stats.examples(4).strings("annotated_enum").labels("a", 4).build();

    private static Schema drift(String comparator) {
        return Stats.schema("feature { name: 'annotated_enum' type: BYTES drift_comparator { " + comparator + " } }");
    }

    private static Schema skew(String comparator) {
        return Stats.schema("feature { name: 'annotated_enum' type: BYTES skew_comparator { " + comparator + " } }");
    }

    private static Measurement measurement(Measurement.Type type, double value, double threshold) {
        return Measurement.newBuilder()
                .setType(type)
                .setValue(value)
                .setThreshold(threshold)
                .build();
    }

    @Nested
    class LInfinity {
        @Test
        void justOverTheThresholdIsAnAnomalyWithTfdvsMessage() {
            Anomalies anomalies = Validator.validate(CURRENT, drift("infinity_norm { threshold: 0.01 }"))
                    .previous(PREVIOUS)
                    .run();
            AnomalyInfo.Reason reason = onlyReason(anomalies, "annotated_enum", COMPARATOR_L_INFTY_HIGH);
            assertThat(reason.getShortDescription()).isEqualTo("High Linfty distance between current and previous");
            assertThat(reason.getDescription())
                    .isEqualTo("The Linfty distance between current and previous is 0.25 "
                            + "(up to six significant digits), above the threshold 0.01. The feature value with maximum "
                            + "difference is: b");
            assertThat(anomalies.getDriftSkewInfoList())
                    .containsExactly(DriftSkewInfo.newBuilder()
                            .setPath(PathNames.of("annotated_enum"))
                            .addDriftMeasurements(measurement(Measurement.Type.L_INFTY, 0.25, 0.01))
                            .build());
        }

        @Test
        void exactlyAtTheThresholdPassesButIsMeasured() {
            Anomalies anomalies = Validator.validate(CURRENT, drift("infinity_norm { threshold: 0.25 }"))
                    .previous(PREVIOUS)
                    .run();
            assertClean(anomalies);
            assertThat(anomalies.getDriftSkewInfo(0).getDriftMeasurementsList())
                    .containsExactly(measurement(Measurement.Type.L_INFTY, 0.25, 0.25));
        }

        @Test
        void skewComparesTrainingWithServing() {
            Anomalies anomalies = Validator.validate(CURRENT, skew("infinity_norm { threshold: 0.2499 }"))
                    .serving(PREVIOUS)
                    .run();
            AnomalyInfo.Reason reason = onlyReason(anomalies, "annotated_enum", COMPARATOR_L_INFTY_HIGH);
            assertThat(reason.getShortDescription()).isEqualTo("High Linfty distance between training and serving");
            assertThat(reason.getDescription())
                    .startsWith("The Linfty distance between training and serving is 0.25 ")
                    .contains("above the threshold 0.2499.");
            assertThat(anomalies.getDriftSkewInfo(0).getSkewMeasurementsList())
                    .containsExactly(measurement(Measurement.Type.L_INFTY, 0.25, 0.2499));
            assertThat(anomalies.getDriftSkewInfo(0).getDriftMeasurementsList()).isEmpty();
        }
    }

    @Nested
    class NormalizedAbsoluteDifference {
        // max |3 - 4| (a) or |1 - 0| (b) over 8 values: 0.125, at b
        @Test
        void justOverTheThreshold() {
            Anomalies anomalies = Validator.validate(CURRENT, drift("normalized_abs_difference { threshold: 0.1249 }"))
                    .previous(PREVIOUS)
                    .run();
            AnomalyInfo.Reason reason =
                    onlyReason(anomalies, "annotated_enum", COMPARATOR_NORMALIZED_ABSOLUTE_DIFFERENCE_HIGH);
            assertThat(reason.getShortDescription())
                    .isEqualTo("High normalized absolute difference between current and previous");
            assertThat(reason.getDescription())
                    .isEqualTo("The normalized absolute difference between current and "
                            + "previous is 0.125 (up to six significant digits), above the threshold 0.1249. The feature "
                            + "value with maximum difference is: b");
        }

        @Test
        void exactlyAtTheThreshold() {
            Anomalies anomalies = Validator.validate(CURRENT, drift("normalized_abs_difference { threshold: 0.125 }"))
                    .previous(PREVIOUS)
                    .run();
            assertClean(anomalies);
            assertThat(anomalies.getDriftSkewInfo(0).getDriftMeasurementsList())
                    .containsExactly(measurement(Measurement.Type.NORMALIZED_ABSOLUTE_DIFFERENCE, 0.125, 0.125));
        }
    }

    @Nested
    class JensenShannonDivergence {
        private final DatasetFeatureStatisticsList current = Stats.examples(4)
                .floats("fare")
                .range(1, 3)
                .bucket(HistogramType.STANDARD, 1, 2, 2)
                .bucket(HistogramType.STANDARD, 2, 3, 2)
                .build();
        private final DatasetFeatureStatisticsList previous = Stats.examples(4)
                .floats("fare")
                .range(2, 6)
                .bucket(HistogramType.STANDARD, 2, 4, 2)
                .bucket(HistogramType.STANDARD, 4, 6, 2)
                .build();
        private final double expected = ((Comparison.Value) JensenShannon.numeric(
                        current.getDatasets(0).getFeatures(0).getNumStats().getHistograms(0),
                        previous.getDatasets(0).getFeatures(0).getNumStats().getHistograms(0)))
                .value();

        private Schema schema(double threshold) {
            return Stats.schema("feature { name: 'fare' type: FLOAT drift_comparator { jensen_shannon_divergence { "
                    + "threshold: " + threshold + " } } }");
        }

        @Test
        void numericJustOverTheThreshold() {
            assertThat(expected).isCloseTo(0.65563906222, within(1e-9));
            Anomalies anomalies = Validator.validate(current, schema(0.6556))
                    .previous(previous)
                    .run();
            AnomalyInfo.Reason reason = onlyReason(anomalies, "fare", COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH);
            assertThat(reason.getShortDescription())
                    .isEqualTo("High approximate Jensen-Shannon divergence between current and previous");
            assertThat(reason.getDescription())
                    .isEqualTo("The approximate Jensen-Shannon divergence between current "
                            + "and previous is 0.655639 (up to six significant digits), above the threshold 0.6556.");
        }

        @Test
        void numericExactlyAtTheThreshold() {
            Anomalies anomalies = Validator.validate(current, schema(expected))
                    .previous(previous)
                    .run();
            assertClean(anomalies);
            assertThat(anomalies.getDriftSkewInfo(0).getDriftMeasurementsList())
                    .containsExactly(measurement(Measurement.Type.JENSEN_SHANNON_DIVERGENCE, expected, expected));
        }

        @Test
        void quantilesHistogramsWhenTheSourceSaysSo() {
            DatasetFeatureStatisticsList a = Stats.examples(4)
                    .floats("fare")
                    .range(0, 2)
                    .bucket(HistogramType.QUANTILES, 0, 1, 2)
                    .bucket(HistogramType.QUANTILES, 1, 2, 2)
                    .build();
            DatasetFeatureStatisticsList b = Stats.examples(4)
                    .floats("fare")
                    .range(0, 2)
                    .bucket(HistogramType.QUANTILES, 0, 1, 4)
                    .build();
            Schema schema = Stats.schema("feature { name: 'fare' type: FLOAT drift_comparator { "
                    + "jensen_shannon_divergence { threshold: 0.1 source { type: QUANTILES } } } }");
            Anomalies anomalies = Validator.validate(a, schema).previous(b).run();
            // P = (1/2, 1/2), Q = (1, 0), M = (3/4, 1/4)
            double jsd = 0.5 * (0.5 * log2(0.5 / 0.75) + 0.5 * log2(2)) + 0.5 * log2(1 / 0.75);
            onlyReason(anomalies, "fare", COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH);
            assertThat(anomalies.getDriftSkewInfo(0).getDriftMeasurements(0).getValue())
                    .isCloseTo(jsd, within(1e-12));
        }

        @Test
        void categoricalFeaturesUseTheirRankHistograms() {
            Anomalies anomalies = Validator.validate(CURRENT, drift("jensen_shannon_divergence { threshold: 0.5 }"))
                    .previous(PREVIOUS)
                    .run();
            assertClean(anomalies);
            // P = (3/4, 1/4), Q = (1, 0), M = (7/8, 1/8)
            double jsd = 0.5 * (0.75 * log2(0.75 / 0.875) + 0.25 * log2(2)) + 0.5 * log2(1 / 0.875);
            assertThat(anomalies.getDriftSkewInfo(0).getDriftMeasurements(0).getValue())
                    .isCloseTo(jsd, within(1e-12));
        }
    }

    @Nested
    class Driver {
        @Test
        void controlDataMissingWhenThePreviousSpanLacksTheFeature() {
            DatasetFeatureStatisticsList other =
                    Stats.examples(4).strings("other").labels("a", 4).build();
            Anomalies anomalies = Validator.validate(CURRENT, drift("infinity_norm { threshold: 0.01 }"))
                    .previous(other)
                    .run();
            AnomalyInfo.Reason reason = onlyReason(
                    anomalies,
                    "annotated_enum",
                    COMPARATOR_CONTROL_DATA_MISSING,
                    "previous statistics have no feature annotated_enum");
            assertThat(reason.getShortDescription()).isEqualTo("previous data missing");
            assertThat(anomalies.getDriftSkewInfoList()).isEmpty();
        }

        @Test
        void servingDataMissing() {
            DatasetFeatureStatisticsList other =
                    Stats.examples(4).strings("other").labels("a", 4).build();
            AnomalyInfo.Reason reason = onlyReason(
                    Validator.validate(CURRENT, skew("jensen_shannon_divergence { threshold: 0.1 }"))
                            .serving(other)
                            .run(),
                    "annotated_enum",
                    COMPARATOR_CONTROL_DATA_MISSING);
            assertThat(reason.getShortDescription()).isEqualTo("serving data missing");
        }

        @Test
        void withoutControlDataNothingRuns() {
            Anomalies anomalies = Validator.validate(CURRENT, drift("infinity_norm { threshold: 0.01 }"))
                    .serving(PREVIOUS)
                    .run();
            assertClean(anomalies);
            assertThat(anomalies.getDriftSkewInfoList()).isEmpty();
        }

        @Test
        void withoutThresholdNothingRuns() {
            Anomalies anomalies = Validator.validate(CURRENT, drift("infinity_norm { }"))
                    .previous(Stats.examples(4).strings("other").labels("a", 4).build())
                    .run();
            assertClean(anomalies);
            assertThat(anomalies.getDriftSkewInfoList()).isEmpty();
        }

        @Test
        void reasonsInTfdvOrderAndOneMeasurementEntryPerFeature() {
            Schema schema = Stats.schema("feature { name: 'annotated_enum' type: BYTES domain: 'e' "
                    + "drift_comparator { jensen_shannon_divergence { threshold: 0.001 } "
                    + "normalized_abs_difference { threshold: 0.001 } infinity_norm { threshold: 0.01 } } "
                    + "skew_comparator { infinity_norm { threshold: 0.5 } } } string_domain { name: 'e' value: 'a' }");
            Anomalies anomalies = Validator.validate(CURRENT, schema)
                    .previous(PREVIOUS)
                    .serving(PREVIOUS)
                    .run();
            AnomalyInfo info = anomalies.getAnomalyInfoMap().get("annotated_enum");
            assertThat(info.getReasonList())
                    .extracting(AnomalyInfo.Reason::getType)
                    .containsExactly(
                            ENUM_TYPE_UNEXPECTED_STRING_VALUES, COMPARATOR_L_INFTY_HIGH,
                            COMPARATOR_NORMALIZED_ABSOLUTE_DIFFERENCE_HIGH, COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH);
            assertThat(info.getShortDescription()).isEqualTo("Multiple errors");
            assertThat(info.getDescription()).contains(" The Linfty distance between current and previous is 0.25");
            assertThat(anomalies.getDriftSkewInfoList()).hasSize(1);
            DriftSkewInfo measured = anomalies.getDriftSkewInfo(0);
            assertThat(measured.getDriftMeasurementsList())
                    .extracting(Measurement::getType)
                    .containsExactly(
                            Measurement.Type.L_INFTY,
                            Measurement.Type.NORMALIZED_ABSOLUTE_DIFFERENCE,
                            Measurement.Type.JENSEN_SHANNON_DIVERGENCE);
            assertThat(measured.getSkewMeasurementsList())
                    .containsExactly(measurement(Measurement.Type.L_INFTY, 0.25, 0.5));
        }

        @Test
        void deprecatedAndAbsentFeaturesAreNotCompared() {
            Schema schema = Stats.schema("feature { name: 'annotated_enum' type: BYTES lifecycle_stage: DEPRECATED "
                    + "drift_comparator { infinity_norm { threshold: 0.01 } } }"
                    + " feature { name: 'gone' type: BYTES drift_comparator { infinity_norm { threshold: 0.01 } } }");
            Anomalies anomalies =
                    Validator.validate(CURRENT, schema).previous(PREVIOUS).run();
            assertClean(anomalies);
            assertThat(anomalies.getDriftSkewInfoList()).isEmpty();
        }

        @Test
        void weightedStatisticsUseWeightedRankHistograms() {
            DatasetFeatureStatisticsList current = Stats.examples(4)
                    .strings("annotated_enum")
                    .labels("a", 3, "b", 1)
                    .weighted(4, 0, 4)
                    .weightedLabels("a", 1, "b", 1)
                    .weightedDataset(4)
                    .build();
            Anomalies anomalies = Validator.validate(current, drift("infinity_norm { threshold: 0.9 }"))
                    .previous(PREVIOUS)
                    .run();
            assertThat(anomalies.getDriftSkewInfo(0).getDriftMeasurements(0).getValue())
                    .isEqualTo(0.5);
        }
    }

    /** Beyond TFDV: a comparator that cannot apply records nothing and says so (TFDV records 0, issue #147). */
    @Nested
    class NotApplicable {
        private final DatasetFeatureStatisticsList numeric = Stats.examples(4)
                .floats("annotated_enum")
                .range(0, 1)
                .bucket(HistogramType.STANDARD, 0, 1, 4)
                .build();

        @Test
        void lInfinityOnANumericFeatureWarnsAndMeasuresNothing() {
            Schema schema = Stats.schema(
                    "feature { name: 'annotated_enum' type: FLOAT "
                            + "drift_comparator { infinity_norm { threshold: 0.01 } normalized_abs_difference { threshold: 0.1 } } }");
            ValidationReport report =
                    Validator.validate(numeric, schema).previous(numeric).report();
            assertClean(report.anomalies());
            assertThat(report.anomalies().getDriftSkewInfoList()).isEmpty();
            assertThat(report.warnings())
                    .containsExactly(
                            "annotated_enum: drift_comparator.infinity_norm not applied, nothing measured: the L-infinity "
                                    + "distance compares rank histograms (categorical statistics), and the current statistics "
                                    + "have none (a numeric FLOAT feature); for a numeric feature use "
                                    + "jensen_shannon_divergence.",
                            "annotated_enum: drift_comparator.normalized_abs_difference not applied, nothing measured: the "
                                    + "normalized absolute difference compares rank histograms (categorical statistics), and "
                                    + "the current statistics have none (a numeric FLOAT feature); for a numeric feature use "
                                    + "jensen_shannon_divergence.");
        }

        @Test
        void jensenShannonOfACategoricalAgainstANumericSideWarns() {
            ValidationReport report = Validator.validate(CURRENT, skew("jensen_shannon_divergence { threshold: 0.1 }"))
                    .serving(numeric)
                    .report();
            assertThat(report.anomalies().getAnomalyInfoMap()).isEmpty();
            assertThat(report.anomalies().getDriftSkewInfoList()).isEmpty();
            assertThat(report.warnings())
                    .singleElement()
                    .asString()
                    .contains(
                            "skew_comparator.jensen_shannon_divergence not applied",
                            "training statistics are categorical",
                            "serving statistics a numeric FLOAT feature");
        }

        @Test
        void jensenShannonWithoutTheChosenHistogramWarns() {
            Schema schema = Stats.schema("feature { name: 'annotated_enum' type: FLOAT drift_comparator { "
                    + "jensen_shannon_divergence { threshold: 0.1 source { type: QUANTILES } } } }");
            ValidationReport report =
                    Validator.validate(numeric, schema).previous(numeric).report();
            assertThat(report.anomalies().getDriftSkewInfoList()).isEmpty();
            assertThat(report.warnings())
                    .singleElement()
                    .asString()
                    .contains("QUANTILES histograms", "current statistics have none");
        }
    }

    @Nested
    class NumExamples {
        private final DatasetFeatureStatisticsList hundred =
                Stats.examples(100).ints("x").build();

        private Anomalies validate(long examples, String comparator, boolean version) {
            Schema schema = Stats.schema("dataset_constraints { " + comparator + " } feature { name: 'x' type: INT }");
            Validator validator =
                    Validator.validate(Stats.examples(examples).ints("x").build(), schema);
            return (version ? validator.previousVersion(hundred) : validator.previous(hundred)).run();
        }

        @Test
        void lowAgainstThePreviousSpan() {
            Anomalies anomalies = validate(49, "num_examples_drift_comparator { min_fraction_threshold: 0.5 }", false);
            AnomalyInfo.Reason reason = anomalies.getDatasetAnomalyInfo().getReason(0);
            assertThat(reason.getType()).isEqualTo(COMPARATOR_LOW_NUM_EXAMPLES);
            assertThat(reason.getShortDescription()).isEqualTo("Low num examples in dataset.");
            assertThat(reason.getDescription())
                    .isEqualTo("The ratio of num examples in the current dataset versus "
                            + "the previous span is 0.49 (up to six significant digits), which is below the threshold 0.5 "
                            + "(49 examples against 100).");
            assertThat(anomalies.getAnomalyInfoMap()).isEmpty();
        }

        @Test
        void atTheMinimumPasses() {
            assertClean(validate(50, "num_examples_drift_comparator { min_fraction_threshold: 0.5 }", false));
        }

        @Test
        void highAgainstThePreviousVersion() {
            Anomalies anomalies =
                    validate(151, "num_examples_version_comparator { max_fraction_threshold: 1.5 }", true);
            AnomalyInfo.Reason reason = anomalies.getDatasetAnomalyInfo().getReason(0);
            assertThat(reason.getType()).isEqualTo(COMPARATOR_HIGH_NUM_EXAMPLES);
            assertThat(reason.getDescription())
                    .contains("versus the previous version is 1.51 ", "above the threshold 1.5");
        }

        @Test
        void atTheMaximumPasses() {
            assertClean(validate(150, "num_examples_version_comparator { max_fraction_threshold: 1.5 }", true));
        }

        @Test
        void eachComparatorReadsItsOwnControl() {
            assertClean(validate(10, "num_examples_version_comparator { min_fraction_threshold: 0.5 }", false));
            assertClean(validate(10, "num_examples_drift_comparator { min_fraction_threshold: 0.5 }", true));
        }

        @Test
        void anEmptyControlMakesAnyCountTooHigh() {
            Schema schema = Stats.schema("dataset_constraints { num_examples_drift_comparator { "
                    + "max_fraction_threshold: 2 } } feature { name: 'x' type: INT }");
            Anomalies anomalies = Validator.validate(hundred, schema)
                    .previous(Stats.examples(0).build())
                    .run();
            assertThat(anomalies.getDatasetAnomalyInfo().getReason(0).getType())
                    .isEqualTo(COMPARATOR_HIGH_NUM_EXAMPLES);
            assertThat(anomalies.getDatasetAnomalyInfo().getReason(0).getDescription())
                    .contains("infinite");
        }
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void updateRunsNoComparators() {
        Schema schema = drift("infinity_norm { threshold: 0.01 }");
        assertThat(SchemaUpdater.update(schema, CURRENT)).isEqualTo(schema);
    }
}
