package dev.veracity.pipeline.components;

import dev.veracity.ConfigException;
import dev.veracity.io.AnomaliesFiles;
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
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.report.HtmlReport;
import dev.veracity.report.MetricHistory;
import dev.veracity.report.PerformanceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The offline HTML report of a span ({@code index.html}, self-contained), made with {@link HtmlReport} as
 * {@code veracity report} makes it: the statistics of the previous span's splits first when {@code previous} is
 * wired (so the distances are from the previous span), then this span's splits; the schema; the anomalies of the
 * {@code anomalies} input and the drift reasons and measurements of the {@code drift} input (a DriftCheck), merged
 * per feature; the model's quality of the {@code performance} input (a ModelMonitor); and, from the
 * {@code drift_history} input (earlier spans' DriftCheck outputs, a Resolver's result), each feature's drift span
 * after span in the "Metric history" section. {@code summary.report} is
 * the path of the page.
 *
 * <pre>{@code
 * report: {component: Report, inputs: {statistics: statistics.statistics, schema: schema.schema,
 *          anomalies: validate.anomalies, drift: drift.drift, previous: previous.result,
 *          performance: monitor.performance}}
 * }</pre>
 */
public final class Report implements Component {
    /** A self-contained HTML report ({@code index.html}). */
    public static final ArtifactType HTML_REPORT = new ArtifactType("HtmlReport");

    /** The page inside the report artifact. */
    public static final String PAGE = "index.html";

    private static final ComponentSpec SPEC = new ComponentSpec(
            "Report",
            "3",
            List.of(
                    InputPort.required("statistics", ArtifactType.EXAMPLE_STATISTICS),
                    InputPort.optional("schema", ArtifactType.SCHEMA),
                    InputPort.optional("anomalies", ArtifactType.EXAMPLE_ANOMALIES),
                    InputPort.optional("drift", DriftCheck.DRIFT),
                    InputPort.optional("previous", ArtifactType.EXAMPLE_STATISTICS),
                    InputPort.optional("performance", ModelMonitor.MODEL_PERFORMANCE),
                    InputPort.optional("drift_history", DriftCheck.DRIFT)),
            List.of(new OutputPort("report", HTML_REPORT)),
            List.of(
                    ParameterSpec.optional(
                            "title", ParameterType.STRING, "the page's title (default: the pipeline and the span)"),
                    ParameterSpec.optional(
                            "max_top_values",
                            ParameterType.INT,
                            "most values kept per categorical feature and dataset (default 50)"),
                    ParameterSpec.optional(
                            "span_dates",
                            ParameterType.BOOLEAN,
                            "show spans as dates (the pipeline's ExampleGen reads a date pattern; default false)")));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void validate(Parameters parameters) {
        long top = parameters.integer("max_top_values").orElse((long) HtmlReport.DEFAULT_MAX_TOP_VALUES);
        if (top < 1 || top > Integer.MAX_VALUE) {
            throw new ConfigException("parameter max_top_values: expected a number of at least 1, found " + top);
        }
    }

