package dev.veracity.report;

import static java.util.Objects.requireNonNull;

import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.DriftSkewInfo;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.Schema;
import dev.veracity.schema.PathNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything the page shows, computed from statistics, a schema and anomalies: the page's script only draws it.
 * Features appear in the order of the first dataset that has them, then schema features no dataset has, then
 * features only the anomalies name.
 *
 * <pre>{@code
 * ReportModel model = ReportModel.of("runs", datasets, Optional.of(schema), Optional.empty(), 50);
 * }</pre>
 *
 * @param title            the page's title
 * @param datasets         the columns, the first one the baseline of distances
 * @param features         one row per feature
 * @param datasetAnomalies anomalies of the dataset as a whole
 * @param driftSkew        the validator's drift and skew measurements
 * @param maxTopValues     the most values kept per categorical feature and dataset
 * @param history          metric histories across spans (the "Metric history" section), empty for none
 * @param quality          the model's quality over spans (the "Model quality over spans" section), if given
 */
public record ReportModel(
        String title,
        List<ReportDataset> datasets,
        List<FeatureRow> features,
        List<AnomalyEntry> datasetAnomalies,
        List<DriftSkewEntry> driftSkew,
        int maxTopValues,
        List<MetricHistory> history,
        Optional<ModelQuality> quality) {
    public ReportModel {
        requireNonNull(title, "title is null");
        datasets = List.copyOf(requireNonNull(datasets, "datasets is null"));
        features = List.copyOf(requireNonNull(features, "features is null"));
        datasetAnomalies = List.copyOf(requireNonNull(datasetAnomalies, "datasetAnomalies is null"));
        driftSkew = List.copyOf(requireNonNull(driftSkew, "driftSkew is null"));
        history = List.copyOf(requireNonNull(history, "history is null"));
        requireNonNull(quality, "quality is null");
    }

    /** {@return this model with metric histories and the model's quality over spans} */
    public ReportModel with(List<MetricHistory> history, Optional<ModelQuality> quality) {
        return new ReportModel(title, datasets, features, datasetAnomalies, driftSkew, maxTopValues, history, quality);
    }

    /**
     * {@return the model of datasets with an optional schema and anomalies}
     *
     * @throws IllegalArgumentException if there is no dataset or {@code maxTopValues} is below 1
     */
    public static ReportModel of(
            String title,
            List<ReportDataset> datasets,
            Optional<Schema> schema,
            Optional<Anomalies> anomalies,
            int maxTopValues) {
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one dataset");
        }
        if (maxTopValues < 1) {
            throw new IllegalArgumentException("maxTopValues must be at least 1: " + maxTopValues);
        }
        List<Map<String, FeatureNameStatistics>> byName = new ArrayList<>();
        Map<String, FeatureNameStatistics> firstSeen = new LinkedHashMap<>();
        for (ReportDataset dataset : datasets) {
            Map<String, FeatureNameStatistics> features = new LinkedHashMap<>();
            for (FeatureNameStatistics feature : dataset.statistics().getFeaturesList()) {
                String name = key(feature.hasPath() ? feature.getPath() : PathNames.of(feature.getName()));
                features.putIfAbsent(name, feature);
                firstSeen.putIfAbsent(name, feature);
            }
            byName.add(features);
        }
        Map<String, Feature> schemaFeatures = new LinkedHashMap<>();
        schema.ifPresent(s ->
                s.getFeatureList().forEach(f -> schemaFeatures.putIfAbsent(key(PathNames.of(f.getName())), f)));
        Map<String, AnomalyInfo> anomalyInfos = new TreeMap<>();
        anomalies.ifPresent(a -> a.getAnomalyInfoMap()
                .forEach((k, info) -> anomalyInfos.put(info.hasPath() ? key(info.getPath()) : k, info)));

        List<String> names = new ArrayList<>(firstSeen.keySet());
        schemaFeatures.keySet().stream().filter(n -> !firstSeen.containsKey(n)).forEach(names::add);
        anomalyInfos.keySet().stream()
                .filter(n -> !firstSeen.containsKey(n) && !schemaFeatures.containsKey(n))
                .forEach(names::add);

        SchemaDescriptions descriptions = new SchemaDescriptions(schema.orElse(Schema.getDefaultInstance()));
        List<FeatureRow> rows = new ArrayList<>(names.size());
        for (String name : names) {
            List<Optional<FeatureSummary>> summaries = new ArrayList<>(datasets.size());
            List<Optional<Distance>> distances = new ArrayList<>(datasets.size());
            List<Optional<FeatureDetails>> details = new ArrayList<>(datasets.size());
            FeatureNameStatistics baseline = byName.get(0).get(name);
            for (Map<String, FeatureNameStatistics> features : byName) {
                FeatureNameStatistics statistics = features.get(name);
                summaries.add(Optional.ofNullable(statistics).map(s -> FeatureSummaries.of(s, maxTopValues)));
                details.add(Optional.ofNullable(statistics).flatMap(FeatureDetails::of));
                distances.add(
                        statistics == null || baseline == null || features == byName.get(0)
                                ? Optional.empty()
                                : Optional.of(Distances.between(statistics, baseline)));
            }
            FeatureNameStatistics any = firstSeen.get(name);
            Optional<FeatureSchema> described =
                    Optional.ofNullable(schemaFeatures.get(name)).map(descriptions::describe);
            AnomalyInfo info = anomalyInfos.get(name);
            rows.add(new FeatureRow(
                    displayName(name),
                    kind(any, schemaFeatures.get(name)),
                    summaries,
                    distances,
                    described,
                    info == null ? List.of() : List.of(AnomalyEntry.of(info)),
                    privacy(byName, name),
                    details,
                    parent(name)));
        }
        List<AnomalyEntry> datasetAnomalies = anomalies
                .filter(Anomalies::hasDatasetAnomalyInfo)
                .map(a -> List.of(AnomalyEntry.of(a.getDatasetAnomalyInfo())))
                .orElse(List.of());
        return new ReportModel(
                title,
                datasets,
                rows,
                datasetAnomalies,
                anomalies.map(ReportModel::driftSkew).orElse(List.of()),
                maxTopValues,
                List.of(),
                Optional.empty());
    }

    /** The custom statistic by which the statistics mark a PII feature's protected values. */
    static final String PII_MARKER = "veracity:pii";

    /** {@return how the first dataset that marks the feature PII protects it, if any does} */
    private static Optional<String> privacy(List<Map<String, FeatureNameStatistics>> byName, String name) {
        return byName.stream()
                .map(features -> features.get(name))
                .filter(java.util.Objects::nonNull)
                .flatMap(f -> f.getCustomStatsList().stream())
                .filter(c -> c.getName().equals(PII_MARKER))
                .map(c -> c.getStr().isEmpty() ? "suppressed" : c.getStr())
                .findFirst();
    }

    /** {@return how many anomalies (feature and dataset) the report holds} */
    public int anomalyCount() {
        return datasetAnomalies.size()
                + features.stream().mapToInt(f -> f.anomalies().size()).sum();
    }

    /** The key that matches a feature across statistics, schema and anomalies: TFDV's serialized path. */
    private static String key(dev.veracity.proto.FeaturePaths.Path path) {
        return PathNames.serialize(path);
    }

    /** {@return the name shown of the struct a nested feature belongs to (its path without the last step)} */
    private static Optional<String> parent(String key) {
        List<String> steps = PathNames.parse(key);
        if (steps.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(displayName(PathNames.serialize(steps.subList(0, steps.size() - 1))));
    }

    /** The name shown: a top-level feature's own name (unquoted), a nested feature's serialized path. */
    private static String displayName(String key) {
        List<String> steps = PathNames.parse(key);
        return steps.size() == 1 ? steps.get(0) : key;
    }

    private static FeatureRow.Kind kind(FeatureNameStatistics statistics, Feature schemaFeature) {
        if (statistics != null) {
            return statistics.hasNumStats()
                    ? FeatureRow.Kind.NUMERIC
                    : statistics.hasStringStats() ? FeatureRow.Kind.CATEGORICAL : FeatureRow.Kind.OTHER;
        }
        if (schemaFeature != null) {
            return switch (schemaFeature.getType()) {
                case INT, FLOAT -> FeatureRow.Kind.NUMERIC;
                case BYTES -> FeatureRow.Kind.CATEGORICAL;
                case STRUCT, TYPE_UNKNOWN -> FeatureRow.Kind.OTHER;
            };
        }
        return FeatureRow.Kind.OTHER;
    }

    private static List<DriftSkewEntry> driftSkew(Anomalies anomalies) {
        List<DriftSkewEntry> entries = new ArrayList<>();
        for (DriftSkewInfo info : anomalies.getDriftSkewInfoList()) {
            String feature = PathNames.serialize(info.getPath());
            info.getDriftMeasurementsList()
                    .forEach(m -> entries.add(
                            new DriftSkewEntry(feature, "drift", m.getType().name(), m.getValue(), m.getThreshold())));
            info.getSkewMeasurementsList()
                    .forEach(m -> entries.add(
                            new DriftSkewEntry(feature, "skew", m.getType().name(), m.getValue(), m.getThreshold())));
        }
        return entries;
    }
}
