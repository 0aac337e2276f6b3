package dev.veracity.drift;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Drift of every feature of every dataset (slice) over a series of spans, from {@link DriftSeries#run()}.
 *
 * <pre>{@code
 * DriftReport report = DriftSeries.of(spans).run();
 * for (DriftResult alarm : report.alarms()) System.err.println(alarm);
 * }</pre>
 *
 * @param spans    the spans' names, in order
 * @param baseline how the baseline is named ("first span", "previous span", or the baseline's name)
 * @param slices   one entry per dataset name (TFDV's slice key), in order of first appearance
 */
public record DriftReport(List<String> spans, String baseline, List<SliceDrift> slices) {
    public DriftReport {
        spans = List.copyOf(requireNonNull(spans, "spans is null"));
        requireNonNull(baseline, "baseline is null");
        slices = List.copyOf(requireNonNull(slices, "slices is null"));
    }

    /** {@return whether any feature crossed its threshold in any span} */
    public boolean hasAlarms() {
        return !alarms().isEmpty();
    }

    /** {@return every result that crossed its threshold, in report order (a result against both is listed once)} */
    public List<DriftResult> alarms() {
        List<DriftResult> alarms = new ArrayList<>();
        for (SliceDrift slice : slices) {
            for (FeatureSeries feature : slice.features()) {
                for (SpanDrift span : feature.spans()) {
                    if (span.previous().drift()) {
                        alarms.add(span.previous());
                    }
                    if (span.baseline().drift() && span.baseline() != span.previous()) {
                        alarms.add(span.baseline());
                    }
                }
            }
        }
        return alarms;
    }

    /**
     * The drift of the features of one dataset (slice).
     *
     * @param dataset  the dataset's name ("All Examples" for all rows, as TFDV names it)
     * @param features one series per feature, in order of first appearance
     */
    public record SliceDrift(String dataset, List<FeatureSeries> features) {
        public SliceDrift {
            requireNonNull(dataset, "dataset is null");
            features = List.copyOf(requireNonNull(features, "features is null"));
        }
    }

    /**
     * One feature's drift over the spans.
     *
     * @param feature   the feature's path as TFDV serializes it
     * @param metric    the test's name, {@code "none"} when no test applies to the feature
     * @param threshold the threshold of the test
     * @param spans     one entry per span, in order
     */
    public record FeatureSeries(String feature, String metric, double threshold, List<SpanDrift> spans) {
        public FeatureSeries {
            requireNonNull(feature, "feature is null");
            requireNonNull(metric, "metric is null");
            spans = List.copyOf(requireNonNull(spans, "spans is null"));
        }

        /** {@return whether the feature crossed its threshold in any span} */
        public boolean hasAlarm() {
            return spans.stream().anyMatch(SpanDrift::hasAlarm);
        }
    }

    /**
     * One span of a feature's series.
     *
     * @param span     the span's index (0 for the first)
     * @param previous the test against the span before (NOT_APPLICABLE for the first span)
     * @param baseline the test against the baseline (the same object as {@code previous} with the previous-span
     *                 baseline; NOT_APPLICABLE for the first span when it is the baseline)
     */
    public record SpanDrift(int span, DriftResult previous, DriftResult baseline) {
        public SpanDrift {
            requireNonNull(previous, "previous is null");
            requireNonNull(baseline, "baseline is null");
        }

        /** {@return whether either comparison crossed its threshold} */
        public boolean hasAlarm() {
            return previous.drift() || baseline.drift();
        }
    }
}
