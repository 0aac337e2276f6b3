package dev.veracity.drift;

import static java.util.Objects.requireNonNull;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.schema.PathNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Drift of every feature over a series of spans (statistics of consecutive batches of data): each span against
 * the span before it and against a {@link Baseline}, per dataset (slice) matched by name across spans.
 * Immutable: each setter returns a new series.
 *
 * <pre>{@code
 * DriftReport report = DriftSeries.of(List.of(monday, tuesday, wednesday))
 *         .baseline(Baseline.first()).config(DriftConfig.fromSchema(schema)).run();
 * }</pre>
 */
public final class DriftSeries {
    private static final String NO_TEST = "none";

    private final List<DatasetFeatureStatisticsList> spans;
    private final List<String> names;
    private final Baseline baseline;
    private final DriftConfig config;
    private final double rankError;

    private DriftSeries(
            List<DatasetFeatureStatisticsList> spans,
            List<String> names,
            Baseline baseline,
            DriftConfig config,
            double rankError) {
        this.spans = spans;
        this.names = names;
        this.baseline = baseline;
        this.config = config;
        this.rankError = rankError;
    }

    /** {@return a series of the spans in order, named "span 1", "span 2", ..., against the first span} */
    public static DriftSeries of(List<DatasetFeatureStatisticsList> spans) {
        List<DatasetFeatureStatisticsList> copy = List.copyOf(requireNonNull(spans, "spans is null"));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no spans");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < copy.size(); i++) {
            names.add("span " + (i + 1));
        }
        return new DriftSeries(
                copy, List.copyOf(names), Baseline.first(), DriftConfig.defaults(), FeatureDrift.SKETCH_RANK_ERROR);
    }

    /** {@return this series with the spans named (e.g. by their files), one name per span} */
    public DriftSeries names(List<String> spanNames) {
        if (spanNames.size() != spans.size()) {
            throw new IllegalArgumentException("expected " + spans.size() + " names, found " + spanNames.size());
        }
        return new DriftSeries(spans, List.copyOf(spanNames), baseline, config, rankError);
    }

    /** {@return this series compared with another baseline} */
    public DriftSeries baseline(Baseline newBaseline) {
        return new DriftSeries(spans, names, requireNonNull(newBaseline, "baseline is null"), config, rankError);
    }

    /** {@return this series with per-feature choices of test and threshold} */
    public DriftSeries config(DriftConfig newConfig) {
        return new DriftSeries(spans, names, baseline, requireNonNull(newConfig, "config is null"), rankError);
    }

    /** {@return this series with the rank error of the sketch behind QUANTILES histograms (for error bounds)} */
    public DriftSeries rankError(double newRankError) {
        if (!(newRankError >= 0 && newRankError <= 1)) {
            throw new IllegalArgumentException("rank error must be in [0, 1]: " + newRankError);
        }
        return new DriftSeries(spans, names, baseline, config, newRankError);
    }

    /**
     * {@return the drift of every feature of every dataset over the spans}
     *
     * @throws ConfigException if a feature's threshold does not fit its test (a p-value threshold outside (0, 1))
     * @throws InputException   STATISTICS_NOT_USABLE if a span (or the fixed baseline) has no feature to compare: an
     *                          empty statistics file is no evidence of "no drift"
     */
    public DriftReport run() {
        for (int i = 0; i < spans.size(); i++) {
            checkComparable(spans.get(i), names.get(i));
        }
        if (baseline instanceof Baseline.Fixed given) {
            checkComparable(given.statistics(), given.name());
        }
        List<Map<String, DatasetFeatureStatistics>> spanDatasets = new ArrayList<>();
        for (DatasetFeatureStatisticsList span : spans) {
            spanDatasets.add(datasets(span));
        }
        Map<String, DatasetFeatureStatistics> fixed =
                baseline instanceof Baseline.Fixed given ? datasets(given.statistics()) : Map.of();
        Set<String> datasetNames = new LinkedHashSet<>(fixed.keySet());
        spanDatasets.forEach(datasets -> datasetNames.addAll(datasets.keySet()));
        List<DriftReport.SliceDrift> slices = new ArrayList<>();
        for (String dataset : datasetNames) {
            List<Map<String, FeatureNameStatistics>> features = new ArrayList<>();
            for (Map<String, DatasetFeatureStatistics> datasets : spanDatasets) {
                features.add(datasets.containsKey(dataset) ? features(datasets.get(dataset)) : Map.of());
            }
            Optional<DatasetFeatureStatistics> fixedDataset = Optional.ofNullable(fixed.get(dataset));
            slices.add(slice(dataset, spanDatasets, features, fixedDataset));
        }
        String baselineName = baseline instanceof Baseline.Fixed given
                ? given.name()
                : baseline instanceof Baseline.Previous ? "previous span" : "first span (" + names.get(0) + ")";
        return new DriftReport(names, baselineName, slices);
    }

    private DriftReport.SliceDrift slice(
            String dataset,
            List<Map<String, DatasetFeatureStatistics>> spanDatasets,
            List<Map<String, FeatureNameStatistics>> spanFeatures,
            Optional<DatasetFeatureStatistics> fixed) {
        Map<String, FeatureNameStatistics> fixedFeatures =
                fixed.map(DriftSeries::features).orElse(Map.of());
        Set<String> featureNames = new LinkedHashSet<>(fixedFeatures.keySet());
        spanFeatures.forEach(features -> featureNames.addAll(features.keySet()));
        List<DriftReport.FeatureSeries> series = new ArrayList<>();
        for (String feature : featureNames) {
            // the test is chosen once per feature, on the statistics it is first compared against
            FeatureNameStatistics reference = fixedFeatures.get(feature);
            long examples = fixed.map(DatasetFeatureStatistics::getNumExamples).orElse(0L);
            for (int i = 0; reference == null && i < spanFeatures.size(); i++) {
                reference = spanFeatures.get(i).get(feature);
                examples =
                        reference == null ? 0 : spanDatasets.get(i).get(dataset).getNumExamples();
            }
            Optional<DriftTest> test = config.test(feature).isPresent()
                    ? config.test(feature)
                    : FeatureDrift.defaultTest(reference, examples);
            series.add(featureSeries(dataset, feature, test, reference, spanFeatures, fixedFeatures));
        }
        return new DriftReport.SliceDrift(dataset, series);
    }

    private DriftReport.FeatureSeries featureSeries(
            String dataset,
            String feature,
            Optional<DriftTest> test,
            FeatureNameStatistics reference,
            List<Map<String, FeatureNameStatistics>> spanFeatures,
            Map<String, FeatureNameStatistics> fixedFeatures) {
        List<DriftReport.SpanDrift> drift = new ArrayList<>();
        if (test.isEmpty()) {
            String reason = "no drift test for a " + reference.getType() + " feature";
            DriftResult none = DriftResult.notApplicable(feature, NO_TEST, Double.NaN, reason);
            for (int i = 0; i < spans.size(); i++) {
                drift.add(new DriftReport.SpanDrift(i, none, none));
            }
            return new DriftReport.FeatureSeries(feature, NO_TEST, Double.NaN, drift);
        }
        DriftTest chosen = test.get();
        double threshold = config.threshold(feature).orElse(chosen.defaultThreshold());
        if (!chosen.acceptsThreshold(threshold)) {
            throw new ConfigException("drift threshold of " + feature + ": " + chosen.testName()
                    + (chosen.isPValueTest()
                            ? " compares a p-value, expected a threshold in (0, 1), found "
                            : " expected a finite threshold >= 0, found ")
                    + threshold);
        }
        for (int i = 0; i < spans.size(); i++) {
            FeatureNameStatistics current = spanFeatures.get(i).get(feature);
            DriftResult previous = i == 0
                    ? DriftResult.notApplicable(feature, chosen.testName(), threshold, "the first span")
                    : compare(
                            feature,
                            chosen,
                            threshold,
                            spanFeatures.get(i - 1).get(feature),
                            names.get(i - 1),
                            current,
                            names.get(i),
                            dataset);
            DriftResult against;
            if (baseline instanceof Baseline.Fixed given) {
                against = compare(
                        feature,
                        chosen,
                        threshold,
                        fixedFeatures.get(feature),
                        given.name(),
                        current,
                        names.get(i),
                        dataset);
            } else if (baseline instanceof Baseline.Previous) {
                against = previous;
            } else {
                against = i == 0
                        ? DriftResult.notApplicable(feature, chosen.testName(), threshold, "the baseline itself")
                        : compare(
                                feature,
                                chosen,
                                threshold,
                                spanFeatures.get(0).get(feature),
                                names.get(0),
                                current,
                                names.get(i),
                                dataset);
            }
            drift.add(new DriftReport.SpanDrift(i, previous, against));
        }
        return new DriftReport.FeatureSeries(feature, chosen.testName(), threshold, drift);
    }

    private DriftResult compare(
            String feature,
            DriftTest test,
            double threshold,
            FeatureNameStatistics before,
            String beforeName,
            FeatureNameStatistics after,
            String afterName,
            String dataset) {
        if (before == null || after == null) {
            String absent = before == null ? beforeName : afterName;
            return DriftResult.notApplicable(
                    feature,
                    test.testName(),
                    threshold,
                    "absent from " + absent + (dataset.isEmpty() ? "" : " (dataset " + dataset + ")"));
        }
        return FeatureDrift.compare(feature, before, after, test, threshold, rankError);
    }

    private static void checkComparable(DatasetFeatureStatisticsList span, String name) {
        for (DatasetFeatureStatistics dataset : span.getDatasetsList()) {
            if (dataset.getFeaturesCount() > 0) {
                return;
            }
        }
        throw new InputException(
                ErrorCode.STATISTICS_NOT_USABLE,
                name + ": expected statistics of at least one "
                        + "feature to compare, found "
                        + (span.getDatasetsCount() == 0
                                ? "no dataset (an empty file?)"
                                : span.getDatasetsCount() + " dataset(s) without features"));
    }

    private static Map<String, DatasetFeatureStatistics> datasets(DatasetFeatureStatisticsList list) {
        Map<String, DatasetFeatureStatistics> datasets = new LinkedHashMap<>();
        for (DatasetFeatureStatistics dataset : list.getDatasetsList()) {
            datasets.putIfAbsent(dataset.getName(), dataset);
        }
        return datasets;
    }

    private static Map<String, FeatureNameStatistics> features(DatasetFeatureStatistics dataset) {
        Map<String, FeatureNameStatistics> features = new LinkedHashMap<>();
        for (FeatureNameStatistics feature : dataset.getFeaturesList()) {
            String name = feature.hasPath() ? PathNames.serialize(feature.getPath()) : feature.getName();
            features.putIfAbsent(name, feature);
        }
        return features;
    }
}
