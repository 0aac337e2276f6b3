package dev.veracity.cli;

import dev.veracity.format.MessageFormat;
import dev.veracity.io.AnomaliesFiles;
import dev.veracity.io.InputFiles;
import dev.veracity.io.OutputPaths;
import dev.veracity.io.SchemaFiles;
import dev.veracity.io.checks.ChecksFile;
import dev.veracity.metadata.MetadataConfig;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.RecordedMetric;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.ValidationConfig;
import dev.veracity.schema.DatasetView;
import dev.veracity.schema.ValidationReport;
import dev.veracity.schema.Validator;
import dev.veracity.validate.checks.CheckSet;
import dev.veracity.validate.checks.CustomChecks;
import dev.veracity.validate.checks.Metric;
import dev.veracity.validate.checks.StatisticsMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code veracity validate}: statistics checked against a schema, with TFDV's anomaly types. */
@Command(
        name = "validate",
        header = "Checks statistics against a schema: TFDV's anomalies.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Checks statistics against a schema, as TFDV's validate_statistics: missing and",
            "new columns, presence, value counts, types, string domains, ranges, bool and",
            "unique constraints, example counts. With --previous, --serving or",
            "--previous-version, also the schema's drift, skew and example-count comparators",
            "(set them with 'veracity schema set-comparator'); every measurement is listed.",
            "Prints a table; -o writes TFDV's Anomalies message (.pbtxt, .pb, or .json in",
            "protobuf's JSON mapping). Exit 1 when an anomaly has severity ERROR (all do",
            "unless --severity says otherwise). A comparator that cannot apply (L-infinity",
            "on a numeric feature) is a warning on stderr, not an anomaly. With --checks,",
            "also the custom checks of the file (with or without a schema); row-level rules",
            "in it are for validate-examples and are skipped here. With",
            "--corresponding-slices, every slice of sliced statistics (stats --slice-by) is",
            "checked, each against the same slice of --previous and --serving; anomalies are",
            "named slice(NAME)::feature, as TFDV's validate_corresponding_slices names them.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity validate --schema schema.pbtxt --stats eval.pb",
            "  veracity validate --schema schema.pbtxt --stats serving.pb --environment SERVING -o anomalies.json",
            "  veracity validate --schema s.pbtxt --stats eval.pb --severity SCHEMA_NEW_COLUMN=WARNING",
            "  veracity validate --schema schema.pbtxt --stats today.pb --previous yesterday.pb",
            "  veracity validate --schema schema.pbtxt --stats train.pb --serving serving.pb",
            "  veracity validate --schema schema.pbtxt --stats today.pb --previous yesterday.pb --corresponding-slices",
            "  veracity validate --stats eval.pb --checks checks.yaml --previous train.pb",
            "  veracity validate --stats day-07.pb --checks checks.yaml --history history.sqlite"
        })
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--schema",
            paramLabel = "SCHEMA",
            description = "The schema (schema.pbtxt). Required unless --checks is given.")
    Path schema;

    @Option(
            names = "--checks",
            paramLabel = "FILE",
            description = "Custom checks (checks.yaml): bounds on metrics of the statistics, and their change "
                    + "against --previous; a failed check is a CUSTOM_VALIDATION anomaly.")
    Path checks;

    @Option(names = "--stats", required = true, paramLabel = "STATS", description = "The statistics to check.")
    Path statistics;

    @Option(
            names = "--previous",
            paramLabel = "PREV_STATS",
            description = "Statistics of the previous span: drift comparators and num_examples_drift_comparator.")
    Path previous;

    @Option(
            names = "--serving",
            paramLabel = "SERVING_STATS",
            description = "Statistics of serving data: skew comparators (--stats is then the training data).")
    Path serving;

    @Option(
            names = "--previous-version",
            paramLabel = "V_STATS",
            description = "Statistics of the previous version of this dataset: num_examples_version_comparator.")
    Path previousVersion;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Also write the anomalies: .pbtxt (text), .pb (binary) or .json.")
    Path output;

    @Option(
            names = "--environment",
            paramLabel = "ENV",
            description = "The environment of the data (one of the schema's default_environment), e.g. SERVING.")
    String environment;

    @Option(
            names = "--dataset",
            paramLabel = "NAME",
            description = "Check the dataset (slice) of this name instead of the only or \"All Examples\" one.")
    String dataset;

    @Option(
            names = "--corresponding-slices",
            description = "Check every slice of the statistics (from stats --slice-by), each against the same slice "
                    + "of --previous and --serving; dataset constraints apply to the overall dataset. Not with "
                    + "--dataset.")
    boolean correspondingSlices;

    @Option(
            names = "--severity",
            paramLabel = "TYPE=LEVEL",
            description = "Report anomalies of TYPE (e.g. SCHEMA_NEW_COLUMN) as WARNING or ERROR; repeatable.")
    Map<String, String> severities = new LinkedHashMap<>();

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "TFDV ValidationConfig (text or binary) with severity_overrides.")
    Path config;

    @Option(
            names = "--history",
            paramLabel = "FILE|JDBC-URL",
            description = "Record every metric of every feature of the statistics in this metadata store's metric "
                    + "history (a SQLite file or jdbc:postgresql://...; credentials from VERACITY_METADATA_USER and "
                    + "VERACITY_METADATA_PASSWORD), under --span.")
    String history;

    @Option(
            names = "--now",
            paramLabel = "TIME",
            description = "The run's time for freshness checks: ISO-8601 (2024-05-08T06:00:00Z; without an offset, "
                    + "UTC) or epoch seconds (default: the clock).")
    String now;

    @Option(
            names = "--span",
            paramLabel = "NAME",
            description = "The span's name in the metric history (default: the statistics file's name without its "
                    + "last extension, eval.pb -> eval). Recording a span again replaces its values.")
    String span;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        OutputPaths.refuseOverwrite(
                Inputs.of(List.of(statistics), schema, config, previous, serving, previousVersion, checks),
                Collections.singletonList(output));
        if (schema == null && checks == null && history == null) {
            throw new ParameterException(
                    spec.commandLine(), "expected --schema SCHEMA, --checks FILE or --history DB, found none");
        }
        if (correspondingSlices && (dataset != null || schema == null)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "expected --corresponding-slices with --schema and without --dataset, found "
                            + (dataset != null ? "--dataset" : "no --schema"));
        }
        CheckSet checkSet = checks == null ? null : ChecksFile.read(checks);
        DatasetFeatureStatisticsList current = StatisticsInputs.read(statistics);
        DatasetFeatureStatisticsList before = previous == null ? null : StatisticsInputs.read(previous);
        DatasetFeatureStatisticsList servingStatistics = serving == null ? null : StatisticsInputs.read(serving);
        DatasetFeatureStatisticsList versionStatistics =
                previousVersion == null ? null : StatisticsInputs.read(previousVersion);
        if (!correspondingSlices) {
            // the dataset each file lends the validation, refused here so that the message names the file
            String name = StatisticsInputs.datasetName(statistics, current, dataset);
            if (before != null) {
                StatisticsInputs.requireCounterpart(previous, before, name);
            }
            if (servingStatistics != null) {
                StatisticsInputs.requireCounterpart(serving, servingStatistics, name);
            }
            if (versionStatistics != null) {
                StatisticsInputs.requireCounterpart(previousVersion, versionStatistics, name);
            }
        }
        ValidationReport report =
                schema == null ? checksOnly() : schemaReport(current, before, servingStatistics, versionStatistics);
        Anomalies anomalies = report.anomalies();
        StringBuilder source = new StringBuilder().append(statistics);
        if (correspondingSlices) {
            source.append(" (every slice)");
        }
        if (schema != null) {
            source.append(", checked against ").append(schema);
        }
        if (checkSet != null) {
            CustomChecks run = CustomChecks.of(checkSet.checks()).now(runTime());
            if (before != null) {
                run.previous(DatasetView.of(before, StatisticsInputs.datasetName(previous, before, dataset))
                        .dataset());
            }
            anomalies = CustomChecks.addTo(
                    anomalies, run.evaluate(DatasetView.of(current, dataset).dataset()));
            source.append(schema == null ? ", checked against " : " and ").append(checks);
        }
        if (previous != null) {
            source.append(", previous span ").append(previous);
        }
        if (serving != null) {
            source.append(", serving ").append(serving);
        }
        if (previousVersion != null) {
            source.append(", previous version ").append(previousVersion);
        }
        if (output != null) {
            AnomaliesFiles.write(anomalies, output);
        }
        PrintWriter err = spec.commandLine().getErr();
        if (history != null) {
            String spanName = span != null ? span : spanOf(statistics);
            int recorded = recordHistory(DatasetView.of(current, dataset).dataset(), spanName);
            err.println("recorded " + recorded + " metrics of span " + TerminalText.escape(spanName) + " in "
                    + TerminalText.escape(history));
        }
        report.warnings().forEach(warning -> err.println("warning: " + TerminalText.escape(warning)));
        if (checkSet != null && !checkSet.rowRules().isEmpty()) {
            err.println("note: " + checkSet.rowRules().size() + " row-level rule"
                    + (checkSet.rowRules().size() == 1 ? "" : "s") + " in " + TerminalText.escape(checks.toString())
                    + " skipped: validate reads statistics; validate-examples --checks checks rows");
        }
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.print(TerminalText.escapeKeepingLines(new AnomaliesTable().render(anomalies, source.toString())));
        out.flush();
        return hasErrors(anomalies) ? ExitCodes.ANOMALIES : ExitCodes.OK;
    }

    /** {@return --now, else the clock} */
    private java.time.Instant runTime() {
        if (now == null) {
            return java.time.Instant.now();
        }
        String text = now.strip();
        try {
            if (text.matches("-?[0-9]+(\\.[0-9]+)?")) {
                double seconds = Double.parseDouble(text);
                return java.time.Instant.ofEpochSecond((long) Math.floor(seconds), (long) ((seconds % 1) * 1e9));
            }
            char last = text.charAt(text.length() - 1);
            return last == 'Z' || last == 'z' || text.lastIndexOf('+') > 10 || text.lastIndexOf('-') > 10
                    ? java.time.OffsetDateTime.parse(text).toInstant()
                    : java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--now: expected an ISO-8601 time (2024-05-08T06:00:00Z) or epoch seconds, found \"" + now + "\"");
        }
    }

    /** {@return the span named by a statistics file: its name without the last extension} */
    static String spanOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private int recordHistory(DatasetFeatureStatistics data, String spanName) {
        if (span == null && statistics.getFileName() == null) {
            throw new ParameterException(spec.commandLine(), "expected --span NAME for the metric history, found none");
        }
        StatisticsMetrics metrics = StatisticsMetrics.of(data);
        List<RecordedMetric> values = new ArrayList<>();
        values.add(new RecordedMetric("", Metric.NUM_EXAMPLES.fileName(), data.getNumExamples()));
        for (String feature : metrics.featureNames()) {
            metrics.available(feature)
                    .forEach((metric, value) -> values.add(new RecordedMetric(feature, metric.fileName(), value)));
        }
        MetadataConfig config = MetadataConfig.parse(history);
        String user = System.getenv().getOrDefault("VERACITY_METADATA_USER", "");
        String password = System.getenv().getOrDefault("VERACITY_METADATA_PASSWORD", "");
        try (MetadataStore store =
                MetadataStore.open(user.isEmpty() ? config : config.withCredentials(user, password))) {
            store.recordMetrics(spanName, values);
        }
        return values.size();
    }

    private ValidationReport checksOnly() {
        if (serving != null
                || previousVersion != null
                || config != null
                || environment != null
                || !severities.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "expected --schema with --serving, --previous-version, --config, --environment or --severity, "
                            + "found none");
        }
        return new ValidationReport(
                Anomalies.newBuilder()
                        .setAnomalyNameFormat(Anomalies.AnomalyNameFormat.SERIALIZED_PATH)
                        .build(),
                List.of());
    }

    private ValidationReport schemaReport(
            DatasetFeatureStatisticsList current,
            DatasetFeatureStatisticsList before,
            DatasetFeatureStatisticsList servingStatistics,
            DatasetFeatureStatisticsList versionStatistics)
            throws IOException {
        Validator validator = Validator.validate(current, SchemaFiles.read(schema))
                .environment(environment)
                .dataset(dataset);
        if (correspondingSlices) {
            validator.correspondingSlices();
        }
        if (config != null) {
            validator.config(readConfig(config));
        }
        severities.forEach((type, level) -> validator.severity(anomalyType(type), severity(level)));
        if (before != null) {
            validator.previous(before);
        }
        if (servingStatistics != null) {
            validator.serving(servingStatistics);
        }
        if (versionStatistics != null) {
            validator.previousVersion(versionStatistics);
        }
        return validator.report();
    }

    private static boolean hasErrors(Anomalies anomalies) {
        return anomalies.getDataMissing()
                || anomalies.getAnomalyInfoMap().values().stream()
                        .anyMatch(info -> info.getSeverity() == AnomalyInfo.Severity.ERROR)
                || anomalies.getDatasetAnomalyInfo().getSeverity() == AnomalyInfo.Severity.ERROR;
    }

    private AnomalyInfo.Type anomalyType(String name) {
        try {
            return AnomalyInfo.Type.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--severity: expected a TFDV anomaly type such as "
                            + "SCHEMA_NEW_COLUMN or ENUM_TYPE_UNEXPECTED_STRING_VALUES, found \"" + name + "\"");
        }
    }

    private AnomalyInfo.Severity severity(String level) {
        return switch (level.trim().toUpperCase(Locale.ROOT)) {
            case "WARNING" -> AnomalyInfo.Severity.WARNING;
            case "ERROR" -> AnomalyInfo.Severity.ERROR;
            default ->
                throw new ParameterException(
                        spec.commandLine(), "--severity: expected WARNING or ERROR after '=', found \"" + level + "\"");
        };
    }

    private static ValidationConfig readConfig(Path file) throws IOException {
        MessageFormat format =
                MessageFormat.forFileName(file.getFileName().toString()).orElse(MessageFormat.TEXT);
        try (InputStream in = InputFiles.open(file)) {
            return format.read(in, ValidationConfig.newBuilder()).build();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new dev.veracity.InputException(
                    dev.veracity.ErrorCode.INVALID_OPTION,
                    file
                            + ": expected a TFDV ValidationConfig in "
                            + format.name().toLowerCase(Locale.ROOT)
                            + " protobuf format, found invalid content: " + e.getMessage(),
                    e);
        }
    }
}
