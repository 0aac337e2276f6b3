package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.veracity.report.HeadlessChromium;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The README's main job: the week of the running app ({@code examples/app}) backfilled through the lifecycle pipeline
 * ({@code examples/lifecycle.yaml}). The faulty day is flagged with its reasons, the snow alarms on its day, the
 * concept change on its day, clean days raise nothing, a second backfill is fully cached, and no runner's e-mail
 * address or name is in any artifact or the metadata store but ExampleGen's raw copy of the log.
 */
class LifecycleExampleTest {
    private static final Path EXAMPLES =
            Path.of("..", "examples").toAbsolutePath().normalize();
    private static final String FAULTY = "2026-12-02";
    private static final String CONCEPT = "2026-12-04";
    private static final String SNOW = "2026-12-06";
    private static final Set<String> CLEAN = Set.of("2026-11-30", "2026-12-01", "2026-12-03", "2026-12-05");

    @TempDir
    Path dir;

    @Test
    void theWeekTellsItsStoryAndASecondBackfillIsCached() throws IOException {
        String yaml = pipelineFile();
        CommandRun first = backfill(yaml);
        assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(1);
        Map<String, Map<String, String>> summary = summary(first.out());
        assertThat(summary.keySet())
                .containsExactly(
                        "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", SNOW);

        Map<String, String> faulty = summary.get(FAULTY);
        assertThat(Long.parseLong(faulty.get("anomalies[validate]")))
                .as(faulty.toString())
                .isPositive();
        assertThat(faulty.get("top_reasons[validate]"))
                .contains("ENUM_TYPE_UNEXPECTED_STRING_VALUES")
                .contains("CUSTOM_VALIDATION");
        assertThat(faulty.get("top_reasons[validate_serving]")).contains("SCHEMA_MISSING_COLUMN");
        assertThat(Long.parseLong(faulty.get("quarantined"))).isPositive();
        assertThat(faulty.get("skew_alarms")).contains("distance_km");
        assertThat(faulty.get("exported")).as("no export of the faulty day").isNull();

        assertThat(summary.get(SNOW).get("drift_alarms")).as(summary.toString()).isEqualTo("weather");
        assertThat(Long.parseLong(summary.get(CONCEPT).get("model_alarms")))
                .as(summary.toString())
                .isPositive();
        assertThat(summary.get(CONCEPT).get("exported"))
                .as("no export of a decayed model")
                .isNull();
        for (String day : CLEAN) {
            Map<String, String> row = summary.get(day);
            assertThat(row.get("anomalies[validate]")).as(day + " " + row).isEqualTo("0");
            assertThat(row.get("anomalies[validate_serving]"))
                    .as(day + " " + row)
                    .isEqualTo("0");
            assertThat(row.get("quarantined")).as(day + " " + row).isEqualTo("0");
            assertThat(row.get("drift_alarms")).as(day + " " + row).isEmpty();
            assertThat(row.get("skew_alarms")).as(day + " " + row).isEmpty();
            assertThat(row.get("model_alarms")).as(day + " " + row).isEqualTo("0");
            assertThat(row.get("exported")).as(day + " " + row).isEqualTo("yes");
            assertThat(row.get("pii_features")).as(day + " " + row).isEqualTo("2");
        }
        for (String day : summary.keySet()) {
            if (!day.equals(FAULTY) && !day.equals(SNOW)) {
                assertThat(summary.get(day).get("drift_alarms")).as(day).isEmpty();
            }
        }
        assertThat(first.out()).contains("\"reports\" : [").contains("/index.html\"");

        CommandRun second = backfill(yaml);
        assertThat(second.exitCode()).as(second.err()).isEqualTo(first.exitCode());
        assertThat(summary(second.out())).isEqualTo(summary);
        Map<String, String> statuses = statuses(second.out());
        assertThat(statuses).hasSize(7 * 20);
        statuses.forEach((node, status) -> {
            if (node.contains(" previous_") || node.endsWith(" drift_history")) {
                assertThat(status)
                        .as(node + ": a Resolver reads the store every run")
                        .isEqualTo("executed");
            } else {
                assertThat(status).as(node).isIn("cached", "blocked", "skipped");
            }
        });

        assertNoPiiOutsideTheRawCopy();
    }

