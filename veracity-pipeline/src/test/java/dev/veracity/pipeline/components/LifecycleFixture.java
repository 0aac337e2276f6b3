package dev.veracity.pipeline.components;

import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.MetadataConfig;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.pipeline.Pipeline;
import dev.veracity.pipeline.run.LocalRunner;
import dev.veracity.pipeline.run.RunListener;
import dev.veracity.pipeline.run.RunOptions;
import dev.veracity.pipeline.run.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Running a test pipeline and finding its artifacts, for the tests of the lifecycle components. */
final class LifecycleFixture {
    private LifecycleFixture() {}

    static final List<String> NAMES =
            List.of("Lucas Tanaka", "Daniel Garcia", "Fatima Rossi", "Maria Garcia", "Wei Tanaka", "Chloe Dubois");
    static final List<String> EMAILS = List.of(
            "lucas.tanaka50@example.net",
            "daniel.garcia79@example.com",
            "fatima.rossi63@example.com",
            "maria.garcia12@example.org",
            "wei.tanaka14@mail.example.org",
            "chloe.dubois7@example.net");
    static final String[] CITIES = {"Oslo", "Rome", "Lima"};

    /**
     * Writes a CSV of runners: id, started_at (one every 10 minutes from 2026-12-01T06:00Z), email, name, age, city,
     * notes (an e-mail address in one row of ten) and completed (1 in cities Oslo and Lima, on two rows of three).
     */
    static Path people(Path file, int rows) throws IOException {
        StringBuilder csv = new StringBuilder("id,started_at,email,name,age,city,notes,completed\n");
        java.time.Instant start = java.time.Instant.parse("2026-12-01T06:00:00Z");
        for (int i = 0; i < rows; i++) {
            String city = CITIES[i % CITIES.length];
            csv.append(i)
                    .append(',')
                    .append(start.plusSeconds(600L * i))
                    .append(',')
                    .append(EMAILS.get(i % EMAILS.size()))
                    .append(',')
                    .append(NAMES.get(i % NAMES.size()))
                    .append(',')
                    .append(20 + i % 37)
                    .append(',')
                    .append(city)
                    .append(',')
                    .append(i % 10 == 0 ? "write to " + EMAILS.get((i / 10) % EMAILS.size()) : "easy run")
                    .append(',')
                    .append(!city.equals("Rome") && (i / 3) % 3 != 0 ? 1 : 0)
                    .append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, csv);
        return file;
    }

    static RunResult run(Path store, Pipeline pipeline) throws IOException {
        try (MetadataStore metadata = MetadataStore.open(MetadataConfig.sqlite(store))) {
            return new LocalRunner(metadata, RunOptions.DEFAULT, RunListener.NONE).run(pipeline);
        }
    }

    /** {@return the first artifact of a node's output} */
    static Artifact output(RunResult result, String node, String output) {
        return result.result(node).orElseThrow().outputs().get(output).get(0);
    }

    /** {@return the directory of a node's output} */
    static Path directory(RunResult result, String node, String output) {
        return Path.of(output(result, node, output).uri());
    }

    /** {@return the lines of every file of every split of an Examples directory} */
    static List<String> lines(Path examples) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(examples)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }
}