    @Override
    public void execute(ExecutionContext context) throws IOException {
        Parameters parameters = context.parameters();
        long span = Splits.span(context.inputs("statistics"));
        boolean dates = parameters.bool("span_dates", false);
        HtmlReport.Builder builder = HtmlReport.builder()
                .title(parameters
                        .string("title")
                        .orElse(context.pipelineName() + (span < 0 ? "" : " · span " + SpanPattern.label(span, dates))))
                .maxTopValues(parameters
                        .integer("max_top_values")
                        .orElse((long) HtmlReport.DEFAULT_MAX_TOP_VALUES)
                        .intValue());
        List<Artifact> previous = context.inputs("previous");
        if (!previous.isEmpty()) {
            Artifact before = previous.get(previous.size() - 1);
            for (String split : Splits.of(before)) {
                statistics(before, split)
                        .ifPresent(s -> builder.statistics(
                                "previous span " + SpanPattern.label(Splits.span(List.of(before)), dates) + " " + split,
                                s));
            }
        }
        List<String> shown = new ArrayList<>();
        for (Artifact statistics : context.inputs("statistics")) {
            for (String split : Splits.of(statistics)) {
                Optional<DatasetFeatureStatisticsList> read = statistics(statistics, split);
                if (read.isPresent() && !shown.contains(split)) {
                    builder.statistics(split, read.get());
                    shown.add(split);
                }
            }
        }
        if (shown.isEmpty()) {
            throw new ConfigException(
                    "node " + context.nodeId() + ": expected statistics of at least one split, " + "found none");
        }
        List<Artifact> schemas = context.inputs("schema");
        if (!schemas.isEmpty()) {
            builder.schema(SchemaFiles.read(
                    Path.of(schemas.get(schemas.size() - 1).uri()).resolve("schema.pbtxt")));
        }
        List<Anomalies> found = new ArrayList<>();
        found.addAll(anomalies(context.inputs("anomalies"), shown));
        found.addAll(anomalies(context.inputs("drift"), shown));
        if (!found.isEmpty()) {
            builder.anomalies(merge(found));
        }
        List<Artifact> drifts = new ArrayList<>(context.inputs("drift_history"));
        drifts.addAll(context.inputs("drift"));
        List<MetricHistory> history =
                DriftHistory.of(drifts, shown, context.parameters().bool("span_dates", false));
        if (!history.isEmpty()) {
            builder.history(history);
        }
        for (Artifact performance : context.inputs("performance")) {
            builder.quality(PerformanceFile.read(Path.of(performance.uri()).resolve(ModelMonitor.PERFORMANCE_FILE)));
        }
        Path directory = context.outputDirectory("report");
        builder.build().write(directory.resolve(PAGE));
        context.setOutputProperty("report", "span", Value.of(span));
        context.setOutputProperty(
                "report",
                "summary.report",
                Value.of(context.publishedDirectory("report").resolve(PAGE).toString()));
    }

    private static Optional<DatasetFeatureStatisticsList> statistics(Artifact artifact, String split)
            throws IOException {
        Path file = Splits.directory(Path.of(artifact.uri()), split).resolve("FeatureStats.pb");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        DatasetFeatureStatisticsList read = StatisticsFiles.read(file);
        return read.getDatasetsCount() == 0 ? Optional.empty() : Optional.of(read);
    }

    /** {@return the anomalies of the shown splits in the artifacts, in split order} */
    private static List<Anomalies> anomalies(List<Artifact> artifacts, List<String> splits) throws IOException {
        List<Anomalies> found = new ArrayList<>();
        for (Artifact artifact : artifacts) {
            for (String split : splits) {
                Path file = Splits.directory(Path.of(artifact.uri()), split).resolve(ExampleValidator.ANOMALIES_FILE);
                if (Files.exists(file)) {
                    found.add(AnomaliesFiles.read(file));
                }
            }
        }
        return found;
    }

    /** {@return one anomalies message: per feature the reasons of all, the highest severity; drift measurements} */
    static Anomalies merge(List<Anomalies> all) {
        Anomalies.Builder merged = all.get(0).toBuilder();
        for (Anomalies next : all.subList(1, all.size())) {
            for (var entry : next.getAnomalyInfoMap().entrySet()) {
                AnomalyInfo had = merged.getAnomalyInfoMap().get(entry.getKey());
                merged.putAnomalyInfo(entry.getKey(), had == null ? entry.getValue() : combine(had, entry.getValue()));
            }
            if (!merged.hasDatasetAnomalyInfo() && next.hasDatasetAnomalyInfo()) {
                merged.setDatasetAnomalyInfo(next.getDatasetAnomalyInfo());
            }
            merged.setDataMissing(merged.getDataMissing() || next.getDataMissing());
            merged.addAllDriftSkewInfo(next.getDriftSkewInfoList());
        }
        return merged.build();
    }

    private static AnomalyInfo combine(AnomalyInfo first, AnomalyInfo second) {
        AnomalyInfo.Builder combined = first.toBuilder();
        for (AnomalyInfo.Reason reason : second.getReasonList()) {
            if (!combined.getReasonList().contains(reason)) {
                combined.addReason(reason);
            }
        }
        if (second.getSeverity().getNumber() > first.getSeverity().getNumber()) {
            combined.setSeverity(second.getSeverity());
        }
        if (combined.getReasonCount() > first.getReasonCount()) {
            combined.setShortDescription("Multiple errors");
            combined.setDescription(first.getDescription() + " " + second.getDescription());
        }
        return combined.build();
    }
}
