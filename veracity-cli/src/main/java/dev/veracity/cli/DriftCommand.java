package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.drift.Baseline;
import dev.veracity.drift.DriftConfig;
import dev.veracity.drift.DriftReport;
import dev.veracity.drift.DriftSeries;
import dev.veracity.drift.DriftTest;
import dev.veracity.io.DriftJson;
import dev.veracity.io.OutputPaths;
import dev.veracity.io.SchemaFiles;
import dev.veracity.io.StatisticsFiles;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity drift}: per-feature drift tests over a series of statistics files (spans). */
@Command(
        name = "drift",
        header = "Tests every feature for drift between spans.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Tests every feature for drift between consecutive spans and against a baseline,",
            "from statistics alone, per dataset (slice). Tests (as Evidently names them): ks,",
            "wasserstein, psi, jensenshannon, chisquare, z. Default by feature type and the",
            "baseline's examples, as Evidently: up to 1000, ks (numeric), chisquare or z",
            "(categorical, > 2 or <= 2 values); above, wasserstein (normalized), jensenshannon.",
            "Numeric tests read QUANTILES histograms (approximate). Schema annotation tags",
            "veracity:drift_test=NAME and veracity:drift_threshold=X choose per feature; the",
            "options override them. Infinite values are left out of numeric tests and counted.",
            "Exit 1 when a metric crosses its threshold; 2 when a span has no feature to compare.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity drift day1.pb day2.pb day3.pb",
            "  veracity drift stats/ --baseline train.pb -o drift.json",
            "  veracity drift day1.pb day2.pb --json | jq '.alarms'",
            "  veracity drift a.pb b.pb --baseline previous --test fare=psi --threshold fare=0.2"
        })
final class DriftCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "STATS",
            description = "Statistics files in span order, or directories of them (read in name order).")
    List<Path> inputs;

    @Option(
            names = "--baseline",
            paramLabel = "first|previous|FILE",
            defaultValue = "first",
            description = "What each span is also compared with (default: ${DEFAULT-VALUE}).")
    String baseline;

    @Option(
            names = "--schema",
            paramLabel = "SCHEMA",
            description = "A schema whose veracity:drift_* annotation tags choose tests and thresholds.")
    Path schema;

    @Option(names = "--test", paramLabel = "FEATURE=TEST", description = "The test of a feature (repeatable).")
    Map<String, String> tests = new LinkedHashMap<>();

    @Option(names = "--threshold", paramLabel = "FEATURE=X", description = "The threshold of a feature (repeatable).")
    Map<String, String> thresholds = new LinkedHashMap<>();

    @Mixin
    JsonReportOptions output;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        OutputPaths.refuseOverwrite(Inputs.of(inputs, schema), output.outputs());
        List<Path> files = spanFiles();
        Baseline chosen = baseline();
        if (files.size() < 2 && !(chosen instanceof Baseline.Fixed)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "expected at least 2 statistics files (or --baseline FILE), found " + files.size());
        }
        List<DatasetFeatureStatisticsList> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path file : files) {
            spans.add(StatisticsFiles.read(file));
            names.add(file.toString());
        }
        DriftConfig config = schema == null ? DriftConfig.defaults() : DriftConfig.fromSchema(SchemaFiles.read(schema));
        DriftConfig options = commandLineConfig();
        DriftReport report = DriftSeries.of(spans)
                .names(names)
                .baseline(chosen)
                .config(config.overriddenBy(options))
                .run();
        checkFeaturesExist(options, report);
        output.print(
                spec.commandLine().getOut(),
                stream -> {
                    Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                    DriftJson.write(report, writer);
                    writer.flush();
                },
                () -> DriftTable.render(report));
        return report.hasAlarms() ? ExitCodes.ANOMALIES : ExitCodes.OK;
    }

    private List<Path> spanFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                int before = files.size();
                try (Stream<Path> listed = Files.list(input)) {
                    listed.filter(Files::isRegularFile)
                            .filter(file -> !file.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(files::add);
                }
                if (files.size() == before) {
                    throw new ParameterException(
                            spec.commandLine(), input + ": expected a directory of statistics files, found none in it");
                }
            } else {
                if (output.json && !Files.exists(input) && input.toString().endsWith(".json")) {
                    // the old form --json FILE, now a flag and a span: say how to write a file instead
                    throw new ParameterException(
                            spec.commandLine(),
                            input + ": expected a statistics file, found "
                                    + "none; to write the report as JSON to a file use -o " + input
                                    + " (--json prints it)");
                }
                files.add(input);
            }
        }
        return files;
    }

    private Baseline baseline() throws IOException {
        return switch (baseline.strip().toLowerCase(Locale.ROOT)) {
            case "first" -> Baseline.first();
            case "previous" -> Baseline.previous();
            default -> Baseline.of(StatisticsFiles.read(Path.of(baseline)), baseline);
        };
    }

    private DriftConfig commandLineConfig() {
        DriftConfig config = DriftConfig.defaults();
        for (Map.Entry<String, String> test : tests.entrySet()) {
            DriftTest parsed = DriftTest.parse(test.getValue())
                    .orElseThrow(() -> new ParameterException(
                            spec.commandLine(),
                            "--test " + test.getKey() + "=" + test.getValue() + ": expected one of " + DriftTest.names()
                                    + ", found \"" + test.getValue() + "\""));
            config = config.withTest(test.getKey(), parsed);
        }
        for (Map.Entry<String, String> threshold : thresholds.entrySet()) {
            config = config.withThreshold(
                    threshold.getKey(),
                    DriftConfig.parseThreshold(
                            threshold.getValue(), "--threshold " + threshold.getKey() + "=" + threshold.getValue()));
        }
        return config;
    }

    /** A misspelt feature in an option would silently test nothing: name it instead. */
    private static void checkFeaturesExist(DriftConfig options, DriftReport report) {
        Set<String> features = new HashSet<>();
        report.slices().forEach(slice -> slice.features().forEach(feature -> features.add(feature.feature())));
        Set<String> named = new HashSet<>(options.tests().keySet());
        named.addAll(options.thresholds().keySet());
        for (String feature : named) {
            if (!features.contains(feature)) {
                throw new ConfigException(
                        "--test/--threshold: expected a feature of the statistics, found \"" + feature + "\"");
            }
        }
    }
}
