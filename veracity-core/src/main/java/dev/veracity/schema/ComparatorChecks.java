package dev.veracity.schema;

import static dev.veracity.proto.AnomalyInfo.Type.COMPARATOR_CONTROL_DATA_MISSING;
import static dev.veracity.proto.AnomalyInfo.Type.COMPARATOR_HIGH_NUM_EXAMPLES;
import static dev.veracity.proto.AnomalyInfo.Type.COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH;
import static dev.veracity.proto.AnomalyInfo.Type.COMPARATOR_LOW_NUM_EXAMPLES;
import static dev.veracity.proto.AnomalyInfo.Type.COMPARATOR_L_INFTY_HIGH;
import static dev.veracity.proto.AnomalyInfo.Type.COMPARATOR_NORMALIZED_ABSOLUTE_DIFFERENCE_HIGH;
import static dev.veracity.schema.Numbers.sixDigits;

import dev.veracity.proto.DatasetConstraints;
import dev.veracity.proto.DriftSkewInfo;
import dev.veracity.proto.DriftSkewInfo.Measurement;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureComparator;
import dev.veracity.proto.FeaturePaths.Path;
import dev.veracity.proto.Histogram;
import dev.veracity.proto.HistogramSelection;
import dev.veracity.proto.NumericValueComparator;
import dev.veracity.schema.metrics.Comparison;
import dev.veracity.schema.metrics.JensenShannon;
import dev.veracity.schema.metrics.LInfinity;
import dev.veracity.schema.metrics.NormalizedAbsoluteDifference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TFDV's comparator driver ({@code UpdateFeatureComparatorDirect}, tfdv.md section 5.4): per feature, the drift
 * comparator against the previous span, then the skew comparator against serving data, each in the order
 * L-infinity, normalized absolute difference, Jensen-Shannon divergence and only where a threshold is set. Every
 * value computed is a measurement (kept for {@code drift_skew_info}, under its threshold too); a value strictly
 * above its threshold is a finding, and the threshold is raised to it. Also the dataset's example-count
 * comparators against the previous span and the previous version.
 *
 * <p>Beyond TFDV: a comparator that cannot apply (L-infinity on a feature without rank histogram, a histogram
 * missing or of another kind on one side) records nothing and leaves a warning, where TFDV records 0 or only logs.
 */
final class ComparatorChecks {
    /** Which comparator, and how TFDV names the two sides in its messages. */
    enum Kind {
        DRIFT("current", "previous", "drift_comparator"),
        SKEW("training", "serving", "skew_comparator");

        final String treatment;
        final String control;
        final String field;

        Kind(String treatment, String control, String field) {
            this.treatment = treatment;
            this.control = control;
            this.field = field;
        }
    }

    private final DatasetView previous;
    private final DatasetView serving;
    private final DatasetView previousVersion;
    private final Map<Path, DriftSkewInfo.Builder> measurements = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    /**
     * @param previous        the previous span's dataset (drift), or null
     * @param serving         the serving dataset (skew), or null
     * @param previousVersion the previous version's dataset (example counts), or null
     */
    ComparatorChecks(DatasetView previous, DatasetView serving, DatasetView previousVersion) {
        this.previous = previous;
        this.serving = serving;
        this.previousVersion = previousVersion;
    }

    /** {@return checks with no control data: comparators never run (inference and update)} */
    static ComparatorChecks none() {
        return new ComparatorChecks(null, null, null);
    }

    /** {@return the measurements, one entry per feature that has any, in the order features were compared} */
    List<DriftSkewInfo> measurements() {
        return measurements.values().stream().map(DriftSkewInfo.Builder::build).toList();
    }

