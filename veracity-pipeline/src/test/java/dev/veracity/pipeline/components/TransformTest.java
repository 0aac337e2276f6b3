package dev.veracity.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.StatisticsFiles;
import dev.veracity.metadata.MetadataConfig;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.pipeline.Pipeline;
import dev.veracity.pipeline.run.LocalRunner;
import dev.veracity.pipeline.run.NodeResult;
import dev.veracity.pipeline.run.NodeStatus;
import dev.veracity.pipeline.run.RunListener;
import dev.veracity.pipeline.run.RunOptions;
import dev.veracity.pipeline.run.RunResult;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.transform.TransformFn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ExampleGen then Transform on the bundled runs data: fitted on train, every split transformed, cached, re-run. */
class TransformTest {
    private static final Path TRAIN = Path.of("../examples/runs/train.csv");

    @TempDir
    Path dir;

    @Test
    void fitsOnTrainTransformsEverySplitAndIsCachedUntilTheSpecChanges() throws IOException {
        Path data = dir.resolve("data/train.csv");
        Files.createDirectories(data.getParent());
        Files.copy(TRAIN, data);
        Path spec = Files.writeString(
                dir.resolve("spec.yaml"),
                "transforms:\n  - {name: pace_z, op: scale_to_z_score, input: pace_min_per_km}\n"
                        + "  - {name: route_id, op: compute_and_apply_vocabulary, input: route}\n"
                        + "keep: [completed]\n");
        Pipeline pipeline = Pipeline.builder("transform", dir.resolve("root"))
                .node(
                        "gen",
                        new ExampleGen(),
                        Map.of("input", data.toString(), "splits", Map.of("train", "2", "eval", "1")),
                        Map.of())
                .node("transform", new Transform(), Map.of("spec", spec.toString()), Map.of("examples", "gen.examples"))
                .build();
        MetadataConfig store = MetadataConfig.sqlite(dir.resolve("metadata.sqlite"));

        RunResult first = run(store, pipeline);
        assertThat(first.isSuccess()).as(first.toString()).isTrue();
        NodeResult transform = first.result("transform").orElseThrow();
        assertThat(transform.status()).isEqualTo(NodeStatus.EXECUTED);
        Path graph =
                Path.of(transform.outputs().get("transform_graph").get(0).uri()).resolve("transform_fn");
        TransformFn fn = TransformFn.load(graph);
        assertThat(fn.outputNames()).containsExactly("pace_z", "route_id", "completed");
        Path examples =
                Path.of(transform.outputs().get("transformed_examples").get(0).uri());
        for (String split : List.of("train", "eval")) {
            List<String> lines =
                    Files.readAllLines(Splits.directory(examples, split).resolve("data.jsonl"));
            assertThat(lines).isNotEmpty().allMatch(line -> line.startsWith("{\"pace_z\":"));
            DatasetFeatureStatisticsList stats = StatisticsFiles.read(Splits.directory(
                            Path.of(transform.outputs().get("statistics").get(0).uri()), split)
                    .resolve("FeatureStats.pb"));
            assertThat(stats.getDatasets(0).getNumExamples()).isEqualTo(lines.size());
        }

        RunResult second = run(store, pipeline);
        assertThat(second.count(NodeStatus.CACHED)).isEqualTo(2);

        Files.writeString(spec, Files.readString(spec).replace("keep: [completed]", "keep: [runner]"));
        RunResult changed = run(store, pipeline);
        assertThat(changed.result("transform").orElseThrow().status()).isEqualTo(NodeStatus.EXECUTED);
        assertThat(changed.result("gen").orElseThrow().status()).isEqualTo(NodeStatus.CACHED);
    }

    private static RunResult run(MetadataConfig config, Pipeline pipeline) throws IOException {
        try (MetadataStore store = MetadataStore.open(config)) {
            return new LocalRunner(store, RunOptions.DEFAULT, RunListener.NONE).run(pipeline);
        }
    }
}
