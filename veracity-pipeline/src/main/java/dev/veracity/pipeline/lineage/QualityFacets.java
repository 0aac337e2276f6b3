package dev.veracity.pipeline.lineage;

import dev.veracity.io.AnomaliesFiles;
import dev.veracity.io.StatisticsFiles;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import io.openlineage.client.OpenLineage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** OpenLineage data-quality facets from our artifacts: statistics as metrics, anomalies as failed assertions. */
final class QualityFacets {
    private QualityFacets() {}

    /** Totals over the splits of one feature. */
    private static final class Column {
        long missing;
        double count;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long distinct;
    }

    /** {@return the metrics of a statistics artifact: examples and, per feature, missing, present, min, max, distinct} */
    static OpenLineage.DataQualityMetricsInputDatasetFacet metrics(OpenLineage lineage, Path statistics)
            throws IOException {
        long rows = 0;
        Map<String, Column> columns = new TreeMap<>();
        for (Path file : files(statistics, "FeatureStats.pb")) {
            DatasetFeatureStatisticsList list = StatisticsFiles.read(file);
            if (list.getDatasetsCount() == 0) {
                continue;
            }
            DatasetFeatureStatistics dataset = list.getDatasets(0);
            rows += dataset.getNumExamples();
            for (FeatureNameStatistics feature : dataset.getFeaturesList()) {
                String name =
                        feature.hasPath() ? String.join(".", feature.getPath().getStepList()) : feature.getName();
                Column column = columns.computeIfAbsent(name, k -> new Column());
                var common = feature.hasNumStats()
                        ? feature.getNumStats().getCommonStats()
                        : feature.getStringStats().getCommonStats();
                column.missing += common.getNumMissing();
                column.count += common.getNumNonMissing();
                if (feature.hasNumStats() && common.getNumNonMissing() > 0) {
                    column.min = Math.min(column.min, feature.getNumStats().getMin());
                    column.max = Math.max(column.max, feature.getNumStats().getMax());
                }
                if (feature.hasStringStats()) {
                    column.distinct =
                            Math.max(column.distinct, feature.getStringStats().getUnique());
                }
            }
        }
        OpenLineage.DataQualityMetricsInputDatasetFacetColumnMetricsBuilder metrics =
                lineage.newDataQualityMetricsInputDatasetFacetColumnMetricsBuilder();
        columns.forEach((name, column) -> {
            var builder = lineage.newDataQualityMetricsInputDatasetFacetColumnMetricsAdditionalBuilder()
                    .nullCount(column.missing)
                    .count(column.count);
            if (column.min <= column.max) {
                builder.min(column.min).max(column.max);
            }
            if (column.distinct > 0) {
                builder.distinctCount(column.distinct);
            }
            metrics.put(name, builder.build());
        });
        return lineage.newDataQualityMetricsInputDatasetFacetBuilder()
                .rowCount(rows)
                .columnMetrics(metrics.build())
                .build();
    }

    /** {@return the anomalies of an anomalies artifact as failed assertions, or one passed assertion if none} */
    static OpenLineage.DataQualityAssertionsDatasetFacet assertions(OpenLineage lineage, Path anomalies)
            throws IOException {
        List<OpenLineage.DataQualityAssertionsDatasetFacetAssertions> assertions = new ArrayList<>();
        for (Path file : files(anomalies, "anomalies.pbtxt")) {
            String split = file.getParent().getFileName().toString().replaceFirst("^Split-", "");
            Anomalies found = AnomaliesFiles.read(file);
            for (Map.Entry<String, AnomalyInfo> entry :
                    found.getAnomalyInfoMap().entrySet()) {
                AnomalyInfo info = entry.getValue();
                for (AnomalyInfo.Reason reason : info.getReasonList()) {
                    assertions.add(lineage.newDataQualityAssertionsDatasetFacetAssertionsBuilder()
                            .assertion(reason.getType().name())
                            .success(false)
                            .column(entry.getKey())
                            .severity(info.getSeverity().name())
                            .name(split)
                            .description(reason.getDescription())
                            .build());
                }
            }
        }
        if (assertions.isEmpty()) {
            assertions.add(lineage.newDataQualityAssertionsDatasetFacetAssertionsBuilder()
                    .assertion("schema")
                    .success(true)
                    .build());
        }
        return lineage.newDataQualityAssertionsDatasetFacet(assertions);
    }

    private static List<Path> files(Path artifact, String name) throws IOException {
        if (!Files.isDirectory(artifact)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(artifact, 2)) {
            return walk.filter(p -> p.getFileName().toString().equals(name))
                    .sorted()
                    .toList();
        }
    }
}
