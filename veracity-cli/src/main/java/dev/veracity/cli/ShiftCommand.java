package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.data.ValueText;
import dev.veracity.io.OutputPaths;
import dev.veracity.monitoring.ShiftDiagnosis;
import dev.veracity.monitoring.ShiftJson;
import dev.veracity.monitoring.ShiftOptions;
import dev.veracity.monitoring.ShiftReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code veracity shift}: diagnoses a shift between two labeled datasets as covariate, concept or both. */
@Command(
        name = "shift",
        header = "Tells covariate shift (inputs moved) from concept shift (the label's dependence moved).",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Compares two labeled datasets. Marginal: per feature, the KS test (numbers) or",
            "the chi-squared test (text). Prior: the label distribution. Conditional: per",
            "feature, the label within bins shared by both datasets (quantile bins of the",
            "pooled numbers, one bin per value; bins merged until each holds --min-rows of",
            "each dataset), chi-squared within bins, summed. Model: a logistic regression of",
            "the label on all features, trained on 70%% of the baseline, with its calibration",
            "and accuracy on the held-out rows and on the current rows, and a likelihood-",
            "ratio test of one model for both datasets against one each. All p-values are",
            "Holm-adjusted at --alpha. Verdict: none, covariate, concept or",
            "covariate+concept (concept decided by the model when it is calibrated on the",
            "held-out rows, else by the per-bin tests); prior shift beside it. Exit code 1",
            "unless the verdict is none.",
            ""
        },
        footer = {
            "%nExample:",
            "  veracity shift --baseline examples/runs/predictions_before.csv \\",
            "      --current examples/runs/predictions_after.csv --label completed \\",
            "      --features route,surface,distance_km,elevation_gain_m -o shift.json"
        })
final class ShiftCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--baseline", required = true, paramLabel = "FILE", description = "The baseline dataset.")
    Path baseline;

    @Option(names = "--current", required = true, paramLabel = "FILE", description = "The current dataset.")
    Path current;

    @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "The label column.")
    String label;

    @Option(
            names = "--features",
            split = ",",
            paramLabel = "F[,F...]",
            description = "Features to compare (default: every column but the label).")
    List<String> features = List.of();

    @Option(
            names = "--alpha",
            paramLabel = "X",
            defaultValue = "" + ShiftOptions.DEFAULT_ALPHA,
            description = "Family-wise error rate across all tests (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(
            names = "--min-rows",
            paramLabel = "N",
            defaultValue = "" + ShiftOptions.DEFAULT_MIN_ROWS,
            description = "Fewest rows of each dataset in a bin (default: ${DEFAULT-VALUE}).")
    int minRows;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed of the held-out split.")
    long seed;

    @Mixin
    JsonReportOptions output;

    @Mixin
    TableInputOptions input;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        OutputPaths.refuseOverwrite(Inputs.of(List.of(baseline, current)), output.outputs());
        if (!(alpha > 0 && alpha < 1)) {
            throw new ConfigException(ErrorCode.INVALID_OPTION, "--alpha: expected a value in (0, 1), found " + alpha);
        }
        if (minRows < 1) {
            throw new ConfigException(ErrorCode.INVALID_OPTION, "--min-rows: expected at least 1, found " + minRows);
        }
        ShiftOptions options =
                new ShiftOptions(label, features.stream().map(String::strip).toList(), alpha, minRows, seed);
        ShiftReport report = new ShiftDiagnosis(options, input.tableOptions()).diagnose(baseline, current);
        output.print(
                spec.commandLine().getOut(),
                stream -> ShiftJson.write(report, stream),
                () -> TerminalText.escapeKeepingLines(summary(report)));
        return report.verdict() == ShiftReport.Verdict.NONE ? ExitCodes.OK : ExitCodes.ANOMALIES;
    }

    static String summary(ShiftReport report) {
        StringBuilder out = new StringBuilder();
        out.append("verdict: ")
                .append(report.verdict().text())
                .append(" (concept decided by ")
                .append(report.decidedBy())
                .append(")\n");
        out.append("prior shift: ")
                .append(report.prior().test().drift() ? "yes" : "no")
                .append(", label shares ")
                .append(report.prior().baseline())
                .append(" -> ")
                .append(report.prior().current())
                .append('\n');
        out.append(String.format(
                "%-24s %-9s %-12s %-11s %-12s%n", "feature", "marginal", "adj. p", "conditional", "adj. p"));
        for (Map.Entry<String, ShiftReport.Test> e : report.marginal().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .toList()) {
            ShiftReport.Test conditional = report.conditional().get(e.getKey()).test();
            out.append(String.format(
                    "%-24s %-9s %-12s %-11s %-12s%n",
                    e.getKey(),
                    e.getValue().drift() ? "DRIFT" : "-",
                    ValueText.of(round(e.getValue().adjusted())),
                    conditional.drift() ? "DRIFT" : "-",
                    ValueText.of(round(conditional.adjusted()))));
        }
        ShiftReport.ModelCheck model = report.model();
        if (!model.computable().isEmpty()) {
            out.append("model: not computable, ").append(model.computable()).append('\n');
        } else {
            out.append("model: accuracy ")
                    .append(ValueText.of(round(model.heldOut().accuracy())))
                    .append(" held-out baseline, ")
                    .append(ValueText.of(round(model.current().accuracy())))
                    .append(" current; calibration p ")
                    .append(ValueText.of(round(model.heldOut().pValue())))
                    .append(" held-out, ")
                    .append(ValueText.of(round(model.current().pValue())))
                    .append(" current")
                    .append(
                            model.heldOut().classes().isEmpty()
                                    ? ""
                                    : " (per class, Bonferroni); classwise ECE "
                                            + ValueText.of(round(model.heldOut().classwiseEce()))
                                            + " held-out, "
                                            + ValueText.of(round(model.current().classwiseEce()))
                                            + " current")
                    .append("; likelihood ratio adj. p ")
                    .append(ValueText.of(round(model.test().adjusted())))
                    .append(model.conclusive() ? "" : " (inconclusive: miscalibrated on held-out rows)")
                    .append('\n');
        }
        return out.toString();
    }

    private static double round(double value) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.4g", value));
    }
}
