package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.io.OutputPaths;
import dev.veracity.monitoring.PerformanceEvaluator;
import dev.veracity.monitoring.PerformanceJson;
import dev.veracity.monitoring.PerformanceOptions;
import dev.veracity.monitoring.PerformanceReport;
import dev.veracity.monitoring.Span;
import dev.veracity.monitoring.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity performance}: model quality per span and slice, decay alarms and error-stream drift detectors. */
@Command(
        name = "performance",
        header = "Measures a model's quality per time span and slice on labeled predictions, and alarms on decay.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Reads labeled predictions (e.g. the output of 'label join'): --label and either",
            "--score (the probability of the positive class of a binary label) or",
            "--prediction (a class, or a number for regression). Per span of --time and per",
            "slice of --slice-by it computes scikit-learn's metrics: accuracy, precision,",
            "recall and F1 (per class and macro), ROC AUC, average precision, log loss, Brier",
            "score, expected calibration error (10 equal-width bins), confusion matrix,",
            "positive rate and label rate; or MAE, RMSE, MAPE, R squared and residual",
            "quantiles. A metric that is undefined (AUC of one class) is reported as not",
            "computable with the reason. --bootstrap N adds seeded 95%% intervals.",
            "Alarms: a metric worse than the baseline (--baseline FILE, or each slice's",
            "first span) by more than --max-drop (absolute for scores, relative for",
            "losses), or a span interval entirely worse than the baseline's; and drifts",
            "that ADWIN and Page-Hinkley find in the error stream (DDM and EDDM are",
            "reported too). Exit code 1 on an alarm; 2 for a score outside [0, 1] or an",
            "unparsable time, naming the row. With --prediction of a class and",
            "--probabilities (one column per class), also multi-class ROC AUC as",
            "roc_auc_score(multi_class='ovr') gives it: roc_auc_ovr (macro average),",
            "roc_auc_ovr_weighted (by class support) and roc_auc[CLASS].",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity performance examples/runs/predictions.csv --label completed \\",
            "      --score score --time started_at --span day -o perf.json",
            "  veracity performance labeled.csv --label fare --prediction predicted_fare --task regression \\",
            "      --slice-by city --baseline last_month.csv --bootstrap 200 -o perf.json",
            "  veracity performance examples/iris-predictions/predictions.csv --label species \\",
            "      --prediction predicted \\",
            "      --probabilities setosa=p_setosa,versicolor=p_versicolor,virginica=p_virginica"
        })
