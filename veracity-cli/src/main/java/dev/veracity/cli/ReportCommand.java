package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.AnomaliesFiles;
import dev.veracity.io.OutputPaths;
import dev.veracity.io.SchemaFiles;
import dev.veracity.metadata.MetadataConfig;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.MetricPoint;
import dev.veracity.metadata.MetricSeries;
import dev.veracity.pipeline.yaml.PipelineFile;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.report.HtmlReport;
import dev.veracity.report.MetricHistory;
import dev.veracity.report.PerformanceFile;
import dev.veracity.report.ReportModel;
import dev.veracity.validate.history.OnlineNormal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity report}: one self-contained HTML page of statistics, schema and anomalies. */
@Command(
        name = "report",
        header = "Writes an offline HTML report of statistics, with schema and anomalies.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Writes one self-contained HTML file (script, style and data inlined; no network when",
            "viewed) showing the datasets side by side, each in its colour: numeric and categorical",
            "tables with histograms and top values, sortable by name, missing %%, non-uniformity,",
            "distance from the first dataset (L-infinity, Jensen-Shannon, as the validator computes",
            "them) and anomalies. Statistics with several datasets (slices) get a slice picker.",
            "--history adds each recorded metric's series per feature (validate --history),",
            "with the spans the online normal strategy (mean +- 3 sd, as 'history check')",
            "flags marked; --performance adds the model's quality over spans (perf.json from",
            "'veracity performance'): intervals, baseline, alarms and detection points.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity report train.pb eval.pb serving.pb --names train,eval,serving -o report.html",
            "  veracity report train.pb eval.pb --schema schema.pbtxt --anomalies anomalies.pbtxt -o report.html",
            "  veracity report day-07.pb --history history.sqlite --performance perf.json -o report.html"
        })
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "STATS",
            description = "Statistics files (.pb, .pbtxt or .json); the first is the baseline of distances.")
    List<Path> statistics;

    @Option(
            names = "--names",
            split = ",",
            paramLabel = "NAME",
            description = "Names of the statistics files, in order (default: their file names without extension).")
    List<String> names;

    @Option(names = "--schema", paramLabel = "FILE", description = "A TFDV schema to show with each feature.")
    Path schema;

    @Option(
            names = "--anomalies",
            paramLabel = "FILE",
            description = "TFDV anomalies (e.g. from validate -o) to show with their features.")
    Path anomalies;

    @Option(
            names = "--history",
            paramLabel = "FILE|JDBC-URL",
            description = "Show the metric history of this metadata store (a SQLite file or jdbc:postgresql://...; "
                    + "credentials from VERACITY_METADATA_USER and VERACITY_METADATA_PASSWORD).")
    String history;

    @Option(
            names = "--pipeline",
            paramLabel = "FILE",
            description = "Show the metric history of the metadata store this pipeline file names (instead of "
                    + "--history).")
    Path pipeline;

    @Option(
            names = "--performance",
            paramLabel = "FILE",
            description = "Show the model's quality over spans from this perf.json (veracity performance -o).")
    Path performance;

    @Option(
            names = "--title",
            paramLabel = "TEXT",
            defaultValue = "Veracity report",
            description = "The page's title (default: ${DEFAULT-VALUE}).")
    String title;

    @Option(
            names = "--max-top-values",
            paramLabel = "N",
            defaultValue = "50",
            description = "Most values kept per categorical feature and dataset (default: ${DEFAULT-VALUE}).")
    int maxTopValues;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "FILE",
            description = "The HTML file to write.")
    Path output;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        if (names != null && names.size() != statistics.size()) {
            throw new ConfigException("--names: expected " + statistics.size() + " names (one per statistics "
                    + "file), found " + names.size() + ": " + String.join(",", names));
        }
        if (maxTopValues < 1) {
            throw new ConfigException("--max-top-values: expected a number of at least 1, found " + maxTopValues);
        }
        if (history != null && pipeline != null) {
            throw new ParameterException(
                    spec.commandLine(), "expected --history DB or --pipeline FILE for the metric history, found both");
        }
        List<Path> inputs = new ArrayList<>(Inputs.of(statistics, schema, anomalies, performance, pipeline));
        if (history != null && !history.startsWith("jdbc:")) {
            inputs.add(Path.of(history));
            // Opening a missing or empty file would create an empty store in it: the report only reads its inputs.
            if (!Files.isRegularFile(Path.of(history))) {
                throw new InputException(
                        ErrorCode.FILE_NOT_FOUND,
                        "--history: expected a metric history (a SQLite file written by validate --history), found no "
                                + "file " + history);
            }
            if (Files.size(Path.of(history)) == 0) {
                throw new InputException(
                        ErrorCode.UNSUPPORTED_FILE_FORMAT,
                        history + ": expected a metric history (a SQLite file written by validate --history), found an "
                                + "empty file");
            }
        }
        OutputPaths.refuseOverwrite(inputs, List.of(output));
        HtmlReport.Builder builder = HtmlReport.builder().title(title).maxTopValues(maxTopValues);
        for (int i = 0; i < statistics.size(); i++) {
            DatasetFeatureStatisticsList read = StatisticsInputs.read(statistics.get(i));
            builder.statistics(names != null ? names.get(i) : baseName(statistics.get(i)), read);
        }
        if (schema != null) {
            builder.schema(SchemaFiles.read(schema));
        }
        if (anomalies != null) {
            builder.anomalies(AnomaliesFiles.read(anomalies));
        }
        if (history != null || pipeline != null) {
            builder.history(history());
        }
        if (performance != null) {
            builder.quality(PerformanceFile.read(performance));
        }
        HtmlReport report = builder.build();
        report.write(output);
        ReportModel model = report.model();
        PrintWriter err = spec.commandLine().getErr();
        err.println("veracity: report of " + model.features().size() + " features in "
                + model.datasets().size()
                + (model.datasets().size() == 1 ? " dataset" : " datasets") + ", " + model.anomalyCount()
                + (model.anomalyCount() == 1 ? " anomaly" : " anomalies") + " -> " + output + " ("
                + Files.size(output) / 1024 + " KiB)");
        err.flush();
        return ExitCodes.OK;
    }

    /** {@return every series of the metric history, the online normal strategy's anomalies marked} */
    private List<MetricHistory> history() throws IOException {
        MetadataConfig config = history != null
                ? MetadataConfig.parse(history)
                : PipelineFile.read(pipeline).metadata();
        String user = System.getenv().getOrDefault("VERACITY_METADATA_USER", "");
        String password = System.getenv().getOrDefault("VERACITY_METADATA_PASSWORD", "");
        List<MetricHistory> series = new ArrayList<>();
        OnlineNormal strategy = new OnlineNormal(3, 3);
        try (MetadataStore store =
                MetadataStore.open(user.isEmpty() ? config : config.withCredentials(user, password))) {
            for (MetricSeries name : store.metricSeriesNames()) {
                List<MetricPoint> points = store.metricSeries(name.feature(), name.metric());
                series.add(MetricHistory.of(
                        name.feature(),
                        name.metric(),
                        points.stream().map(MetricPoint::span).toList(),
                        points.stream().mapToDouble(MetricPoint::value).toArray(),
                        strategy));
            }
        }
        return series;
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