    /** {@return why comparators that have a threshold could not apply, one line each} */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** {@return the findings of the feature's drift, then skew comparator; relaxes their thresholds} */
    List<Description> compare(Feature.Builder feature, FeatureView current) {
        List<Description> found = new ArrayList<>();
        if (feature.hasDriftComparator()) {
            compare(Kind.DRIFT, feature.getDriftComparatorBuilder(), current, previous, found);
        }
        if (feature.hasSkewComparator()) {
            compare(Kind.SKEW, feature.getSkewComparatorBuilder(), current, serving, found);
        }
        return found;
    }

    private void compare(
            Kind kind,
            FeatureComparator.Builder comparator,
            FeatureView current,
            DatasetView control,
            List<Description> found) {
        boolean any = comparator.getInfinityNorm().hasThreshold()
                || comparator.getNormalizedAbsDifference().hasThreshold()
                || comparator.getJensenShannonDivergence().hasThreshold();
        if (!any || control == null) {
            return;
        }
        String key = PathNames.serialize(current.path());
        FeatureView other = control.features().get(key);
        if (other == null) {
            found.add(new Description(
                    COMPARATOR_CONTROL_DATA_MISSING,
                    kind.control + " data missing",
                    kind.control + " data is missing: the " + kind.control + " statistics have no feature " + key
                            + " to compare with (" + kind.field + ")."));
            comparator.clearInfinityNorm().clearJensenShannonDivergence();
            return;
        }
        Map<String, Double> treatmentLabels = current.labels();
        Map<String, Double> controlLabels = other.labels();
        if (comparator.getInfinityNorm().hasThreshold()) {
            double threshold = comparator.getInfinityNorm().getThreshold();
            Comparison result = applicable(kind, current, other, treatmentLabels, controlLabels, "L-infinity distance")
                    .orElseGet(() -> LInfinity.distance(treatmentLabels, controlLabels));
            if (measured(kind, key, current.path(), "infinity_norm", result, Measurement.Type.L_INFTY, threshold)) {
                Comparison.Value value = (Comparison.Value) result;
                comparator.getInfinityNormBuilder().setThreshold(value.value());
                found.add(new Description(
                        COMPARATOR_L_INFTY_HIGH,
                        "High Linfty distance between " + kind.treatment + " and " + kind.control,
                        "The Linfty distance between " + kind.treatment + " and "
                                + kind.control + " is " + sixDigits(value.value())
                                + " (up to six significant digits), above "
                                + "the threshold " + sixDigits(threshold)
                                + ". The feature value with maximum difference is: "
                                + value.label()));
            }
        }
        if (comparator.getNormalizedAbsDifference().hasThreshold()) {
            double threshold = comparator.getNormalizedAbsDifference().getThreshold();
            Comparison result = applicable(
                            kind, current, other, treatmentLabels, controlLabels, "normalized absolute difference")
                    .orElseGet(() -> NormalizedAbsoluteDifference.of(treatmentLabels, controlLabels));
            if (measured(
                    kind,
                    key,
                    current.path(),
                    "normalized_abs_difference",
                    result,
                    Measurement.Type.NORMALIZED_ABSOLUTE_DIFFERENCE,
                    threshold)) {
                Comparison.Value value = (Comparison.Value) result;
                comparator.getNormalizedAbsDifferenceBuilder().setThreshold(value.value());
                found.add(new Description(
                        COMPARATOR_NORMALIZED_ABSOLUTE_DIFFERENCE_HIGH,
                        "High normalized absolute " + "difference between " + kind.treatment + " and " + kind.control,
                        "The normalized absolute "
                                + "difference between " + kind.treatment + " and " + kind.control + " is "
                                + sixDigits(value.value()) + " (up to six significant digits), above the threshold "
                                + sixDigits(threshold) + ". The feature value with maximum difference is: "
                                + value.label()));
            }
        }
        if (comparator.getJensenShannonDivergence().hasThreshold()) {
            double threshold = comparator.getJensenShannonDivergence().getThreshold();
            Comparison result = jensenShannon(
                    kind,
                    comparator.getJensenShannonDivergence().getSource().getType(),
                    current,
                    other,
                    treatmentLabels,
                    controlLabels);
            if (measured(
                    kind,
                    key,
                    current.path(),
                    "jensen_shannon_divergence",
                    result,
                    Measurement.Type.JENSEN_SHANNON_DIVERGENCE,
                    threshold)) {
                Comparison.Value value = (Comparison.Value) result;
                comparator.getJensenShannonDivergenceBuilder().setThreshold(value.value());
                found.add(new Description(
                        COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH,
                        "High approximate " + "Jensen-Shannon divergence between " + kind.treatment + " and "
                                + kind.control,
                        "The approximate Jensen-Shannon divergence between " + kind.treatment + " and " + kind.control
                                + " is " + sixDigits(value.value()) + " (up to six significant digits), above the "
                                + "threshold " + sixDigits(threshold) + "."));
            }
        }
    }

    /** {@return why a rank-histogram metric cannot apply (TFDV would compare two empty maps and record 0)} */
    private static Optional<Comparison> applicable(
            Kind kind,
            FeatureView current,
            FeatureView other,
            Map<String, Double> treatment,
            Map<String, Double> control,
            String metric) {
        if (!treatment.isEmpty() && !control.isEmpty()) {
            return Optional.empty();
        }
        FeatureView lacking = treatment.isEmpty() ? current : other;
        String side = treatment.isEmpty() ? kind.treatment : kind.control;
        return Optional.of(new Comparison.Unavailable("the " + metric + " compares rank histograms (categorical "
                + "statistics), and the " + side + " statistics have none (" + description(lacking) + ")"
                + (lacking.hasNumStats() ? "; for a numeric feature use jensen_shannon_divergence" : "")));
    }

    private static Comparison jensenShannon(
            Kind kind,
            HistogramSelection.Type source,
            FeatureView current,
            FeatureView other,
            Map<String, Double> treatment,
            Map<String, Double> control) {
        if (!treatment.isEmpty() && !control.isEmpty()) {
            return JensenShannon.categorical(treatment, control);
        }
        if (!treatment.isEmpty() || !control.isEmpty()) {
            return new Comparison.Unavailable("the " + kind.treatment + " statistics are "
                    + (treatment.isEmpty() ? description(current) : "categorical") + " and the " + kind.control
                    + " statistics " + (control.isEmpty() ? description(other) : "categorical")
                    + ": the histograms are of different kinds");
        }
        Histogram.HistogramType type = source == HistogramSelection.Type.QUANTILES
                ? Histogram.HistogramType.QUANTILES
                : Histogram.HistogramType.STANDARD;
        Optional<Histogram> a = current.histogram(type);
        Optional<Histogram> b = other.histogram(type);
        if (a.isEmpty() || b.isEmpty()) {
            FeatureView lacking = a.isEmpty() ? current : other;
            return new Comparison.Unavailable("it compares " + type + " histograms (source.type " + source
                    + "), and the " + (a.isEmpty() ? kind.treatment : kind.control) + " statistics have none ("
                    + description(lacking) + ")");
        }
        return JensenShannon.numeric(a.get(), b.get());
    }

    private static String description(FeatureView view) {
        if (view.hasNumStats()) {
            return "a numeric " + view.typeName() + " feature";
        }
        if (view.hasStringStats()) {
            return "a " + view.typeName() + " feature with an empty rank histogram";
        }
        return "a " + view.typeName() + " feature without value statistics";
    }

    /** Records a computed value, or warns; {@return whether the value is above its threshold} */
    private boolean measured(
            Kind kind,
            String key,
            Path path,
            String field,
            Comparison result,
            Measurement.Type type,
            double threshold) {
        if (result instanceof Comparison.Unavailable unavailable) {
            warnings.add(key + ": " + kind.field + "." + field + " not applied, nothing measured: "
                    + unavailable.reason() + ".");
            return false;
        }
        Comparison.Value value = (Comparison.Value) result;
        DriftSkewInfo.Builder info = measurements.computeIfAbsent(
                path, p -> DriftSkewInfo.newBuilder().setPath(p));
        Measurement measurement = Measurement.newBuilder()
                .setType(type)
                .setValue(value.value())
                .setThreshold(threshold)
                .build();
        if (kind == Kind.DRIFT) {
            info.addDriftMeasurements(measurement);
        } else {
            info.addSkewMeasurements(measurement);
        }
        return value.value() > threshold;
    }

    /** {@return the findings of the dataset's example-count comparators; relaxes their thresholds} */
    List<Description> compareExamples(DatasetConstraints.Builder constraints, DatasetView current) {
        List<Description> found = new ArrayList<>();
        if (constraints.hasNumExamplesDriftComparator() && previous != null) {
            compareExamples(
                    constraints.getNumExamplesDriftComparatorBuilder(), current, previous, "previous span", found);
        }
        if (constraints.hasNumExamplesVersionComparator() && previousVersion != null) {
            compareExamples(
                    constraints.getNumExamplesVersionComparatorBuilder(),
                    current,
                    previousVersion,
                    "previous version",
                    found);
        }
        return found;
    }

    private static void compareExamples(
            NumericValueComparator.Builder comparator,
            DatasetView current,
            DatasetView control,
            String controlName,
            List<Description> found) {
        double examples = current.numExamples();
        double controlExamples = control.numExamples();
        double ratio = examples / controlExamples;
        String counts = " (" + Numbers.count(examples) + " examples against " + Numbers.count(controlExamples) + ")";
        if (comparator.hasMinFractionThreshold() && examples < controlExamples * comparator.getMinFractionThreshold()) {
            found.add(new Description(
                    COMPARATOR_LOW_NUM_EXAMPLES,
                    "Low num examples in dataset.",
                    "The ratio of "
                            + "num examples in the current dataset versus the " + controlName + " is "
                            + sixDigits(ratio)
                            + " (up to six significant digits), which is below the threshold "
                            + sixDigits(comparator.getMinFractionThreshold()) + counts + "."));
            comparator.setMinFractionThreshold(ratio);
        }
        if (comparator.hasMaxFractionThreshold() && examples > controlExamples * comparator.getMaxFractionThreshold()) {
            if (controlExamples > 0) {
                found.add(new Description(
                        COMPARATOR_HIGH_NUM_EXAMPLES,
                        "High num examples in dataset.",
                        "The "
                                + "ratio of num examples in the current dataset versus the " + controlName + " is "
                                + sixDigits(ratio) + " (up to six significant digits), which is above the threshold "
                                + sixDigits(comparator.getMaxFractionThreshold()) + counts + "."));
                comparator.setMaxFractionThreshold(ratio);
            } else {
                found.add(new Description(
                        COMPARATOR_HIGH_NUM_EXAMPLES,
                        "High num examples in dataset.",
                        "The "
                                + controlName + " has no examples, so the ratio of num examples in the current dataset "
                                + "versus the " + controlName + " is infinite, above the threshold "
                                + sixDigits(comparator.getMaxFractionThreshold()) + counts + "."));
                comparator.clearMaxFractionThreshold();
            }
        }
    }
}
