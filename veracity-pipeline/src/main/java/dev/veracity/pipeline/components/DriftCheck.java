package dev.veracity.pipeline.components;

import dev.veracity.ConfigException;
import dev.veracity.drift.Baseline;
import dev.veracity.drift.DriftConfig;
import dev.veracity.drift.DriftReport;
import dev.veracity.drift.DriftSeries;
import dev.veracity.io.AnomaliesFiles;
import dev.veracity.io.AtomicFiles;
import dev.veracity.io.DriftJson;
import dev.veracity.io.SchemaFiles;
import dev.veracity.io.StatisticsFiles;
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
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Schema;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Drift of this span against the previous span and against a baseline, as TFDV judges it: the schema's drift
 * comparators, set for every feature from the parameters (L-infinity distance for categorical features,
 * Jensen-Shannon divergence for numeric ones; a comparator the schema already has is kept unless {@code thresholds}
 * names its feature), checked by {@link dev.veracity.schema.Validator} with the previous statistics. Writes, per
 * split, TFDV's anomalies ({@code Split-<name>/anomalies.pbtxt} against the previous span,
 * {@code baseline_anomalies.pbtxt} against the baseline; drift reasons only) and {@code drift.json}, the report
 * {@code veracity drift PREVIOUS CURRENT --schema SCHEMA [--baseline BASELINE] -o drift.json} writes. The features
 * over their threshold are {@code summary.drift_alarms}; they block the run only with {@code fail_on: ERROR}. The
 * first span (nothing to compare with) raises no alarm and says so.
 *
 * <pre>{@code
 * previous: {component: Resolver, inputs: {current: gen.examples}, parameters: {artifact_type: ExampleStatistics, producer: statistics}}
 * drift: {component: DriftCheck, inputs: {statistics: statistics.statistics, previous: previous.result, schema: schema.schema},
 *         parameters: {threshold: 0.1, thresholds: {distance_km: 0.05}}}
 * }</pre>
 */
public final class DriftCheck implements Component {
    /** The drift of a span ({@code Split-<name>/drift.json} and TFDV's drift anomalies). */
    public static final ArtifactType DRIFT = new ArtifactType("DriftReport");

    /** The threshold of every feature that {@code thresholds} does not name. */
    public static final double DEFAULT_THRESHOLD = 0.1;

    private static final ComponentSpec SPEC = new ComponentSpec(
            "DriftCheck",
            "1",
            List.of(
                    InputPort.required("statistics", ArtifactType.EXAMPLE_STATISTICS),
                    InputPort.required("schema", ArtifactType.SCHEMA),
                    InputPort.optional("previous", ArtifactType.EXAMPLE_STATISTICS),
                    InputPort.optional("baseline", ArtifactType.EXAMPLE_STATISTICS)),
            List.of(new OutputPort("drift", DRIFT)),
            List.of(
                    ParameterSpec.optional(
                            "threshold",
                            ParameterType.DOUBLE,
                            "the L-infinity / Jensen-Shannon threshold of every feature (default 0.1)"),
                    ParameterSpec.optional(
                            "thresholds", ParameterType.MAP, "feature to threshold, e.g. distance_km: 0.05"),
                    ParameterSpec.optional(
                            "exclude_splits", ParameterType.LIST, "splits not to compare (default: none)"),
                    ParameterSpec.optional(
                            "fail_on", ParameterType.STRING, "NEVER (default: warn only) or ERROR: drift blocks")));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void validate(Parameters parameters) {
        failOn(parameters);
        DriftThresholds.of(parameters);
    }

