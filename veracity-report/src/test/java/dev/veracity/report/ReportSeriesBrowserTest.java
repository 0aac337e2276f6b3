package dev.veracity.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.validate.history.OnlineNormal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The series sections in headless Chromium: metric history with its flagged spans, model quality over spans. */
class ReportSeriesBrowserTest {
    @TempDir
    Path dir;

    @Test
    void theMetricHistoryDrawsASeriesPerMetricAndMarksTheFlaggedSpan() throws IOException {
        List<String> spans = IntStream.rangeClosed(1, 12)
                .mapToObj(d -> String.format("2024-05-%02d", d))
                .toList();
        double[] mean = {10, 10.2, 9.9, 10.1, 10, 9.8, 10.2, 10.1, 9.9, 10, 10.1, 30};
        double[] missing = {0.01, 0.012, 0.011, 0.01, 0.009, 0.011, 0.01, 0.012, 0.011, 0.01, 0.01, 0.011};
        double[] rows = {1000, 1010, 990, 1005, 995, 1000, 1002, 998, 1001, 999, 1000, 1003};
        OnlineNormal strategy = new OnlineNormal(3, 3);
        List<MetricHistory> history = List.of(
                MetricHistory.of("", "num_examples", spans, rows, strategy),
                MetricHistory.of("fare", "mean", spans, mean, strategy),
                MetricHistory.of("fare", "missing_fraction", spans, missing, strategy),
                MetricHistory.of("<b>x</b>", "mean", spans, rows, strategy));
        // oracle: the strategy itself, by hand: the last point is 20 above a mean near 10 with sd near 0.13
        assertThat(history.get(1).anomalyCount()).isEqualTo(1);
        assertThat(history.get(1).points().get(11).anomalous()).isTrue();
        assertThat(history.get(2).anomalyCount()).isZero();
        Path html = dir.resolve("history.html");
        HtmlReport.builder()
                .statistics("today", statistics())
                .history(history)
                .build()
                .write(html);

        try (HeadlessChromium chromium = HeadlessChromium.start(1300, 2000)) {
            chromium.open(html);
            chromium.assertNoConsoleErrors();
            WebElement panel = chromium.driver().findElement(By.id("metric-history"));
            assertThat(panel.getText()).contains("Metric history", "1 point flagged");
            // the feature with a flagged point is shown first
            Select feature = new Select(chromium.driver().findElement(By.id("history-feature")));
            assertThat(feature.getFirstSelectedOption().getAttribute("value")).isEqualTo("fare");
            assertThat(series(panel)).containsExactly("fare/mean", "fare/missing_fraction");
            WebElement meanChart = panel.findElement(By.cssSelector(".series[data-metric=mean] svg"));
            assertThat(meanChart.findElements(By.cssSelector("circle.point"))).hasSize(12);
            List<WebElement> flagged = meanChart.findElements(By.cssSelector("circle.flagged"));
            assertThat(flagged).hasSize(1);
            assertThat(flagged.get(0).getAttribute("data-span")).isEqualTo("2024-05-12");
            assertThat(panel.findElements(By.cssSelector(".series[data-metric=missing_fraction] circle.flagged")))
                    .isEmpty();
            feature.selectByValue("");
            assertThat(series(panel)).containsExactly("/num_examples");
            feature.selectByValue("<b>x</b>");
            assertThat(series(panel)).containsExactly("<b>x</b>/mean");
            assertThat(chromium.driver().findElements(By.tagName("b"))).isEmpty();
            chromium.assertNoConsoleErrors();
        }
    }

