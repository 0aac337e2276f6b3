package dev.veracity.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.Veracity;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Schema;
import dev.veracity.schema.SchemaEditor;
import dev.veracity.schema.SchemaInference;
import dev.veracity.schema.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The generated page in headless Chromium: it draws, sorts, filters, and runs nothing that came from the data. */
class ReportBrowserTest {
    static final String XSS_NAME = "<img src=x onerror=document.title='pwned'>";
    static final String XSS_SCRIPT = "<script>alert(1)</script>";
    static final String XSS_ATTRIBUTE = "\"><img src=x onerror=window.xss=1>";
    static final String XSS_NEW_VALUE = "<script>document.title='pwned'</script>";
    static final String TITLE = "Drift & <b>XSS</b> check";

    @TempDir
    Path dir;

    @Test
    void theExampleReportShowsItsFeaturesAndAnomaliesAndIsScreenshotted() throws IOException {
        Path runs = examples();
        DatasetFeatureStatisticsList train = statistics(runs.resolve("train.csv"));
        DatasetFeatureStatisticsList eval = statistics(runs.resolve("eval.csv"));
        DatasetFeatureStatisticsList serving = statistics(runs.resolve("serving.csv"));
        SchemaEditor editor = SchemaEditor.of(SchemaInference.infer(train)).defaultEnvironment("TRAINING");
        editor.feature("completed").notInEnvironment("SERVING");
        editor.feature("surface").driftInfinityNorm(0.05);
        editor.feature("temperature_c").driftJensenShannon(0.1);
        Schema schema = editor.build();
        Anomalies anomalies = Validator.validate(serving, schema)
                .previous(train)
                .environment("SERVING")
                .run();
        Path html = Path.of("target", "report-example.html");
        HtmlReport.builder()
                .title("Runs: train, eval and serving")
                .statistics("train", train)
                .statistics("eval", eval)
                .statistics("serving", serving)
                .schema(schema)
                .anomalies(anomalies)
                .build()
                .write(html);

        try (HeadlessChromium chromium = HeadlessChromium.start(1300, 2600)) {
            chromium.open(html);
            chromium.assertNoConsoleErrors();
            assertThat(featureNames(chromium))
                    .containsExactlyInAnyOrder(
                            "run_id",
                            "runner",
                            "route",
                            "surface",
                            "distance_km",
                            "elevation_gain_m",
                            "pace_min_per_km",
                            "avg_heart_rate",
                            "temperature_c",
                            "time_of_day",
                            "started_at",
                            "suggested",
                            "notes",
                            "completed");
            String summary =
                    chromium.driver().findElement(By.id("summary-anomalies")).getText();
            assertThat(summary).contains(Integer.toString(anomalies.getAnomalyInfoCount()));
            WebElement surface = card(chromium, "surface");
            assertThat(surface.getText())
                    .contains("ENUM_TYPE_UNEXPECTED_STRING_VALUES", "indoor track", "COMPARATOR_L_INFTY_HIGH");
            assertThat(chromium.driver().findElement(By.id("drift-skew")).getText())
                    .contains("temperature_c", "JENSEN_SHANNON_DIVERGENCE", "over threshold");
            Files.write(
                    Path.of("target", "report-screenshot.png"),
                    chromium.driver().getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    void sortingByDistancePutsTheDriftedFeatureFirstAndDataIsOnlyText() throws IOException {
        Path trainCsv = csv("train.csv", false);
        Path servingCsv = csv("serving.csv", true);
        DatasetFeatureStatisticsList train = statistics(trainCsv);
        DatasetFeatureStatisticsList serving = statistics(servingCsv);
        SchemaEditor editor = SchemaEditor.of(SchemaInference.infer(train));
        editor.feature("drifted").driftJensenShannon(0.1);
        Schema schema = editor.build();
        Anomalies anomalies =
                Validator.validate(serving, schema).previous(train).run();
        assertThat(anomalies.getAnomalyInfoMap()).containsKey("drifted").hasSize(2);
        Path html = dir.resolve("report.html");
        HtmlReport.builder()
                .title(TITLE)
                .statistics("train", train)
                .statistics("serving", serving)
                .schema(schema)
                .anomalies(anomalies)
                .build()
                .write(html);

        try (HeadlessChromium chromium = HeadlessChromium.start(1300, 1800)) {
            chromium.open(html);
            chromium.assertNoConsoleErrors();
            assertThat(featureNames(chromium)).containsExactlyInAnyOrder("stable", "drifted", "color", XSS_NAME);
            new Select(chromium.driver().findElement(By.id("sort-key"))).selectByValue("name");
            assertThat(featureNames(chromium)).containsExactly(XSS_NAME, "color", "drifted", "stable");

            new Select(chromium.driver().findElement(By.id("sort-key"))).selectByValue("js");
            assertThat(featureNames(chromium).get(0)).isEqualTo("drifted");
            assertThat(card(chromium, "drifted").getText()).contains("COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH");

            // data shows as text, never as markup: no image, no extra script, no handler ran
            String text = chromium.driver().findElement(By.tagName("body")).getText();
            assertThat(text).contains(XSS_NAME, XSS_SCRIPT, XSS_NEW_VALUE, TITLE);
            assertThat(card(chromium, XSS_NAME)
                            .findElement(By.className("feature-name"))
                            .getText())
                    .isEqualTo(XSS_NAME);
            assertThat(card(chromium, XSS_NAME).getText()).contains("ENUM_TYPE_UNEXPECTED_STRING_VALUES");
            assertThat(svgTexts(chromium, XSS_NAME)).contains(XSS_SCRIPT, XSS_ATTRIBUTE);
            assertThat(chromium.driver().findElements(By.tagName("img"))).isEmpty();
            assertThat(chromium.driver().findElements(By.tagName("script"))).hasSize(2);
            assertThat(chromium.driver().getTitle()).isEqualTo(TITLE);
            assertThat(chromium.driver().executeScript("return typeof window.xss"))
                    .isEqualTo("undefined");
            assertNoAlert(chromium);

            // search, histogram mode and scale redraw without errors
            chromium.driver().findElement(By.id("search")).sendKeys("drift");
            assertThat(featureNames(chromium)).containsExactly("drifted");
            chromium.driver()
                    .findElement(By.cssSelector("#histogram-mode [data-value=quantiles]"))
                    .click();
            chromium.driver()
                    .findElement(By.cssSelector("#histogram-scale [data-value=log]"))
                    .click();
            assertThat(card(chromium, "drifted").findElements(By.cssSelector("svg rect")))
                    .isNotEmpty();
            chromium.assertNoConsoleErrors();
        }
    }

    @Test
    void aSlicePickerShowsTheDatasetsOfOneSlice() throws IOException {
        DatasetFeatureStatisticsList sliced = Veracity.statistics(csv("train.csv", false))
                .sliceBy("color")
                .compute()
                .statistics();
        Path html = dir.resolve("sliced.html");
        HtmlReport.builder().statistics("train", sliced).build().write(html);

        try (HeadlessChromium chromium = HeadlessChromium.start(1300, 1200)) {
            chromium.open(html);
            assertThat(rowDatasets(chromium, "stable")).containsExactly("train / All Examples");
            new Select(chromium.driver().findElement(By.id("slice-picker"))).selectByValue("color_red");
            assertThat(rowDatasets(chromium, "stable")).containsExactly("train / color_red");
            new Select(chromium.driver().findElement(By.id("slice-picker"))).selectByValue("");
            assertThat(rowDatasets(chromium, "stable")).hasSize(sliced.getDatasetsCount());
            chromium.assertNoConsoleErrors();
        }
    }

    /** Writes a CSV of 600 rows: a stable numeric, a numeric that moves far in serving, colours, XSS strings. */
    private Path csv(String name, boolean serving) throws IOException {
        StringBuilder csv = new StringBuilder("stable,drifted,color,\"" + XSS_NAME + "\"\n");
        String[] colors = {"red", "green", "blue"};
        for (int i = 0; i < 600; i++) {
            String xss = i % 2 == 0 ? XSS_SCRIPT : i % 4 == 1 ? XSS_ATTRIBUTE : "plain";
            if (serving && i % 10 == 3) {
                xss = XSS_NEW_VALUE;
            }
            csv.append(i % 50)
                    .append(',')
                    .append((serving ? 100 : 0) + i % 10)
                    .append(',')
                    .append(colors[i % 3])
                    .append(",\"")
                    .append(xss.replace("\"", "\"\""))
                    .append("\"\n");
        }
        Path file = dir.resolve(name);
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    static DatasetFeatureStatisticsList statistics(Path csv) throws IOException {
        return Veracity.statistics(csv).compute().statistics();
    }

    static Path examples() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path runs = dir.resolve("examples/runs");
            if (Files.isRegularFile(runs.resolve("train.csv"))) {
                return runs;
            }
        }
        throw new IllegalStateException(
                "examples/runs not found above " + Path.of("").toAbsolutePath());
    }

    private static List<String> featureNames(HeadlessChromium chromium) {
        return chromium.driver().findElements(By.cssSelector("article.feature")).stream()
                .map(e -> e.getAttribute("data-feature"))
                .toList();
    }

    private static WebElement card(HeadlessChromium chromium, String feature) {
        return chromium.driver().findElements(By.cssSelector("article.feature")).stream()
                .filter(e -> feature.equals(e.getAttribute("data-feature")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no card for " + feature));
    }

    private static List<String> svgTexts(HeadlessChromium chromium, String feature) {
        WebElement card = card(chromium, feature);
        chromium.driver().executeScript("arguments[0].scrollIntoView()", card);
        new org.openqa.selenium.support.ui.WebDriverWait(chromium.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> !card.findElements(By.tagName("svg")).isEmpty());
        return card.findElements(By.cssSelector("svg text > title")).stream()
                .map(e -> (String) chromium.driver().executeScript("return arguments[0].textContent", e))
                .toList();
    }

    private static List<String> rowDatasets(HeadlessChromium chromium, String feature) {
        return card(chromium, feature).findElements(By.cssSelector("table tr td:first-child")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static void assertNoAlert(HeadlessChromium chromium) {
        try {
            chromium.driver().switchTo().alert();
            throw new AssertionError("a script from the data opened an alert");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }
}