    /** No e-mail address or name of a runner in any file of the pipeline root but the suggestions' ExampleGen. */
    private void assertNoPiiOutsideTheRawCopy() throws IOException {
        Set<String> pii = new TreeSet<>();
        try (Stream<Path> days = Files.list(EXAMPLES.resolve("app").resolve("suggestions"))) {
            for (Path day : days.toList()) {
                List<String> lines = Files.readAllLines(day);
                List<String> header = List.of(lines.get(0).split(","));
                int email = header.indexOf("runner_email");
                int name = header.indexOf("runner_name");
                for (String line : lines.subList(1, lines.size())) {
                    String[] cells = line.split(",");
                    pii.add(cells[email]);
                    pii.add(cells[name]);
                }
            }
        }
        assertThat(pii).hasSizeGreaterThan(100);
        Path root = dir.resolve("root");
        Path raw = root.resolve("suggestions");
        List<String> leaks = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                if (file.startsWith(raw)) {
                    continue;
                }
                files++;
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String value : pii) {
                    if (bytes.contains(
                            new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
                        leaks.add(root.relativize(file) + ": " + value);
                        break;
                    }
                }
            }
        }
        assertThat(files).isGreaterThan(50);
        assertThat(leaks).isEmpty();
        assertThat(raw).isDirectory();
    }

    /** The bundled pipeline with absolute example paths and its root (and export) in the temporary directory. */
    @Test
    void theLastDaysReportOpensInChromiumWithTheDriftDayAfterDay() throws IOException {
        CommandRun week = backfill(pipelineFile());
        assertThat(week.exitCode()).as(week.err()).isEqualTo(1);
        Matcher report = Pattern.compile("\"([^\"]*/index\\.html)\"").matcher(week.out());
        String last = null;
        while (report.find()) {
            last = report.group(1);
        }
        assertThat(last).as(week.out()).isNotNull();
        try (HeadlessChromium chromium = HeadlessChromium.start(1300, 2000)) {
            chromium.open(Path.of(last));
            chromium.assertNoConsoleErrors();
            WebElement panel = chromium.driver().findElement(By.id("metric-history"));
            assertThat(panel.getText()).contains("Metric history", "1 point flagged");
            // The feature that drifted is shown first, its snow day flagged among six days of measurements.
            Select feature = new Select(chromium.driver().findElement(By.id("history-feature")));
            assertThat(feature.getFirstSelectedOption().getAttribute("value")).isEqualTo("weather");
            List<WebElement> points = panel.findElements(By.cssSelector("circle.point"));
            assertThat(points).hasSize(6);
            List<WebElement> flagged = panel.findElements(By.cssSelector("circle.flagged"));
            assertThat(flagged)
                    .singleElement()
                    .satisfies(p -> assertThat(p.getAttribute("data-span")).isEqualTo(SNOW));
        }
    }

    private String pipelineFile() throws IOException {
        String text = Files.readString(EXAMPLES.resolve("lifecycle.yaml"));
        assertThat(text).contains("pipeline_root: out/app\n");
        text = text.replace("pipeline_root: out/app\n", "pipeline_root: " + dir.resolve("root") + "\n")
                .replace("out/app-export", dir.resolve("export").toString())
                .replace("examples/", EXAMPLES + "/");
        Path file = dir.resolve("lifecycle.yaml");
        Files.writeString(file, text);
        return file.toString();
    }

    private static CommandRun backfill(String yaml) {
        return CommandRun.of("pipeline", "backfill", yaml, "--from", "2026-11-30", "--to", SNOW, "--json");
    }

    /** Per run and node ("RUN NODE"), the status in backfill's JSON. */
    private static Map<String, String> statuses(String json) throws IOException {
        Map<String, String> statuses = new LinkedHashMap<>();
        String run = "";
        String node = "";
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() != JsonToken.FIELD_NAME) {
                    continue;
                }
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "run" -> run = parser.getValueAsString();
                    case "node" -> node = parser.getValueAsString();
                    case "status" -> statuses.put(run + " " + node, parser.getValueAsString());
                    default -> {}
                }
            }
        }
        return statuses;
    }

    /** Per date, the summary figures of backfill's JSON. */
    private static Map<String, Map<String, String>> summary(String json) throws IOException {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME
                        && parser.currentName().equals("summary")
                        && parser.getParsingContext().getParent().inRoot()) {
                    parser.nextToken();
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        Map<String, String> row = new LinkedHashMap<>();
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String name = parser.currentName();
                            parser.nextToken();
                            row.put(name, parser.getValueAsString());
                        }
                        rows.put(row.remove("date"), row);
                    }
                }
            }
        }
        return rows;
    }
}
