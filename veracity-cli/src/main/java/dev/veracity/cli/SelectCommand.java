package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.io.OutputPaths;
import dev.veracity.io.SchemaFiles;
import dev.veracity.io.StatisticsFiles;
import dev.veracity.io.Veracity;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Feature;
import dev.veracity.proto.Schema;
import dev.veracity.schema.SchemaCanonicalizer;
import dev.veracity.schema.SchemaEditor;
import dev.veracity.selection.FeatureSelector;
import dev.veracity.selection.FeatureWarning;
import dev.veracity.selection.KsgAccumulator;
import dev.veracity.selection.LiftAccumulator;
import dev.veracity.selection.Method;
import dev.veracity.selection.RankCorrelationAccumulator;
import dev.veracity.selection.Ranking;
import dev.veracity.selection.SelectionJson;
import dev.veracity.selection.SelectionOptions;
import dev.veracity.selection.SelectionReport;
import dev.veracity.selection.ServingCheck;
import dev.veracity.selection.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity select}: ranks features by their association with a label and selects the strongest. */
@Command(
        name = "select",
        header = "Ranks features by how much they say about a label, and selects the strongest.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Scores every feature against --label on the rows where both are present, as",
            "scipy and scikit-learn define the scores. A categorical label (classification):",
            "anova_f (f_classif) and mutual_information (KSG, k = 3, mutual_info_classif)",
            "for numeric features; chi2 (no continuity correction), mutual_information",
            "(nats) and cramers_v for categorical ones. A numeric label (regression):",
            "f_regression, pearson, spearman and mutual_information (KSG, k = 3,",
            "mutual_info_regression) for numeric features; anova_f with eta squared for",
            "categorical ones. INT and FLOAT features are numeric, STRING",
            "features categorical, and so are INT features the --schema marks",
            "int_domain { is_categorical: true }.",
            "Features are ranked by strength, an effect size in [0, 1] (eta^2, r^2, V^2,",
            "1 - exp(-2 MI)) averaged over the methods. Constant, near-constant and ID-like",
            "features, and features that predict the label almost perfectly (leakage), are",
            "warned about, ranked after the others and not selected; so are features absent",
            "when serving (--schema environments, --serving-stats). Exit code 1 when a",
            "feature is flagged as leakage or absent_in_serving.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity select examples/runs/train.csv --label completed -k 5 -o ranking.json",
            "  veracity select train.csv --label completed --serving-stats serving.pb",
            "  veracity select train.csv --label completed --lift --stats-out lift.pb && veracity show lift.pb",
            "  veracity select train.parquet --label fare --methods pearson,spearman \\",
            "      --schema schema.pbtxt --schema-out selected.pbtxt"
        })
