package dev.veracity.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.StatisticsFiles;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.Histogram;
import dev.veracity.proto.NumericStatistics;
import dev.veracity.proto.RankHistogram;
import dev.veracity.proto.StringStatistics;
import dev.veracity.schema.PathNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Large reports open and draw in headless Chromium: 2,000 features in 3 datasets, some with 100,000 distinct
 * values. Load times are measured and written to {@code target/report-load-times.txt}, never asserted. With
 * {@code -Dveracity.report.stats=FILE} a statistics file (e.g. of the 5M-row benchmark) is measured too.
 */
class ReportLoadTest {
    static final Path TIMES = Path.of("target", "report-load-times.txt");

    @Test
    void twoThousandFeaturesWithHundredThousandDistinctValuesOpen() throws IOException {
        HtmlReport.Builder builder = HtmlReport.builder().title("2,000 synthetic features");
        for (String name : new String[] {"train", "eval", "serving"}) {
            builder.statistics(name, synthetic(name, 2000, name.hashCode()));
        }
        Path html = Path.of("target", "report-2000-features.html");
        HtmlReport report = builder.build();
        assertThat(report.model().features()).hasSize(2000);
        CategoricalSummary widest = (CategoricalSummary)
                report.model().features().get(1).summaries().get(0).orElseThrow();
        assertThat(widest.valuesKnown()).isEqualTo(100_000);
        assertThat(widest.topValues()).hasSize(HtmlReport.DEFAULT_MAX_TOP_VALUES);
        report.write(html);
        measure(
                "2,000 features x 3 datasets (100 categorical with 100,000 distinct values, one listing all of them)",
                html,
                "2,000");
        String stats = System.getProperty("veracity.report.stats", "");
        if (!stats.isEmpty()) {
            Path big = Path.of("target", "report-stats.html");
            HtmlReport.builder()
                    .statistics("stats", StatisticsFiles.read(Path.of(stats)))
                    .build()
                    .write(big);
            measure(stats, big, "");
        }
    }

    private static void measure(String what, Path html, String expectedCount) throws IOException {
        try (HeadlessChromium chromium = HeadlessChromium.start(1300, 1000)) {
            long start = System.nanoTime();
            chromium.open(html);
            long wall = (System.nanoTime() - start) / 1_000_000;
            chromium.assertNoConsoleErrors();
            String status = chromium.driver().findElement(By.id("status")).getText();
            assertThat(status).contains(expectedCount);
            var body = chromium.driver().findElement(By.tagName("body"));
            long t0 = System.nanoTime();
            new org.openqa.selenium.support.ui.Select(chromium.driver().findElement(By.id("sort-key")))
                    .selectByValue("js");
            chromium.driver().findElements(By.cssSelector("article.feature"));
            long sortMs = (System.nanoTime() - t0) / 1_000_000;
            Files.writeString(
                    TIMES,
                    what + ": " + Files.size(html) / 1024 + " KiB, opened and first page drawn in "
                            + body.getAttribute("data-loaded-ms") + " ms after navigation start (script "
                            + body.getAttribute("data-rendered-ms") + " ms; " + wall + " ms as WebDriver waited); "
                            + "re-sort by Jensen-Shannon and redraw " + sortMs + " ms\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    /** Statistics of the shape {@code veracity stats} writes: half numeric, half categorical. */
    static DatasetFeatureStatisticsList synthetic(String name, int features, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DatasetFeatureStatistics.Builder dataset =
                DatasetFeatureStatistics.newBuilder().setName(name).setNumExamples(1_000_000);
        for (int f = 0; f < features; f++) {
            String feature = "feature_" + f;
            if (f % 2 == 0) {
                dataset.addFeatures(numeric(feature, random));
            } else {
                // feature_1 lists all its 100,000 values in the rank histogram; the others list up to 1,000
                dataset.addFeatures(categorical(
                        feature, f % 20 == 1 ? 100_000 : 1 + random.nextInt(300), f == 1 ? 100_000 : 1000, random));
            }
        }
        return DatasetFeatureStatisticsList.newBuilder().addDatasets(dataset).build();
    }

    private static FeatureNameStatistics numeric(String name, SplittableRandom random) {
        double shift = random.nextDouble() * 10;
        NumericStatistics.Builder stats = NumericStatistics.newBuilder()
                .setMean(shift + 50)
                .setStdDev(10)
                .setMin(shift)
                .setMax(shift + 100)
                .setMedian(shift + 50)
                .setNumZeros(random.nextInt(1000))
                .setCommonStats(common(random));
        for (Histogram.HistogramType type :
                new Histogram.HistogramType[] {Histogram.HistogramType.STANDARD, Histogram.HistogramType.QUANTILES}) {
            Histogram.Builder histogram = Histogram.newBuilder().setType(type);
            for (int b = 0; b < 10; b++) {
                histogram.addBuckets(Histogram.Bucket.newBuilder()
                        .setLowValue(shift + b * 10)
                        .setHighValue(shift + b * 10 + 10)
                        .setSampleCount(1000 + random.nextInt(100_000)));
            }
            stats.addHistograms(histogram);
        }
        return FeatureNameStatistics.newBuilder()
                .setPath(PathNames.of(name))
                .setType(FeatureNameStatistics.Type.FLOAT)
                .setNumStats(stats)
                .build();
    }

    private static FeatureNameStatistics categorical(
            String name, int distinct, int maxLabels, SplittableRandom random) {
        RankHistogram.Builder rank = RankHistogram.newBuilder();
        StringStatistics.Builder stats = StringStatistics.newBuilder()
                .setUnique(distinct)
                .setAvgLength(12)
                .setCommonStats(common(random));
        int labels = Math.min(distinct, maxLabels); // TFDV's num_rank_histogram_buckets is 1,000
        double count = 1_000_000;
        for (int i = 0; i < labels; i++) {
            count = Math.max(1, Math.floor(count * (0.7 + random.nextDouble() * 0.3)));
            rank.addBuckets(RankHistogram.Bucket.newBuilder()
                    .setLowRank(i)
                    .setHighRank(i)
                    .setLabel("value-" + i + "-" + random.nextInt(1000))
                    .setSampleCount(count));
            if (i < 20) {
                stats.addTopValues(StringStatistics.FreqAndValue.newBuilder()
                        .setValue(rank.getBuckets(i).getLabel())
                        .setFrequency(count));
            }
        }
        return FeatureNameStatistics.newBuilder()
                .setPath(PathNames.of(name))
                .setType(FeatureNameStatistics.Type.STRING)
                .setStringStats(stats.setRankHistogram(rank))
                .build();
    }

    private static CommonStatistics common(SplittableRandom random) {
        long missing = random.nextInt(50_000);
        return CommonStatistics.newBuilder()
                .setNumNonMissing(1_000_000 - missing)
                .setNumMissing(missing)
                .setMinNumValues(1)
                .setMaxNumValues(1)
                .setAvgNumValues(1)
                .setTotNumValues(1_000_000 - missing)
                .build();
    }
}
