package dev.veracity.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.DriftSkewInfo;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeaturePresence;
import dev.veracity.proto.FeatureType;
import dev.veracity.proto.Histogram;
import dev.veracity.proto.NumericStatistics;
import dev.veracity.proto.RankHistogram;
import dev.veracity.proto.Schema;
import dev.veracity.proto.StringDomain;
import dev.veracity.proto.StringStatistics;
import dev.veracity.schema.PathNames;
import dev.veracity.schema.metrics.Comparison;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportModelTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/report-small.json");

    @Test
    void distancesAreTheValidatorsMetricsWithTheirExactValues() {
        HtmlReport report = HtmlReport.builder()
                .statistics(
                        "train",
                        list(dataset("train", 4, categorical("c", Map.of("a", 2.0, "b", 2.0)), numeric("x", 0, 10, 4))))
                .statistics(
                        "eval",
                        list(dataset("eval", 4, categorical("c", Map.of("a", 2.0, "c", 2.0)), numeric("x", 5, 15, 4))))
                .build();
        FeatureRow c = row(report.model(), "c");
        assertThat(c.distances().get(0)).isEmpty();
        Distance distance = c.distances().get(1).orElseThrow();
        // brute force: p = (1/2, 1/2, 0), q = (1/2, 0, 1/2); L-inf = 1/2; JS = 1/2 (half the mass is disjoint)
        assertThat(((Comparison.Value) distance.lInfinity()).value()).isEqualTo(0.5, within(1e-12));
        assertThat(((Comparison.Value) distance.jensenShannon()).value()).isEqualTo(0.5, within(1e-12));
        // numeric: [0,10] against [5,15], 4 values each, uniform within buckets: half the mass overlaps
        Distance x = row(report.model(), "x").distances().get(1).orElseThrow();
        assertThat(x.lInfinity()).isInstanceOf(Comparison.Unavailable.class);
        assertThat(((Comparison.Value) x.jensenShannon()).value()).isEqualTo(0.5, within(1e-12));
    }

    @Test
    void topValuesAreCappedAndSayWhatWasCapped() {
        Map<String, Double> labels = new LinkedHashMap<>();
        for (int i = 0; i < 120; i++) {
            labels.put("v" + i, 200.0 - i);
        }
        HtmlReport report = HtmlReport.builder()
                .maxTopValues(50)
                .statistics("train", list(dataset("train", 10, categorical("c", labels))))
                .build();
        CategoricalSummary summary =
                (CategoricalSummary) row(report.model(), "c").summaries().get(0).orElseThrow();
        assertThat(summary.topValues()).hasSize(50);
        assertThat(summary.topValues().get(0)).isEqualTo(new ValueCount("v0", 200.0));
        assertThat(summary.valuesKnown()).isEqualTo(120);
        assertThat(summary.isCapped()).isTrue();
    }

    @Test
    void schemaOnlyAndAnomalyOnlyFeaturesGetRowsAndDatasetsLackingAFeatureAreEmpty() {
        HtmlReport report = HtmlReport.builder()
                .statistics("train", list(dataset("train", 4, numeric("x", 0, 1, 4), numeric("y", 0, 1, 4))))
                .statistics("serving", list(dataset("serving", 4, numeric("x", 0, 1, 4))))
                .schema(schema())
                .anomalies(anomalies())
                .build();
        ReportModel model = report.model();
        assertThat(model.features()).extracting(FeatureRow::name).containsExactly("x", "y", "label", "gone");
        assertThat(row(model, "y").summaries().get(1)).isEmpty();
        assertThat(row(model, "y").distances().get(1)).isEmpty();
        assertThat(row(model, "label").kind()).isEqualTo(FeatureRow.Kind.CATEGORICAL);
        assertThat(row(model, "label").schema().orElseThrow().domain()).isEqualTo("2 values: yes, no (domain label)");
        assertThat(row(model, "x").schema().orElseThrow().presence()).isEqualTo("required (at least 1 example)");
        assertThat(row(model, "gone").anomalies())
                .singleElement()
                .extracting(AnomalyEntry::shortDescription)
                .isEqualTo("Column dropped");
        assertThat(model.driftSkew()).singleElement().satisfies(d -> {
            assertThat(d.feature()).isEqualTo("x");
            assertThat(d.isOver()).isTrue();
        });
        assertThat(model.anomalyCount()).isEqualTo(2);
    }

    @Test
    void slicedStatisticsGiveOneDatasetPerSlice() {
        DatasetFeatureStatisticsList sliced = DatasetFeatureStatisticsList.newBuilder()
                .addDatasets(dataset("All Examples", 4, numeric("x", 0, 1, 4)))
                .addDatasets(dataset("country_DE", 2, numeric("x", 0, 1, 2)))
                .build();
        ReportModel model =
                HtmlReport.builder().statistics("train", sliced).build().model();
        assertThat(model.datasets())
                .extracting(ReportDataset::name)
                .containsExactly("train / All Examples", "train / country_DE");
        assertThat(model.datasets()).extracting(ReportDataset::slice).containsExactly("All Examples", "country_DE");
    }

    /** Regenerate with {@code -Dveracity.golden.update=true}; otherwise the JSON must match exactly. */
    @Test
    void featuresTheStatisticsProtectAsPiiSaySoAndOthersDoNot() throws IOException {
        FeatureNameStatistics email = categorical("email", Map.of()).toBuilder()
                .addCustomStats(
                        CustomStatistic.newBuilder().setName("veracity:pii").setStr("hashed"))
                .build();
        HtmlReport report = HtmlReport.builder()
                .statistics("train", list(dataset("train", 4, email, numeric("x", 0, 1, 4))))
                .build();
        assertThat(row(report.model(), "email").privacy()).contains("hashed");
        assertThat(row(report.model(), "x").privacy()).isEmpty();
        StringWriter json = new StringWriter();
        ReportJson.write(report.model(), json);
        assertThat(json.toString()).containsOnlyOnce("\"pii\":\"hashed\"");
    }

    @Test
    void jsonOfASmallReportMatchesTheGoldenFile() throws IOException {
        HtmlReport report = HtmlReport.builder()
                .title("small <report>")
                .statistics(
                        "train",
                        list(dataset(
                                "train",
                                4,
                                categorical("c", Map.of("a", 3.0)),
                                numeric("x", 0, 1, 4),
                                numeric("y", 0, 1, 4))))
                .statistics(
                        "serving",
                        list(dataset(
                                "serving", 4, categorical("c", Map.of("a", 1.0, "b", 2.0)), numeric("x", 0.5, 2, 4))))
                .schema(schema())
                .anomalies(anomalies())
                .build();
        StringWriter json = new StringWriter();
        ReportJson.write(report.model(), json);
        String actual = json + "\n";
        if (Boolean.getBoolean("veracity.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(GOLDEN)
                .as("golden file; create it with -Dveracity.golden.update=true")
                .exists();
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    static FeatureRow row(ReportModel model, String name) {
        return model.features().stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    static DatasetFeatureStatisticsList list(DatasetFeatureStatistics dataset) {
        return DatasetFeatureStatisticsList.newBuilder().addDatasets(dataset).build();
    }

    static DatasetFeatureStatistics dataset(String name, long examples, FeatureNameStatistics... features) {
        return DatasetFeatureStatistics.newBuilder()
                .setName(name)
                .setNumExamples(examples)
                .addAllFeatures(List.of(features))
                .build();
    }

    static FeatureNameStatistics categorical(String name, Map<String, Double> counts) {
        RankHistogram.Builder rank = RankHistogram.newBuilder();
        double total = 0;
        long i = 0;
        for (Map.Entry<String, Double> entry : counts.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList()) {
            rank.addBuckets(RankHistogram.Bucket.newBuilder()
                    .setLowRank(i)
                    .setHighRank(i++)
                    .setLabel(entry.getKey())
                    .setSampleCount(entry.getValue()));
            total += entry.getValue();
        }
        return FeatureNameStatistics.newBuilder()
                .setPath(PathNames.of(name))
                .setType(FeatureNameStatistics.Type.STRING)
                .setStringStats(StringStatistics.newBuilder()
                        .setUnique(counts.size())
                        .setAvgLength(1)
                        .setCommonStats(CommonStatistics.newBuilder()
                                .setNumNonMissing((long) total)
                                .setTotNumValues((long) total)
                                .setMinNumValues(1)
                                .setMaxNumValues(1))
                        .setRankHistogram(rank))
                .build();
    }

    static FeatureNameStatistics numeric(String name, double min, double max, long count) {
        Histogram standard = Histogram.newBuilder()
                .setType(Histogram.HistogramType.STANDARD)
                .addBuckets(Histogram.Bucket.newBuilder()
                        .setLowValue(min)
                        .setHighValue(max)
                        .setSampleCount(count))
                .build();
        Histogram quantiles = Histogram.newBuilder()
                .setType(Histogram.HistogramType.QUANTILES)
                .addBuckets(Histogram.Bucket.newBuilder()
                        .setLowValue(min)
                        .setHighValue((min + max) / 2)
                        .setSampleCount(count / 2.0))
                .addBuckets(Histogram.Bucket.newBuilder()
                        .setLowValue((min + max) / 2)
                        .setHighValue(max)
                        .setSampleCount(count / 2.0))
                .build();
        return FeatureNameStatistics.newBuilder()
                .setPath(PathNames.of(name))
                .setType(FeatureNameStatistics.Type.FLOAT)
                .setNumStats(NumericStatistics.newBuilder()
                        .setMean((min + max) / 2)
                        .setStdDev((max - min) / 3)
                        .setMin(min)
                        .setMax(max)
                        .setMedian((min + max) / 2)
                        .setNumZeros(min == 0 ? 1 : 0)
                        .setCommonStats(CommonStatistics.newBuilder()
                                .setNumNonMissing(count)
                                .setTotNumValues(count)
                                .setMinNumValues(1)
                                .setMaxNumValues(1))
                        .addHistograms(standard)
                        .addHistograms(quantiles))
                .build();
    }

    static Schema schema() {
        return Schema.newBuilder()
                .addFeature(Feature.newBuilder()
                        .setName("x")
                        .setType(FeatureType.FLOAT)
                        .setPresence(
                                FeaturePresence.newBuilder().setMinFraction(1).setMinCount(1)))
                .addFeature(Feature.newBuilder()
                        .setName("label")
                        .setType(FeatureType.BYTES)
                        .setDomain("label"))
                .addStringDomain(StringDomain.newBuilder()
                        .setName("label")
                        .addValue("yes")
                        .addValue("no"))
                .build();
    }

    static Anomalies anomalies() {
        return Anomalies.newBuilder()
                .putAnomalyInfo(
                        "gone",
                        AnomalyInfo.newBuilder()
                                .setPath(PathNames.of("gone"))
                                .setSeverity(AnomalyInfo.Severity.ERROR)
                                .setShortDescription("Column dropped")
                                .setDescription("The feature was present in fewer examples than expected.")
                                .addReason(AnomalyInfo.Reason.newBuilder()
                                        .setType(AnomalyInfo.Type.SCHEMA_MISSING_COLUMN)
                                        .setShortDescription("Column dropped")
                                        .setDescription(
                                                "The feature <gone> was present in fewer examples than expected."))
                                .build())
                .setDatasetAnomalyInfo(AnomalyInfo.newBuilder()
                        .setSeverity(AnomalyInfo.Severity.ERROR)
                        .setShortDescription("Low num examples in dataset.")
                        .setDescription("Ratio 0.5 & below."))
                .addDriftSkewInfo(DriftSkewInfo.newBuilder()
                        .setPath(PathNames.of("x"))
                        .addDriftMeasurements(DriftSkewInfo.Measurement.newBuilder()
                                .setType(DriftSkewInfo.Measurement.Type.JENSEN_SHANNON_DIVERGENCE)
                                .setValue(0.25)
                                .setThreshold(0.1)))
                .build();
    }
}
