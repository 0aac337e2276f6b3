package dev.veracity.cli;

import dev.veracity.selection.FeatureResult;
import dev.veracity.selection.FeatureWarning;
import dev.veracity.selection.Method;
import dev.veracity.selection.Score;
import dev.veracity.selection.SelectionReport;
import java.util.Locale;

/**
 * The ranking of {@code veracity select} as a table for a terminal, lines of at most 100 columns; names from the
 * data are escaped ({@link TerminalText}), so a feature name cannot forge a line or an escape sequence.
 */
final class SelectCommandTable {
    private static final int NAME_WIDTH = 24;

    private SelectCommandTable() {}

    /** {@return the header line, one line per feature, then the warnings, each ending with a newline} */
    static String render(SelectionReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Label %s (%s), %d labelled rows; %d of %d features selected%n",
                TerminalText.escape(report.label()),
                report.task().name().toLowerCase(Locale.ROOT),
                report.rows(),
                report.selected().size(),
                report.features().size()));
        out.append(String.format(
                Locale.ROOT,
                "%4s  %-" + NAME_WIDTH + "s %-11s %8s %3s  %s%n",
                "rank",
                "feature",
                "kind",
                "strength",
                "sel",
                "scores (F, chi2, MI, V, r, rho)"));
        for (FeatureResult f : report.features()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%4d  %-" + NAME_WIDTH + "s %-11s %8.4f %3s  %s%n",
                    f.rank(),
                    clip(TerminalText.escape(f.name()), NAME_WIDTH),
                    f.kind().name().toLowerCase(Locale.ROOT),
                    f.strength(),
                    f.selected() ? "yes" : "no",
                    clip(scores(f), 100 - 4 - 2 - NAME_WIDTH - 1 - 12 - 9 - 4 - 2)));
        }
        boolean first = true;
        for (FeatureResult f : report.features()) {
            for (FeatureWarning w : f.warnings()) {
                if (first) {
                    out.append(String.format("%nWarnings:%n"));
                    first = false;
                }
                out.append(clip(TerminalText.escape("  " + f.name() + ": " + w.text()), 100))
                        .append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    private static String scores(FeatureResult f) {
        if (!f.isScored()) {
            return "-";
        }
        StringBuilder text = new StringBuilder();
        for (Score s : f.scores()) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(symbol(s.method())).append('=').append(String.format(Locale.ROOT, "%.4g", s.statistic()));
        }
        return text.toString();
    }

    /** {@return the short name of a method in the table (the JSON has the full names)} */
    private static String symbol(Method method) {
        return switch (method) {
            case ANOVA_F, F_REGRESSION -> "F";
            case CHI2 -> "chi2";
            case MUTUAL_INFORMATION -> "MI";
            case CRAMERS_V -> "V";
            case PEARSON -> "r";
            case SPEARMAN -> "rho";
        };
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }
}