    @Test
    void modelQualityShowsEachMetricWithItsBandAlarmsAndDetections() throws IOException {
        Path perf = dir.resolve("perf.json");
        Files.writeString(perf, PERF, StandardCharsets.UTF_8);
        ModelQuality quality = PerformanceFile.read(perf);
        assertThat(quality.spans()).containsExactly("2024-05-01", "2024-05-02", "2024-05-03");
        assertThat(quality.series())
                .extracting(s -> s.slice() + "/" + s.metric())
                .containsExactly("all/accuracy", "all/roc_auc", "surface=road/accuracy", "surface=road/roc_auc");
        ModelQuality.Series auc = quality.series().get(1);
        assertThat(auc.values().get(0)).isEqualTo(0.9);
        assertThat(auc.values().get(2)).isNaN(); // not computable there
        assertThat(auc.low().get(1)).isEqualTo(0.8);
        assertThat(auc.baseline()).isEqualTo(0.9);
        Path html = dir.resolve("quality.html");
        HtmlReport.builder()
                .statistics("today", statistics())
                .quality(quality)
                .build()
                .write(html);

        try (HeadlessChromium chromium = HeadlessChromium.start(1300, 2000)) {
            chromium.open(html);
            chromium.assertNoConsoleErrors();
            WebElement panel = chromium.driver().findElement(By.id("model-quality"));
            assertThat(panel.getText()).contains("Model quality over spans", "1 alarm", "perf.json");
            assertThat(panel.findElements(By.cssSelector(".series"))).hasSize(2);
            WebElement accuracy = panel.findElement(By.cssSelector(".series[data-metric=accuracy] svg"));
            assertThat(accuracy.findElements(By.cssSelector("polygon.band"))).hasSize(1);
            assertThat(accuracy.findElements(By.cssSelector("line.baseline"))).hasSize(1);
            List<WebElement> flagged = accuracy.findElements(By.cssSelector("circle.flagged"));
            assertThat(flagged).hasSize(1);
            assertThat(flagged.get(0).getAttribute("data-span")).isEqualTo("2024-05-03");
            assertThat(accuracy.findElements(By.cssSelector("line.marker.alarm")))
                    .hasSize(1);
            assertThat(accuracy.findElements(By.cssSelector("line.marker.note")))
                    .hasSize(1);
            WebElement rocAuc = panel.findElement(By.cssSelector(".series[data-metric=roc_auc] svg"));
            assertThat(rocAuc.findElements(By.cssSelector("circle.point"))).hasSize(2);
            assertThat(chromium.driver().findElement(By.id("quality-alarms")).getText())
                    .contains("2024-05-03", "drop", "accuracy");
            assertThat(chromium.driver().findElement(By.id("quality-detectors")).getText())
                    .contains("ddm at row p.csv:250 (2024-05-03)");
            new Select(chromium.driver().findElement(By.id("quality-slice"))).selectByValue("surface=road");
            assertThat(panel.findElements(By.cssSelector(".series[data-slice='surface=road']")))
                    .hasSize(2);
            assertThat(panel.findElements(By.cssSelector("line.marker"))).isEmpty();
            chromium.assertNoConsoleErrors();
        }
    }

    @Test
    void aFileThatIsNotAPerformanceReportIsRefusedWithItsPlace() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"spans\": [\n  {\"span\": 1,,}\n]}", StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PerformanceFile.read(bad))
                .isInstanceOf(dev.veracity.InputException.class)
                .hasMessageStartingWith(bad + ":2:")
                .hasMessageContaining("expected JSON");
        Files.writeString(bad, "[1, 2]", StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PerformanceFile.read(bad))
                .isInstanceOf(dev.veracity.InputException.class)
                .hasMessage(bad + ": expected a performance report (an object with \"spans\"), found a array");
    }

    private static List<String> series(WebElement panel) {
        return panel.findElements(By.cssSelector(".series")).stream()
                .map(e -> e.getAttribute("data-feature") + "/" + e.getAttribute("data-metric"))
                .toList();
    }

    private DatasetFeatureStatisticsList statistics() throws IOException {
        Path csv = dir.resolve("today.csv");
        Files.writeString(csv, "fare,<b>x</b>\n1,2\n3,4\n", StandardCharsets.UTF_8);
        return ReportBrowserTest.statistics(csv);
    }

    /** A perf.json as veracity performance writes it: three daily spans, a slice, an alarm, two detectors. */
    static final String PERF = """
            {
              "label" : "completed", "task" : "classification", "span" : "day",
              "baseline" : { "source" : "first", "max_drop" : 0.05, "slices" : [
                { "span" : "2024-05-01", "slice" : "all", "metrics" : {
                    "accuracy" : { "value" : 0.85, "ci" : [ 0.8, 0.9 ] }, "roc_auc" : { "value" : 0.9 } } } ] },
              "spans" : [
                { "span" : "2024-05-01", "slice" : "all", "metrics" : {
                    "accuracy" : { "value" : 0.85, "ci" : [ 0.8, 0.9 ] }, "roc_auc" : { "value" : 0.9 } } },
                { "span" : "2024-05-01", "slice" : "surface=road", "metrics" : {
                    "accuracy" : { "value" : 0.8 }, "roc_auc" : { "value" : 0.88 } } },
                { "span" : "2024-05-02", "slice" : "all", "metrics" : {
                    "accuracy" : { "value" : 0.84, "ci" : [ 0.79, 0.89 ] },
                    "roc_auc" : { "value" : 0.89, "ci" : [ 0.8, 0.95 ] } } },
                { "span" : "2024-05-03", "slice" : "all", "metrics" : {
                    "accuracy" : { "value" : 0.7, "ci" : [ 0.64, 0.76 ] },
                    "roc_auc" : { "not_computable" : "only one class (1) among the labels" } } } ],
              "alarms" : [ { "span" : "2024-05-03", "slice" : "all", "rule" : "drop", "metric" : "accuracy",
                  "baseline" : 0.85, "value" : 0.7, "detail" : "accuracy: expected a drop of at most 0.05" } ],
              "detectors" : [
                { "name" : "ddm", "stream" : "error", "raises_alarm" : true, "parameters" : { },
                  "detections" : [ { "index" : 248, "row" : "p.csv:250", "span" : "2024-05-03" } ] },
                { "name" : "adwin", "stream" : "error", "raises_alarm" : false, "parameters" : { },
                  "detections" : [ { "index" : 120, "row" : "p.csv:122", "span" : "2024-05-02" } ] } ]
            }
            """;
}
