package dev.veracity.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.run.LocalRunner;
import dev.veracity.pipeline.run.RunListener;
import dev.veracity.pipeline.run.RunOptions;
import dev.veracity.pipeline.run.RunResult;
import dev.veracity.pipeline.yaml.PipelineFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's lifecycle pipeline, read from the README itself, runs on the bundled examples and finds things. */
class LifecycleReadmeTest {
    private static final String START = "cat > lifecycle.yaml <<'EOF'\n";

    @TempDir
    Path dir;

    @Test
    void theReadmePipelineRunsOnTheBundledExamples() throws IOException {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        String readme = Files.readString(repository.resolve("README.md"));
        int from = readme.indexOf(START) + START.length();
        String yaml = readme.substring(from, readme.indexOf("\nEOF\n", from) + 1)
                .replace("examples/", repository.resolve("examples") + "/")
                .replace("out/", dir.resolve("out") + "/");
        Path file = Files.writeString(dir.resolve("lifecycle.yaml"), yaml);
        PipelineFile pipeline = PipelineFile.read(file);

        RunResult result;
        try (MetadataStore store = MetadataStore.open(pipeline.metadata())) {
            result = new LocalRunner(store, RunOptions.DEFAULT, RunListener.NONE).run(pipeline.pipeline());
        }

        assertThat(result.isSuccess()).as(result.toString()).isTrue();
        assertThat(count(result, "labels", "examples", "summary.labels_joined")).isPositive();
        assertThat(count(result, "weak", "examples", "summary.weak_labels")).isPositive();
        assertThat(count(result, "pii", "examples", "summary.pii_features")).isGreaterThanOrEqualTo(2);
        assertThat(count(result, "fairness", "fairness", "summary.fairness_alarms"))
                .isPositive();
        assertThat(LifecycleFixture.output(result, "export", "exported")
                        .property("summary.exported")
                        .map(Value::stringValue))
                .contains("yes");
        assertThat(dir.resolve("out/published/span-0/labels/examples/Split-train/data.jsonl"))
                .exists();
        assertThat(dir.resolve("out/published/span-0/pii/schema/schema.pbtxt")).exists();
    }

    private static long count(RunResult result, String node, String output, String figure) {
        return LifecycleFixture.output(result, node, output)
                .property(figure)
                .map(Value::intValue)
                .orElseThrow();
    }
}
