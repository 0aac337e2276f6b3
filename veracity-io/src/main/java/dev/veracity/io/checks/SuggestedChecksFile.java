package dev.veracity.io.checks;

import dev.veracity.data.ValueText;
import dev.veracity.io.AtomicFiles;
import dev.veracity.validate.checks.Change;
import dev.veracity.validate.checks.Check;
import dev.veracity.validate.checks.SuggestedCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes suggested checks as a checks file that {@link ChecksFile} reads back: one flow mapping per check, its rule
 * and evidence in a comment above it. The same suggestions give the same bytes.
 *
 * <pre>{@code
 * SuggestedChecksFile.write(Path.of("checks.yaml"), CheckSuggestion.suggest(dataset), "train.pb");
 * }</pre>
 */
public final class SuggestedChecksFile {
    private SuggestedChecksFile() {}

    /** {@return the checks file text; {@code source} names the statistics in the header comment} */
    public static String format(List<SuggestedCheck> suggested, String source) {
        StringBuilder text = new StringBuilder();
        text.append("# Checks suggested by 'veracity suggest-checks' from ")
                .append(oneLine(source))
                .append(".\n# Keep, tighten or drop each; the comment above a check is its evidence.\n");
        if (suggested.isEmpty()) {
            return text.append("checks: []\n").toString();
        }
        text.append("checks:\n");
        for (SuggestedCheck s : suggested) {
            text.append("  # ")
                    .append(s.rule())
                    .append(": ")
                    .append(oneLine(s.evidence()))
                    .append('\n');
            text.append("  - ").append(mapping(s.check())).append('\n');
        }
        return text.toString();
    }

    /** Writes the checks file atomically. */
    public static void write(Path file, List<SuggestedCheck> suggested, String source) throws IOException {
        byte[] bytes = format(suggested, source).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** {@return the check as a YAML flow mapping} */
    static String mapping(Check check) {
        List<String> fields = new ArrayList<>();
        if (!check.feature().isEmpty()) {
            fields.add("feature: " + quoted(check.feature()));
        }
        fields.add("metric: " + check.metric().fileName());
        if (!Double.isNaN(check.q())) {
            fields.add("q: " + ValueText.of(check.q()));
        }
        if (check.min() != Double.NEGATIVE_INFINITY) {
            fields.add("min: " + number(check.min()));
        }
        if (check.max() != Double.POSITIVE_INFINITY) {
            fields.add("max: " + number(check.max()));
        }
        if (check.change().isBounded()) {
            fields.add("change: {" + (check.change().kind() == Change.Kind.RELATIVE ? "max_relative" : "max_absolute")
                    + ": " + number(check.change().limit()) + "}");
        }
        if (check.severity() != dev.veracity.proto.AnomalyInfo.Severity.ERROR) {
            fields.add("severity: " + check.severity().name());
        }
        return "{" + String.join(", ", fields) + "}";
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return ".nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? ".inf" : "-.inf";
        }
        String text = ValueText.of(value);
        return text.contains("e") && !text.contains(".") ? text.replace("e", ".0e") : text;
    }

    /** A double-quoted YAML scalar: backslash, quote and control characters escaped. */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\u2028\\u2029]+", " ");
    }
}
