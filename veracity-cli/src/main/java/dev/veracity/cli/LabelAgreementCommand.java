package dev.veracity.cli;

import dev.veracity.io.OutputPaths;
import dev.veracity.labeling.agreement.AgreementJson;
import dev.veracity.labeling.agreement.AgreementReport;
import dev.veracity.labeling.agreement.Level;
import dev.veracity.labeling.agreement.PairAgreement;
import dev.veracity.labeling.ratings.RepeatedRatings;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code veracity label agreement}: inter-rater agreement coefficients. */
@Command(
        name = "agreement",
        header = "Measures how much raters agree.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Percent agreement, Fleiss' kappa and Krippendorff's alpha over all ratings (missing ratings allowed: "
                    + "items with one rating are not pairable), per label (Fleiss' kappa of the label against the "
                    + "rest, specific agreement), per rater pair (Cohen's kappa on the items both rated) and per "
                    + "instruction version when the ratings carry one.",
            ""
        },
        footer = {
            "%nExample:",
            "  veracity label agreement annotations.csv --level ordinal --order low,mid,high -o agreement.json"
        })
final class LabelAgreementCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RatingInputOptions input;

    @Option(
            names = "--level",
            paramLabel = "LEVEL",
            defaultValue = "nominal",
            description = "Level of Krippendorff's alpha: nominal, ordinal, interval or ratio "
                    + "(default: ${DEFAULT-VALUE}).")
    Level level;

    @Mixin
    JsonReportOptions output;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        OutputPaths.refuseOverwrite(Inputs.of(input.files, List.of()), output.outputs());
        AgreementReport report = AgreementReport.of(input.read(RepeatedRatings.REFUSE), level);
        if (output.file != null) {
            AgreementJson.write(report, output.file);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(
                output.json
                        ? AgreementJson.toJson(report).toPrettyString() + "\n"
                        : TerminalText.escapeKeepingLines(render(report)));
        out.flush();
        return ExitCodes.OK;
    }

    private static String render(AgreementReport report) {
        StringBuilder text = new StringBuilder();
        String header = "%-20s %8s %9s %8s %9s %9s %9s%n";
        String row = "%-20s %,8d %,9d %,8d %9s %9s %9s%n";
        text.append(String.format(Locale.ROOT, header, "", "items", "pairable", "ratings", "agree", "fleiss", "alpha"));
        summary(text, row, "all", report.overall());
        report.perVersion().forEach((version, s) -> summary(text, row, "version " + version, s));
        text.append(String.format(
                Locale.ROOT,
                "%nper label%n%-20s %9s %9s %9s %9s%n",
                "label",
                "ratings",
                "share",
                "fleiss",
                "specific"));
        for (AgreementReport.LabelAgreement l : report.perLabel()) {
            text.append(String.format(
                    Locale.ROOT,
                    "%-20s %,9d %9s %9s %9s%n",
                    l.label(),
                    l.ratings(),
                    n(l.share()),
                    n(l.fleissKappa()),
                    n(l.specificAgreement())));
        }
        text.append(String.format(
                Locale.ROOT,
                "%nper rater pair%n%-16s %-16s %8s %9s %9s%n",
                "rater",
                "rater",
                "items",
                "agree",
                "cohen"));
        for (PairAgreement p : report.perPair()) {
            text.append(String.format(
                    Locale.ROOT,
                    "%-16s %-16s %,8d %9s %9s%n",
                    p.raterA(),
                    p.raterB(),
                    p.items(),
                    n(p.percentAgreement()),
                    n(p.cohenKappa())));
        }
        return text.toString();
    }

    private static void summary(StringBuilder text, String row, String name, AgreementReport.Summary s) {
        text.append(String.format(
                Locale.ROOT,
                row,
                name,
                s.items(),
                s.pairableItems(),
                s.ratings(),
                n(s.percentAgreement()),
                n(s.fleissKappa()),
                n(s.alpha())));
    }

    private static String n(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "-";
    }
}