final class SelectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "DATA",
            description = "Data files: CSV (header row), JSON Lines, Parquet, Avro or TFRecord.")
    List<Path> data;

    @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "The label column.")
    String label;

    @Option(
            names = "--task",
            paramLabel = "TASK",
            defaultValue = "auto",
            description = "auto, classification or regression (default: ${DEFAULT-VALUE}: a STRING label, or an "
                    + "INT label with at most 20 values, is classification; otherwise regression).")
    String task;

    @Option(
            names = "-k",
            paramLabel = "N",
            defaultValue = "0",
            description = "Select at most N features (default: no limit).")
    int k;

    @Option(
            names = "--min-score",
            paramLabel = "X",
            defaultValue = "0",
            description = "Select only features of strength >= X, in [0, 1] (default: ${DEFAULT-VALUE}).")
    double minScore;

    @Option(
            names = "--order",
            paramLabel = "ORDER",
            defaultValue = "relevance",
            description = "relevance (by strength) or mrmr (greedy: strength minus mean r², V² or eta² to the "
                    + "features already ranked) (default: ${DEFAULT-VALUE}).")
    String order;

    @Option(
            names = "--max-redundancy",
            paramLabel = "X",
            defaultValue = "" + Ranking.DEFAULT_MAX_REDUNDANCY,
            description = "A feature with |r| (numeric pair), Cramér's V (categorical pair) or eta (numeric and "
                    + "categorical) >= X, in (0, 1], to one ranked before it is redundant and not selected (default: "
                    + "${DEFAULT-VALUE}).")
    double maxRedundancy;

    @Option(
            names = "--methods",
            split = ",",
            paramLabel = "M[,M...]",
            description = "Scores to compute: anova_f, chi2, mutual_information, cramers_v, f_regression, "
                    + "pearson, spearman (default: all that apply).")
    List<String> methods = List.of();

    @Option(
            names = "--schema",
            paramLabel = "FILE",
            description = "A schema: its categorical INT features are scored as categorical.")
    Path schema;

    @Option(
            names = "--schema-out",
            paramLabel = "FILE",
            description = "Write --schema with every unselected feature given lifecycle_stage: DEPRECATED.")
    Path schemaOut;

    @Option(
            names = "--serving-environment",
            paramLabel = "NAME",
            description = "The schema's serving environment: features out of it (not_in_environment, or an "
                    + "in_environment without it) are flagged absent_in_serving and not selected (default: SERVING "
                    + "when the schema's default_environment lists it).")
    String servingEnvironment;

    @Option(
            names = "--serving-stats",
            paramLabel = "FILE",
            description = "Statistics of serving data (veracity stats or TFDV): features missing there, or present "
                    + "there on less than half their training presence, are flagged absent_in_serving and not "
                    + "selected.")
    Path servingStats;

    @Option(
            names = "--lift",
            description = "Compute TFDV's lift of every categorical feature value against each label value, "
                    + "P(label | value) / P(label), into the --stats-out statistics (classification only).")
    boolean lift;

    @Option(
            names = "--lift-top-k",
            paramLabel = "N",
            defaultValue = "0",
            description = "Keep the N feature values of highest lift per label value (default: ${DEFAULT-VALUE}: "
                    + "all, as TFDV).")
    int liftTopK;

    @Option(
            names = "--stats-out",
            paramLabel = "FILE",
            description = "Write statistics of the data (as veracity stats computes them, .pb, .pbtxt or .json), "
                    + "with --lift's lift as TFDV stores it: cross_features and \"Lift (Y=...)\" custom stats; "
                    + "veracity show displays it.")
    Path statsOut;

    @Option(
            names = "--spearman-rows",
            paramLabel = "N",
            defaultValue = "" + RankCorrelationAccumulator.DEFAULT_CAPACITY,
            description = "Spearman's rho is exact up to N complete rows, then computed on a seeded uniform "
                    + "sample of N (default: ${DEFAULT-VALUE}; 24 bytes a row per numeric feature).")
    int spearmanRows;

    @Option(
            names = "--mi-sample",
            paramLabel = "N",
            defaultValue = "" + KsgAccumulator.DEFAULT_CAPACITY,
            description = "KSG mutual information of numeric features (k = 3) uses a seeded uniform sample of at "
                    + "most N complete rows (default: ${DEFAULT-VALUE}).")
    int miSample;

    @Option(
            names = "--bootstrap",
            paramLabel = "N",
            defaultValue = "0",
            description = "Repeat the selection on N seeded Poisson(1) row resamples and report each feature's "
                    + "stability, the fraction that selected it (default: ${DEFAULT-VALUE}: none).")
    int bootstrap;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "42",
            description = "Seed of the resamples and of the score samples (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    JsonReportOptions output;

    @Mixin
    TableInputOptions input;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        OutputPaths.refuseOverwrite(
                Inputs.of(data, schema, servingStats), Arrays.asList(output.file, schemaOut, statsOut));
        if (lift && statsOut == null) {
            throw new ConfigException(ErrorCode.INVALID_OPTION, "--lift: expected --stats-out FILE too, found none");
        }
        if (liftTopK < 0) {
            throw new ConfigException(
                    ErrorCode.INVALID_OPTION, "--lift-top-k: expected a count >= 0, found " + liftTopK);
        }
        Optional<Schema> before = schema == null ? Optional.empty() : Optional.of(SchemaFiles.read(schema));
        if (schemaOut != null && before.isEmpty()) {
            throw new ConfigException(ErrorCode.INVALID_OPTION, "--schema-out: expected --schema too, found none");
        }
        SelectionOptions options = new SelectionOptions(
                label,
                task(),
                methods(),
                before.map(SelectCommand::categoricalInts).orElse(Set.of()),
                ranking(),
                spearmanRows(),
                miSample(),
                seed,
                bootstrap(),
                serving(before));
        FeatureSelector selector = new FeatureSelector(options, input.tableOptions());
        LiftAccumulator lifts = new LiftAccumulator(liftTopK);
        SelectionReport report = lift ? selector.select(data, lifts) : selector.select(data);
        output.print(
                spec.commandLine().getOut(),
                stream -> SelectionJson.write(report, stream),
                () -> TerminalText.escapeKeepingLines(SelectCommandTable.render(report)));
        if (schemaOut != null) {
            SchemaFiles.write(deprecateUnselected(before.get(), report), schemaOut);
        }
        if (statsOut != null) {
            DatasetFeatureStatisticsList statistics = Veracity.statistics(data)
                    .withReadOptions(input.tableOptions().read())
                    .compute()
                    .statistics();
            if (lift && statistics.getDatasetsCount() > 0) {
                statistics = statistics.toBuilder()
                        .setDatasets(0, lifts.addTo(statistics.getDatasets(0)))
                        .build();
            }
            StatisticsFiles.write(statistics, statsOut);
            for (String name : lifts.abandoned()) {
                spec.commandLine()
                        .getErr()
                        .println("veracity: warning: --lift: " + TerminalText.escape(name) + " has more than "
                                + LiftAccumulator.MAX_VALUES + " values; no lift");
            }
        }
        return report.hasLeakage() || report.hasWarning(FeatureWarning.Kind.ABSENT_IN_SERVING)
                ? ExitCodes.ANOMALIES
                : ExitCodes.OK;
    }

    private ServingCheck serving(Optional<Schema> before) throws IOException {
        ServingCheck check = ServingCheck.none();
        if (servingEnvironment != null && before.isEmpty()) {
            throw new ConfigException(
                    ErrorCode.INVALID_OPTION, "--serving-environment: expected --schema too, found none");
        }
        if (before.isPresent()) {
            check = check.withSchema(
                    before.get(),
                    servingEnvironment == null ? ServingCheck.SERVING : servingEnvironment,
                    servingEnvironment != null);
        }
        if (servingStats != null) {
            check = check.withStatistics(StatisticsFiles.read(servingStats), servingStats.toString());
        }
        return check;
    }

    private Task task() {
        return switch (task.toLowerCase(Locale.ROOT)) {
            case "auto" -> Task.AUTO;
            case "classification" -> Task.CLASSIFICATION;
            case "regression" -> Task.REGRESSION;
            default ->
                throw new ConfigException(
                        ErrorCode.INVALID_OPTION,
                        "--task: expected auto, classification " + "or regression, found " + task);
        };
    }

    private Set<Method> methods() {
        Set<Method> chosen = EnumSet.noneOf(Method.class);
        for (String name : methods) {
            try {
                chosen.add(Method.named(name.strip().toLowerCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(
                        ErrorCode.INVALID_OPTION,
                        "--methods: expected anova_f, chi2, "
                                + "mutual_information, cramers_v, f_regression, pearson or spearman, found " + name);
            }
        }
        return chosen;
    }

    private Ranking ranking() {
        if (k < 0) {
            throw new ConfigException(ErrorCode.INVALID_OPTION, "-k: expected a count >= 0, found " + k);
        }
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new ConfigException(
                    ErrorCode.INVALID_OPTION, "--min-score: expected a strength in [0, 1], found " + minScore);
        }
        if (!(maxRedundancy > 0 && maxRedundancy <= 1)) {
            throw new ConfigException(
                    ErrorCode.INVALID_OPTION, "--max-redundancy: expected a value in (0, 1], found " + maxRedundancy);
        }
        Ranking.Order chosen = switch (order.toLowerCase(Locale.ROOT)) {
            case "relevance" -> Ranking.Order.RELEVANCE;
            case "mrmr" -> Ranking.Order.MRMR;
            default ->
                throw new ConfigException(
                        ErrorCode.INVALID_OPTION, "--order: expected relevance or mrmr, found " + order);
        };
        return new Ranking(k, minScore, chosen, maxRedundancy);
    }

    private int bootstrap() {
        if (bootstrap < 0 || bootstrap > 10_000) {
            throw new ConfigException(
                    ErrorCode.INVALID_OPTION, "--bootstrap: expected 0 to 10000 resamples, found " + bootstrap);
        }
        return bootstrap;
    }

    private int spearmanRows() {
        if (spearmanRows < 3) {
            throw new ConfigException(
                    ErrorCode.INVALID_OPTION, "--spearman-rows: expected at least 3, found " + spearmanRows);
        }
        return spearmanRows;
    }

    private int miSample() {
        if (miSample < 3) {
            throw new ConfigException(ErrorCode.INVALID_OPTION, "--mi-sample: expected at least 3, found " + miSample);
        }
        return miSample;
    }

    private static Set<String> categoricalInts(Schema schema) {
        Set<String> names = new HashSet<>();
        for (Feature feature : schema.getFeatureList()) {
            if (feature.hasIntDomain() && feature.getIntDomain().getIsCategorical()) {
                names.add(feature.getName());
            }
        }
        return names;
    }

    /** {@return the schema with the scored but unselected features deprecated; the label stays as it is} */
    static Schema deprecateUnselected(Schema schema, SelectionReport report) {
        Set<String> inSchema = new HashSet<>();
        for (Feature feature : schema.getFeatureList()) {
            inSchema.add(feature.getName());
        }
        SchemaEditor editor = SchemaEditor.of(schema);
        report.features().stream()
                .filter(f -> !f.selected() && inSchema.contains(f.name()))
                .forEach(f -> editor.feature(f.name()).deprecate());
        return SchemaCanonicalizer.canonicalize(editor.build());
    }
}
