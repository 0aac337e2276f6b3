package dev.veracity.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.metadata.Value;
import dev.veracity.pipeline.Pipeline;
import dev.veracity.pipeline.run.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PII test of the lifecycle: runners with e-mail addresses and names flow through ExampleGen, PiiProtect,
 * LabelJoin, WeakLabel, StatisticsGen, SchemaGen, ExampleValidator, Fairness and Export. No e-mail address and no
 * name may appear in any file under the pipeline root but ExampleGen's raw examples, in the exported copy, or in any
 * text column (nor any byte) of the SQLite metadata store.
 */
class LifecyclePiiTest {
    @TempDir
    Path dir;

    @Test
    void noEmailOrNameLeavesTheRawExamples() throws IOException, SQLException {
        LifecycleFixture.people(dir.resolve("data/span-3/people.csv"), 240);
        StringBuilder outcomes = new StringBuilder("id,finished_at\n");
        Instant start = Instant.parse("2026-12-01T06:00:00Z");
        for (int i = 0; i < 240; i += 2) {
            outcomes.append(i)
                    .append(',')
                    .append(start.plusSeconds(600L * i + 1800))
                    .append('\n');
        }
        Files.writeString(dir.resolve("data/span-3/outcomes.csv"), outcomes);
        Files.writeString(dir.resolve("lfs.yaml"), """
                labels: [easy, hard]
                functions:
                  - {name: north, column: city, label: easy, values: [Oslo]}
                  - {name: older, column: age, label: hard, range: {min: 45}}
                """);
        Map<String, Object> join = new LinkedHashMap<>();
        join.put("key", "id");
        join.put("prediction_time", "started_at");
        join.put("outcome_time", "finished_at");
        join.put("window", "1h");
        join.put("missing", "negative");
        Path root = dir.resolve("root");
        Path published = dir.resolve("published");
        Pipeline pipeline = Pipeline.builder("lifecycle", root)
                .node(
                        "gen",
                        new ExampleGen(),
                        Map.of(
                                "input",
                                dir.resolve("data/span-{SPAN}/people.csv").toString()),
                        Map.of())
                .node(
                        "outcomes",
                        new ExampleGen(),
                        Map.of(
                                "input",
                                dir.resolve("data/span-{SPAN}/outcomes.csv").toString()),
                        Map.of())
                .node("pii", new PiiProtect(), Map.of(), Map.of("examples", "gen.examples"))
                .node(
                        "labels",
                        new LabelJoin(),
                        join,
                        Map.of("examples", "pii.examples", "outcomes", "outcomes.examples"))
                .node(
                        "weak",
                        new WeakLabel(),
                        Map.of("labeling_functions", dir.resolve("lfs.yaml").toString(), "label_column", "effort"),
                        Map.of("examples", "labels.examples"))
                .node(
                        "statistics",
                        new StatisticsGen(),
                        Map.of("threads", 1),
                        Map.of("examples", "weak.examples", "schema", "pii.schema"))
                .node("schema", new SchemaGen(), Map.of(), Map.of("statistics", "statistics.statistics"))
                .node(
                        "validate",
                        new ExampleValidator(),
                        Map.of("fail_on", "NEVER"),
                        Map.of("statistics", "statistics.statistics", "schema", "schema.schema"))
                .node(
                        "fairness",
                        new Fairness(),
                        Map.of("group", List.of("city"), "label", "completed", "positive", "1", "fail_on", "NEVER"),
                        Map.of("examples", "weak.examples", "schema", "pii.schema"))
                .node(
                        "export",
                        new Export(),
                        Map.of("destination", published.resolve("span-{SPAN}").toString()),
                        Map.of(
                                "artifacts",
                                List.of(
                                        "statistics.statistics",
                                        "schema.schema",
                                        "validate.anomalies",
                                        "fairness.fairness",
                                        "weak.examples",
                                        "pii.schema",
                                        "labels.report"),
                                "blessing",
                                List.of("validate.anomalies")),
                        0,
                        Duration.ofMinutes(10))
                .build();
        Path store = dir.resolve("metadata.sqlite");

        RunResult result = LifecycleFixture.run(store, pipeline);

        assertThat(result.isSuccess()).as(result.toString()).isTrue();
        assertThat(LifecycleFixture.output(result, "export", "exported")
                        .property("summary.exported")
                        .orElseThrow()
                        .stringValue())
                .isEqualTo("yes");
        Path raw = LifecycleFixture.directory(result, "gen", "examples");
        assertThat(read(raw.resolve("Split-train/data.jsonl"))).contains(LifecycleFixture.EMAILS.get(0));
        List<Path> scanned = new ArrayList<>();
        for (Path top : List.of(root, published)) {
            try (Stream<Path> files = Files.walk(top)) {
                files.filter(Files::isRegularFile)
                        .filter(f -> !f.startsWith(raw))
                        .forEach(scanned::add);
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().startsWith("metadata.sqlite"))
                    .forEach(scanned::add);
        }
        assertThat(scanned)
                .extracting(f -> f.getFileName().toString())
                .contains(
                        "FeatureStats.pb",
                        "schema.pbtxt",
                        "anomalies.pbtxt",
                        "data.jsonl",
                        "pii_scan.json",
                        "labeling_report.json",
                        "fairness.json",
                        "export.json",
                        "metadata.sqlite");
        assertThat(scanned).anyMatch(f -> f.startsWith(published.resolve("span-3/weak/examples")));
        for (String[] output : new String[][] {
            {"pii", "examples"},
            {"pii", "schema"},
            {"pii", "report"},
            {"labels", "examples"},
            {"labels", "report"},
            {"weak", "examples"},
            {"fairness", "fairness"},
            {"export", "exported"}
        }) {
            assertThat(LifecycleFixture.output(result, output[0], output[1]).property("span"))
                    .as("span of %s.%s", output[0], output[1])
                    .contains(Value.of(3L));
        }
        List<String> values = new ArrayList<>(LifecycleFixture.EMAILS);
        values.addAll(LifecycleFixture.NAMES);
        for (Path file : scanned) {
            String text = read(file);
            for (String value : values) {
                assertThat(text).as("%s holds %s", file, value).doesNotContain(value);
            }
        }
        assertThat(textColumns(store, values))
                .as("cells of the metadata store read")
                .isGreaterThan(100);
    }

    /** Reads every cell of every table of the store as text, checking none holds a value; returns the cells read. */
    private static long textColumns(Path store, List<String> values) throws SQLException {
        long cells = 0;
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + store)) {
            List<String> tables = new ArrayList<>();
            try (Statement statement = sqlite.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).isNotEmpty();
            for (String table : tables) {
                try (Statement statement = sqlite.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            String cell = rows.getString(c);
                            cells++;
                            for (String value : values) {
                                assertThat(cell == null ? "" : cell)
                                        .as("%s.%s", table, rows.getMetaData().getColumnName(c))
                                        .doesNotContain(value);
                            }
                        }
                    }
                }
            }
        }
        return cells;
    }

    /** Bytes as ISO-8859-1 text: every byte one char, so a UTF-8 value is found wherever its bytes are. */
    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }
}
