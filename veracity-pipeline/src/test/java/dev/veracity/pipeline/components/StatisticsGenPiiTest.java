package dev.veracity.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.StatisticsFiles;
import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.MetadataConfig;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.pipeline.Pipeline;
import dev.veracity.pipeline.run.LocalRunner;
import dev.veracity.pipeline.run.RunListener;
import dev.veracity.pipeline.run.RunOptions;
import dev.veracity.pipeline.run.RunResult;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline whose StatisticsGen gets a schema that marks features {@code veracity:pii} writes no raw value of them
 * into any artifact it produces from the data (statistics, inferred schema, anomalies) nor into the metadata store.
 * The Examples artifact is the data itself (ExampleGen's split copy) and is the one place the values belong.
 */
class StatisticsGenPiiTest {
    private static final List<String> EMAILS =
            List.of("jane.doe@example.com", "bob.smith@example.org", "chen.li@example.net");
    private static final List<String> NAMES = List.of("Jane Doe", "Bob Smith", "Chen Li");

    @TempDir
    Path dir;

    @Test
    void noRawValueOfAPiiFeatureReachesAnyArtifactOrTheMetadataStore() throws IOException {
        Path data = dir.resolve("data/people.csv");
        Files.createDirectories(data.getParent());
        StringBuilder csv = new StringBuilder("id,email,name,age,city\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i)
                    .append(',')
                    .append(EMAILS.get(i % 3))
                    .append(',')
                    .append(NAMES.get(i % 3))
                    .append(',')
                    .append(20 + i % 7)
                    .append(',')
                    .append(i % 2 == 0 ? "Oslo" : "Rome")
                    .append('\n');
        }
        Files.writeString(data, csv);
        Path curated = dir.resolve("curated.pbtxt");
        Files.writeString(curated, """
                feature { name: "id" type: INT }
                feature { name: "email" type: BYTES annotation { tag: "veracity:pii=EMAIL_ADDRESS" } }
                feature { name: "name" type: BYTES annotation { tag: "veracity:pii" } }
                feature { name: "age" type: INT annotation { tag: "veracity:pii" } }
                feature { name: "city" type: BYTES }
                """);
        Path root = dir.resolve("root");
        Path store = dir.resolve("metadata.sqlite");
        Pipeline pipeline = Pipeline.builder("pii", root)
                .node(
                        "gen",
                        new ExampleGen(),
                        Map.of("input", data.toString(), "splits", Map.of("train", "2", "eval", "1")),
                        Map.of())
                .node("curated", new SchemaGen(), Map.of("import", curated.toString()), Map.of())
                .node(
                        "statistics",
                        new StatisticsGen(),
                        Map.of("threads", 1),
                        Map.of("examples", "gen.examples", "schema", "curated.schema"))
                .node(
                        "inferred",
                        new SchemaGen(),
                        Map.of("split", "train"),
                        Map.of("statistics", "statistics.statistics"))
                .node(
                        "validate",
                        new ExampleValidator(),
                        Map.of("fail_on", "NEVER"),
                        Map.of("statistics", "statistics.statistics", "schema", "curated.schema"))
                .build();
        RunResult result;
        try (MetadataStore metadata = MetadataStore.open(MetadataConfig.sqlite(store))) {
            result = new LocalRunner(metadata, RunOptions.DEFAULT, RunListener.NONE).run(pipeline);
        }
        assertThat(result.isSuccess()).as(result.toString()).isTrue();

        // The statistics still describe the PII features: counts, but no values.
        Artifact statistics = result.result("statistics")
                .orElseThrow()
                .outputs()
                .get("statistics")
                .get(0);
        DatasetFeatureStatisticsList train =
                StatisticsFiles.read(Path.of(statistics.uri()).resolve("Split-train/FeatureStats.pb"));
        FeatureNameStatistics email = train.getDatasets(0).getFeaturesList().stream()
                .filter(f ->
                        f.getName().equals("email") || f.getPath().getStepList().equals(List.of("email")))
                .findFirst()
                .orElseThrow();
        assertThat(email.getStringStats().getUnique()).isEqualTo(3);
        assertThat(train.toString()).contains("Oslo");

        Path examples = Path.of(result.result("gen")
                .orElseThrow()
                .outputs()
                .get("examples")
                .get(0)
                .uri());
        assertThat(read(examples.resolve("Split-train/data.jsonl"))).contains(EMAILS.get(0)); // the data itself
        List<Path> scanned = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.startsWith(examples))
                    .toList()) {
                scanned.add(file);
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().startsWith("metadata.sqlite"))
                    .forEach(scanned::add);
        }
        assertThat(scanned)
                .extracting(f -> f.getFileName().toString())
                .contains("FeatureStats.pb", "schema.pbtxt", "metadata.sqlite");
        for (Path file : scanned) {
            String text = read(file);
            for (String value : concat(EMAILS, NAMES)) {
                assertThat(text).as("%s holds %s", file, value).doesNotContain(value);
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Bytes as ISO-8859-1 text: every byte one char, so a UTF-8 value is found wherever its bytes are. */
    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }
}