final class PerformanceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "DATA",
            description = "Labeled predictions: CSV (header row), JSON Lines, Parquet, Avro or TFRecord.")
    List<Path> data;

    @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "The label column.")
    String label;

    @Option(names = "--score", paramLabel = "COLUMN", description = "The positive-class probability, in [0, 1].")
    String score;

    @Option(names = "--prediction", paramLabel = "COLUMN", description = "The predicted class or value.")
    String prediction;

    @Option(
            names = "--probabilities",
            split = ",",
            paramLabel = "CLASS=COLUMN",
            description = "With --prediction: the column of the model's probability of each class (every class, "
                    + "summing to 1 per row), for the one-vs-rest ROC AUC; comma-separated or repeated.")
    Map<String, String> probabilities = new LinkedHashMap<>();

    @Option(
            names = "--task",
            paramLabel = "TASK",
            defaultValue = "auto",
            description = "With --prediction: auto, classification or regression (default: ${DEFAULT-VALUE}: "
                    + "regression when the label holds more than 20 distinct numbers).")
    String task;

    @Option(
            names = "--positive",
            paramLabel = "CLASS",
            description = "The positive class of a scored label (default: 1 or true, else the greater value).")
    String positive = "";

    @Option(
            names = "--threshold",
            paramLabel = "X",
            defaultValue = "0.5",
            description = "A score >= X predicts the positive class (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--time", paramLabel = "COLUMN", description = "The time column (ISO-8601 or epoch seconds).")
    String time = "";

    @Option(
            names = "--span",
            paramLabel = "SPAN",
            defaultValue = "day",
            description = "hour, day or week, in UTC (default: ${DEFAULT-VALUE}).")
    String span;

    @Option(names = "--slice-by", paramLabel = "COLUMN", description = "Also measure per value of this column.")
    String sliceBy = "";

    @Option(
            names = "--baseline",
            paramLabel = "FILE|first",
            defaultValue = "first",
            description = "Labeled predictions to compare every span with, or first: each slice's first span "
                    + "(default: ${DEFAULT-VALUE}).")
    String baseline;

    @Option(
            names = "--max-drop",
            paramLabel = "X",
            defaultValue = "" + PerformanceOptions.DEFAULT_MAX_DROP,
            description = "Alarm when a score drops by more than X, or a loss rises by more than X times its "
                    + "baseline (default: ${DEFAULT-VALUE}).")
    double maxDrop;

    @Option(
            names = "--alarm-metrics",
            split = ",",
            paramLabel = "M[,M...]",
            description = "Metrics compared with the baseline (default: accuracy, f1_macro, roc_auc, "
                    + "average_precision; mae, rmse, r2 for regression).")
    List<String> alarmMetrics = List.of();

    @Option(
            names = "--alarm-detectors",
            split = ",",
            paramLabel = "D[,D...]",
            description = "Detectors whose drifts are alarms: ddm, eddm, adwin, page_hinkley, or none "
                    + "(default: adwin,page_hinkley).")
    List<String> alarmDetectors = List.of("adwin", "page_hinkley");

    @Option(
            names = "--bootstrap",
            paramLabel = "N",
            defaultValue = "0",
            description = "Seeded resamples for 95%% intervals (default: ${DEFAULT-VALUE}: none).")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Bootstrap seed (default: 42).")
    long seed;

    @Mixin
    JsonReportOptions output;

    @Mixin
    TableInputOptions input;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        Optional<Path> baselineFile = baseline.equals("first") ? Optional.empty() : Optional.of(Path.of(baseline));
        OutputPaths.refuseOverwrite(Inputs.of(data, baselineFile.orElse(null)), output.outputs());
        PerformanceReport report =
                new PerformanceEvaluator(options(), input.tableOptions()).evaluate(data, baselineFile);
        output.print(
                spec.commandLine().getOut(),
                stream -> PerformanceJson.write(report, stream),
                () -> TerminalText.escapeKeepingLines(PerformanceCommandTable.render(report)));
        return report.hasAlarm() ? ExitCodes.ANOMALIES : ExitCodes.OK;
    }

    private PerformanceOptions options() {
        if ((score == null) == (prediction == null)) {
            throw new ConfigException(
                    ErrorCode.INVALID_OPTION,
                    "expected exactly one of --score and --prediction, found " + (score == null ? "neither" : "both"));
        }
        if (!probabilities.isEmpty() && (prediction == null || task.equalsIgnoreCase("regression"))) {
            throw new ConfigException(
                    ErrorCode.INVALID_OPTION,
                    "--probabilities: expected --prediction of a class, found "
                            + (prediction == null ? "--score" : "--task regression"));
        }
        if (probabilities.size() == 1) {
            throw new ConfigException(
                    ErrorCode.INVALID_OPTION,
                    "--probabilities: expected a column for every class (at least 2), found 1: " + probabilities);
        }
        boolean detect = task.equalsIgnoreCase("auto");
        Task chosen = switch (task.toLowerCase(Locale.ROOT)) {
            case "auto", "classification" -> Task.CLASSIFICATION;
            case "regression" -> Task.REGRESSION;
            default ->
                throw new ConfigException(
                        ErrorCode.INVALID_OPTION, "--task: expected auto, classification or regression, found " + task);
        };
        Span length;
        try {
            length = Span.named(span);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ErrorCode.INVALID_OPTION, "--span: expected hour, day or week, found " + span);
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new ConfigException(
                    ErrorCode.INVALID_OPTION, "--threshold: expected a value in [0, 1], found " + threshold);
        }
        if (!(maxDrop >= 0) || Double.isInfinite(maxDrop)) {
            throw new ConfigException(ErrorCode.INVALID_OPTION, "--max-drop: expected a value >= 0, found " + maxDrop);
        }
        if (bootstrap < 0 || bootstrap > 10_000) {
            throw new ConfigException(
                    ErrorCode.INVALID_OPTION, "--bootstrap: expected 0 to 10000 resamples, found " + bootstrap);
        }
        Set<String> detectors = new HashSet<>();
        for (String d : alarmDetectors) {
            String name = d.strip().toLowerCase(Locale.ROOT);
            if (name.equals("none")) {
                continue;
            }
            if (!Set.of("ddm", "eddm", "adwin", "page_hinkley").contains(name)) {
                throw new ConfigException(
                        ErrorCode.INVALID_OPTION,
                        "--alarm-detectors: expected ddm, eddm, adwin, page_hinkley or none, found " + d);
            }
            detectors.add(name);
        }
        return new PerformanceOptions(
                label,
                score == null ? "" : score,
                prediction == null ? "" : prediction,
                chosen,
                detect,
                positive,
                threshold,
                time,
                length,
                sliceBy,
                bootstrap,
                seed,
                maxDrop,
                alarmMetrics.stream().map(String::strip).toList(),
                detectors,
                probabilities);
    }
}
