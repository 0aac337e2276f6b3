package dev.veracity.pipeline.components;

import dev.veracity.io.SchemaFiles;
import dev.veracity.io.StatisticsFiles;
import dev.veracity.io.Veracity;
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
import dev.veracity.pipeline.Parameters;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * TFX's StatisticsGen: TFDV statistics of each split of its Examples, with {@link Veracity#statistics}, written to
 * {@code Split-<name>/FeatureStats.pb} (the dataset named after the split). With a {@code schema} input (as TFX's
 * optional one), the statistics are computed with it: categorical numbers get string statistics, and features it
 * marks {@code veracity:pii} keep their counts but no raw value, so no artifact downstream holds one.
 *
 * <pre>{@code
 * statistics: {component: StatisticsGen, inputs: {examples: gen.examples, schema: curated.schema}}
 * }</pre>
 */
public final class StatisticsGen implements Component {
    private static final ComponentSpec SPEC = new ComponentSpec(
            "StatisticsGen",
            "1",
            List.of(
                    InputPort.required("examples", ArtifactType.EXAMPLES),
                    InputPort.optional("schema", ArtifactType.SCHEMA)),
            List.of(new OutputPort("statistics", ArtifactType.EXAMPLE_STATISTICS)),
            List.of(
                    ParameterSpec.optional("exclude_splits", ParameterType.LIST, "splits not to describe"),
                    ParameterSpec.optional("threads", ParameterType.INT, "threads per split (default: all cores)")));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void validate(Parameters parameters) {
        long threads = parameters.integer("threads").orElse(1L);
        if (threads < 1 || threads > Integer.MAX_VALUE) {
            throw new dev.veracity.ConfigException("parameter threads: expected a whole number >= 1, found " + threads);
        }
    }

    @Override
    public void execute(ExecutionContext context) throws IOException {
        List<String> excluded = context.parameters().list("exclude_splits");
        Path out = context.outputDirectory("statistics");
        List<String> described = new ArrayList<>();
        List<Artifact> schemas = context.inputs("schema");
        Schema schema = schemas.isEmpty()
                ? Schema.getDefaultInstance()
                : SchemaFiles.read(
                        Path.of(schemas.get(schemas.size() - 1).uri()).resolve("schema.pbtxt"));
        for (Artifact examples : context.inputs("examples")) {
            for (String split : Splits.of(examples)) {
                if (excluded.contains(split) || described.contains(split)) {
                    continue;
                }
                List<Path> files = dataFiles(Splits.directory(Path.of(examples.uri()), split));
                Veracity.StatisticsRequest request =
                        Veracity.statistics(files).named(split).withSchema(schema);
                if (context.parameters().has("threads")) {
                    request = request.withThreads(context.parameters()
                            .integer("threads")
                            .orElseThrow()
                            .intValue());
                }
                DatasetFeatureStatisticsList statistics = request.compute().statistics();
                Path file = Splits.directory(out, split).resolve("FeatureStats.pb");
                Files.createDirectories(file.getParent());
                StatisticsFiles.write(statistics, file);
                described.add(split);
            }
        }
        context.setOutputProperty("statistics", Splits.PROPERTY, Splits.property(described));
        context.setOutputProperty("statistics", "span", Value.of(Splits.span(context.inputs("examples"))));
        context.inputs("examples").stream()
                .flatMap(examples -> examples.property("span_date").stream())
                .max(java.util.Comparator.comparing(Value::stringValue))
                .ifPresent(date -> context.setOutputProperty("statistics", "span_date", date));
    }

    private static List<Path> dataFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
