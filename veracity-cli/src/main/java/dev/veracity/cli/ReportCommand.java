package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.AnomaliesFiles;
import dev.veracity.io.OutputPaths;
import dev.veracity.io.SchemaFiles;
import dev.veracity.io.StatisticsFiles;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.report.HtmlReport;
import dev.veracity.report.ReportModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity report train.pb eval.pb serving.pb --names train,eval,serving -o report.html",
            "  veracity report train.pb eval.pb --schema schema.pbtxt --anomalies anomalies.pbtxt -o report.html"
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
        OutputPaths.refuseOverwrite(Inputs.of(statistics, schema, anomalies), List.of(output));
        HtmlReport.Builder builder = HtmlReport.builder().title(title).maxTopValues(maxTopValues);
        for (int i = 0; i < statistics.size(); i++) {
            DatasetFeatureStatisticsList read = StatisticsFiles.read(statistics.get(i));
            if (read.getDatasetsCount() == 0) {
                throw new InputException(
                        ErrorCode.STATISTICS_NOT_USABLE,
                        statistics.get(i) + ": expected "
                                + "statistics of at least one dataset, found "
                                + (Files.size(statistics.get(i)) == 0 ? "an empty file" : "none"));
            }
            builder.statistics(names != null ? names.get(i) : baseName(statistics.get(i)), read);
        }
        if (schema != null) {
            builder.schema(SchemaFiles.read(schema));
        }
        if (anomalies != null) {
            builder.anomalies(AnomaliesFiles.read(anomalies));
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

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