    @Override
    public void execute(ExecutionContext context) throws IOException {
        Parameters parameters = context.parameters();
        boolean blocks = failOn(parameters).equals("ERROR");
        DriftThresholds thresholds = DriftThresholds.of(parameters);
        List<Artifact> schemas = context.inputs("schema");
        Schema schema =
                SchemaFiles.read(Path.of(schemas.get(schemas.size() - 1).uri()).resolve("schema.pbtxt"));
        for (String feature : thresholds.perFeature().keySet()) {
            if (schema.getFeatureList().stream().noneMatch(f -> f.getName().equals(feature))) {
                throw new ConfigException("node " + context.nodeId() + ": parameter thresholds: expected a feature of "
                        + "the schema, found \"" + feature + "\"");
            }
        }
        Optional<Artifact> previous = last(context.inputs("previous"));
        Optional<Artifact> baseline = last(context.inputs("baseline"));
        Path out = context.outputDirectory("drift");
        TreeSet<String> alarms = new TreeSet<>();
        List<String> compared = new ArrayList<>();
        for (Artifact statistics : context.inputs("statistics")) {
            for (String split : Splits.of(statistics)) {
                if (parameters.list("exclude_splits").contains(split) || compared.contains(split)) {
                    continue;
                }
                Path currentFile = file(statistics, split).orElseThrow();
                Optional<Path> beforeFile = previous.flatMap(a -> file(a, split));
                Optional<Path> baseFile = baseline.flatMap(a -> file(a, split));
                DatasetFeatureStatisticsList current = StatisticsFiles.read(currentFile);
                Optional<DatasetFeatureStatisticsList> before = read(beforeFile);
                Optional<DatasetFeatureStatisticsList> base = read(baseFile);
                Schema withComparators = thresholds.apply(schema, current);
                Path directory = Splits.directory(out, split);
                Files.createDirectories(directory);
                if (before.isPresent()) {
                    Anomalies anomalies = DriftThresholds.driftOnly(withComparators, current, before.get());
                    AnomaliesFiles.write(anomalies, directory.resolve(ExampleValidator.ANOMALIES_FILE));
                    alarms.addAll(anomalies.getAnomalyInfoMap().keySet());
                }
                if (base.isPresent()) {
                    Anomalies anomalies = DriftThresholds.driftOnly(withComparators, current, base.get());
                    AnomaliesFiles.write(anomalies, directory.resolve("baseline_anomalies.pbtxt"));
                    alarms.addAll(anomalies.getAnomalyInfoMap().keySet());
                }
                if (before.isPresent() || base.isPresent()) {
                    writeReport(directory.resolve("drift.json"), schema, currentFile, beforeFile, baseFile);
                }
                compared.add(split);
            }
        }
        boolean nothingToCompare = previous.isEmpty() && baseline.isEmpty();
        if (nothingToCompare) {
            context.warn("no previous span and no baseline: nothing to compare with (the first span), no drift alarm");
        }
        context.setOutputProperty("drift", Splits.PROPERTY, Splits.property(compared));
        context.setOutputProperty("drift", "span", Value.of(Splits.span(context.inputs("statistics"))));
        context.setOutputProperty(
                "drift", "compared_with", Value.of(nothingToCompare ? "nothing (first span)" : comparedWith(context)));
        context.setOutputProperty("drift", "summary.drift_alarms", Value.of(String.join(",", alarms)));
        if (!alarms.isEmpty()) {
            String message = alarms.size() + " feature(s) drifted over their threshold: " + String.join(", ", alarms);
            if (blocks) {
                context.block(message);
            } else {
                context.warn(message);
            }
        }
    }

    /**
     * Writes what {@code veracity drift PREVIOUS CURRENT --schema S [--baseline BASELINE] -o FILE} writes, the spans
     * and the baseline named by their files as the command names them.
     */
    private static void writeReport(
            Path file, Schema schema, Path current, Optional<Path> previous, Optional<Path> baseline)
            throws IOException {
        List<DatasetFeatureStatisticsList> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (previous.isPresent()) {
            spans.add(StatisticsFiles.read(previous.get()));
            names.add(previous.get().toString());
        }
        spans.add(StatisticsFiles.read(current));
        names.add(current.toString());
        DriftSeries series = DriftSeries.of(spans).names(names).config(DriftConfig.fromSchema(schema));
        if (baseline.isPresent()) {
            series = series.baseline(Baseline.of(
                    StatisticsFiles.read(baseline.get()), baseline.get().toString()));
        }
        DriftReport report = series.run();
        AtomicFiles.write(file, stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            DriftJson.write(report, writer);
            writer.flush();
        });
    }

    private static String comparedWith(ExecutionContext context) {
        List<String> with = new ArrayList<>();
        last(context.inputs("previous")).ifPresent(a -> with.add("previous span " + Splits.span(List.of(a))));
        last(context.inputs("baseline")).ifPresent(a -> with.add("baseline"));
        return String.join(" and ", with);
    }

    private static Optional<Path> file(Artifact artifact, String split) {
        Path file = Splits.directory(Path.of(artifact.uri()), split).resolve("FeatureStats.pb");
        return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }

    private static Optional<DatasetFeatureStatisticsList> read(Optional<Path> file) throws IOException {
        return file.isPresent() ? Optional.of(StatisticsFiles.read(file.get())) : Optional.empty();
    }

    private static Optional<Artifact> last(List<Artifact> artifacts) {
        return artifacts.isEmpty() ? Optional.empty() : Optional.of(artifacts.get(artifacts.size() - 1));
    }

    private static String failOn(Parameters parameters) {
        String failOn = parameters.string("fail_on").orElse("NEVER").strip().toUpperCase(Locale.ROOT);
        if (!failOn.equals("NEVER") && !failOn.equals("ERROR")) {
            throw new ConfigException("parameter fail_on: expected NEVER or ERROR, found " + failOn);
        }
        return failOn;
    }
}
