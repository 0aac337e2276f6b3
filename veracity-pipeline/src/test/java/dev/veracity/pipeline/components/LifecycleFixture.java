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
