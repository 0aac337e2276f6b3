package dev.veracity.pipeline.run;

import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.ArtifactType;
import dev.veracity.pipeline.Component;
import dev.veracity.pipeline.ComponentSpec;
import dev.veracity.pipeline.ExecutionContext;
import dev.veracity.pipeline.InputPort;
import dev.veracity.pipeline.OutputPort;
import dev.veracity.pipeline.ParameterSpec;
import dev.veracity.pipeline.ParameterType;
import dev.veracity.pipeline.Pipeline;
import dev.veracity.pipeline.components.ExampleGen;
import dev.veracity.pipeline.components.Resolver;
import dev.veracity.pipeline.components.StatisticsGen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A pipeline over daily spans whose last node compares each span with the one before, for backfill tests. */
final class BackfillComponents {
    private BackfillComponents() {}

    /**
     * Writes which span it compared with which; with {@code markers}, on span {@code block_span} it writes half its
     * output, creates {@code <markers>/started} and waits for {@code <markers>/release} (to be killed mid-span).
     */
    static final class Compare implements Component {
        @Override
        public ComponentSpec spec() {
            return new ComponentSpec(
                    "Compare",
                    "1",
                    List.of(
                            InputPort.required("statistics", ArtifactType.EXAMPLE_STATISTICS),
                            InputPort.optional("previous", ArtifactType.EXAMPLE_STATISTICS)),
                    List.of(new OutputPort("report", TestComponents.REPORT)),
                    List.of(
                            ParameterSpec.optional("markers", ParameterType.STRING, "marker directory"),
                            ParameterSpec.optional("block_span", ParameterType.INT, "the span to block on")));
        }

        @Override
        public void execute(ExecutionContext context) throws Exception {
            long span = span(context.inputs("statistics"));
            long previous = span(context.inputs("previous"));
            Path out = context.outputDirectory("report");
            Files.writeString(out.resolve("first-half.txt"), "half");
            if (context.parameters().has("markers")
                    && context.parameters().integer("block_span").orElse(-1L) == span) {
                Path markers = Path.of(context.parameters().string("markers").orElseThrow());
                Files.createDirectories(markers);
                Files.writeString(markers.resolve("started"), "");
                while (!Files.exists(markers.resolve("release"))) {
                    Thread.sleep(50);
                }
            }
            Files.writeString(out.resolve("compared.txt"), span + " with " + previous);
            context.setOutputProperty("report", "span", Value.of(span));
            context.setOutputProperty("report", "summary.drift_alarms", Value.of(previous < 0 ? "" : "value"));
            context.setOutputProperty("report", "summary.compared_with", Value.of(previous));
        }

        private static long span(List<Artifact> artifacts) {
            return artifacts.stream()
                    .mapToLong(a -> a.property("span").map(Value::intValue).orElse(-1L))
                    .max()
                    .orElse(-1);
        }
    }

    /** gen (daily CSV files) -> stats -> previous (the stats of the span before) -> compare. */
    static Pipeline pipeline(Path dir, Map<String, ?> compareParameters) {
        return Pipeline.builder("daily", dir.resolve("root"))
                .node(
                        "gen",
                        new ExampleGen(),
                        Map.of(
                                "input",
                                dir.resolve("data/{YYYY}-{MM}-{DD}/*.csv").toString()),
                        Map.of())
                .node("stats", new StatisticsGen(), Map.of("threads", 1), Map.of("examples", "gen.examples"))
                .node(
                        "previous",
                        new Resolver(),
                        Map.of("artifact_type", "ExampleStatistics", "producer", "stats"),
                        Map.of("current", "gen.examples"))
                .node(
                        "compare",
                        new Compare(),
                        compareParameters,
                        Map.of("statistics", "stats.statistics", "previous", "previous.result"))
                .build();
    }

    /** Writes day {@code day} of December 2026 (a span) with {@code rows} rows from {@code seed}. */
    static void day(Path dir, int day, int rows, long seed) throws java.io.IOException {
        RunFixture.csv(dir.resolve(String.format("data/2026-12-%02d/runs.csv", day)), rows, seed);
    }

    /** {@return the span of a day of December 2026} */
    static long span(int day) {
        return java.time.LocalDate.of(2026, 12, day).toEpochDay();
    }

    /** Arguments: directory, JDBC URL, user, password: backfills days 1 to 3, blocking on day 2. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Pipeline pipeline =
                pipeline(dir, Map.of("markers", dir.resolve("markers").toString(), "block_span", span(2)));
        try (dev.veracity.metadata.MetadataStore store = dev.veracity.metadata.MetadataStore.open(
                new dev.veracity.metadata.MetadataConfig(args[1], args[2], args[3]))) {
            new Backfill(store, RunOptions.DEFAULT, RunListener.NONE)
                    .run(pipeline, span(1), span(3), Backfill.Progress.NONE);
        }
    }
}
