package dev.veracity.io.checks;

import dev.veracity.InputException;
import dev.veracity.format.CloseNames;
import dev.veracity.format.Durations;
import dev.veracity.io.yaml.YamlFile;
import dev.veracity.io.yaml.YamlNode;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.validate.checks.Change;
import dev.veracity.validate.checks.Check;
import dev.veracity.validate.checks.CheckSet;
import dev.veracity.validate.checks.CompareRule;
import dev.veracity.validate.checks.Metric;
import dev.veracity.validate.checks.RegexRule;
import dev.veracity.validate.checks.RowRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a checks file: a mapping with one key, {@code checks}, a list whose elements are either checks on statistics
 * or row-level rules (those with a {@code rule} key).
 *
 * <pre>{@code
 * checks:
 *   - {feature: fare, metric: mean, min: 5, max: 50}
 *   - {feature: tips, metric: missing_fraction, max: 0.1, severity: WARNING}
 *   - {metric: num_examples, min: 1000}
 *   - {feature: trip_miles, metric: quantile, q: 0.99, max: 100}
 *   - {feature: fare, metric: mean, change: {max_relative: 0.2}}
 *   - {feature: email, rule: regex, pattern: "[^@]+@[^@]+"}
 *   - {rule: compare, left: pickup, op: "<=", right: dropoff}
 *   - {metric: freshness, feature: started_at, max_age: 36h}
 * }</pre>
 *
 * {@code max_age} (freshness only) is a duration: a number with a unit {@code s}, {@code m}, {@code h} or {@code d}
 * ({@code 36h}, {@code 1.5d}) or ISO-8601 ({@code PT36H}); it sets the largest age, in seconds. Bounds are inclusive; {@code severity} is ERROR (the default) or WARNING. Every error is an {@link InputException}
 * at the line and column of the offending node; an unknown metric or key names the close ones.
 */
public final class ChecksFile {
    private static final List<String> CHECK_KEYS =
            List.of("feature", "metric", "q", "min", "max", "max_age", "change", "severity");
    private static final List<String> RULE_KEYS = List.of("name", "rule", "feature", "pattern", "left", "op", "right");
    private static final List<String> CHANGE_KEYS = List.of("max_relative", "max_absolute");

    private ChecksFile() {}

    /**
     * {@return the checks and rules of the file}
     *
     * @throws InputException if the file is missing, not YAML, or not a checks file (at the line and column)
     */
    public static CheckSet read(Path file) {
        return parse(YamlFile.read(file, "a checks file"));
    }

    /**
     * {@return the checks and rules of YAML text said to come from {@code file}}
     *
     * @throws InputException if it is not a checks file
     */
    public static CheckSet parse(Path file, String text) {
        return parse(YamlFile.parse(file, text));
    }

    private static CheckSet parse(YamlNode root) {
        root.allowKeys(List.of("checks"));
        YamlNode list = root.required("checks");
        if (list.isNull()) {
            return new CheckSet(List.of(), List.of());
        }
        List<Check> checks = new ArrayList<>();
        List<RowRule> rules = new ArrayList<>();
        for (YamlNode element : list.elements()) {
            if (element.field("rule").isPresent()) {
                rules.add(rule(element));
            } else {
                checks.add(check(element));
            }
        }
        return new CheckSet(checks, rules);
    }

    private static Check check(YamlNode node) {
        node.allowKeys(CHECK_KEYS);
        YamlNode metricNode = node.required("metric");
        String metricName = metricNode.string();
        Metric metric = Metric.parse(metricName).orElseThrow(() -> {
            String hint = CloseNames.hint(metricName, Metric.fileNames());
            return metricNode.error(
                    hint.isEmpty() ? "a metric (" + String.join(", ", Metric.fileNames()) + ")" : "a metric",
                    metricNode.found() + hint);
        });
        String feature = "";
        if (metric.isDatasetMetric()) {
            if (node.field("feature").isPresent()) {
                throw node.required("feature").error("no feature for the dataset metric " + metric.fileName());
            }
        } else {
            if (node.field("feature").isEmpty()) {
                throw node.error("the key \"feature\" for the metric " + metric.fileName(), "none");
            }
            feature = node.required("feature").string();
            if (feature.isBlank()) {
                throw node.required("feature").error("a feature name");
            }
        }
        double q = Double.NaN;
        if (metric == Metric.QUANTILE) {
            if (node.field("q").isEmpty()) {
                throw node.error("the key \"q\" (the quantile's rank, e.g. 0.99) for the metric quantile", "none");
            }
            YamlNode qNode = node.required("q");
            q = qNode.number();
            if (!(q >= 0 && q <= 1)) {
                throw qNode.error("a rank from 0 to 1");
            }
        } else if (node.field("q").isPresent()) {
            throw node.required("q").error("q only with the metric quantile");
        }
        double min = bound(node, "min", Double.NEGATIVE_INFINITY);
        double max = bound(node, "max", Double.POSITIVE_INFINITY);
        if (node.field("max_age").isPresent()) {
            if (metric != Metric.FRESHNESS) {
                throw node.required("max_age").error("max_age only with the metric freshness");
            }
            if (node.field("max").isPresent()) {
                throw node.required("max_age").error("max_age or max (in seconds), not both");
            }
            max = duration(node.required("max_age"));
        }
        if (min > max) {
            throw node.required("max")
                    .error("a max of at least min " + node.required("min").string());
        }
        Change change = node.field("change").map(ChecksFile::change).orElse(Change.NONE);
        if (node.field("min").isEmpty()
                && node.field("max").isEmpty()
                && node.field("max_age").isEmpty()
                && !change.isBounded()) {
            throw node.error("min, max or change in the check of " + metric.fileName(), "none of them");
        }
        AnomalyInfo.Severity severity =
                node.field("severity").map(ChecksFile::severity).orElse(AnomalyInfo.Severity.ERROR);
        return new Check(feature, metric, q, min, max, change, severity, node.where());
    }

    private static double bound(YamlNode check, String key, double absent) {
        if (check.field(key).isEmpty()) {
            return absent;
        }
        YamlNode node = check.required(key);
        double value = node.number();
        if (Double.isNaN(value)) {
            throw node.error("a number that is not NaN");
        }
        return value;
    }

    /** {@return a duration in seconds: 36h, 90m, 1.5d, 600s, or ISO-8601's PT36H ({@link Durations})} */
    static double duration(YamlNode node) {
        java.time.Duration duration = Durations.parse(node.string()).orElseThrow(() -> node.error(Durations.EXPECTED));
        return duration.getSeconds() + duration.getNano() / 1e9;
    }

    private static Change change(YamlNode node) {
        node.allowKeys(CHANGE_KEYS);
        if (node.keys().size() != 1) {
            throw node.error("one of max_relative or max_absolute", node.keys().isEmpty() ? "none" : "both");
        }
        String key = node.keys().iterator().next();
        YamlNode limitNode = node.required(key);
        double limit = limitNode.number();
        if (!(limit >= 0)) {
            throw limitNode.error("a change limit of at least 0");
        }
        return new Change(key.equals("max_relative") ? Change.Kind.RELATIVE : Change.Kind.ABSOLUTE, limit);
    }

    private static AnomalyInfo.Severity severity(YamlNode node) {
        return switch (node.string().strip().toUpperCase(Locale.ROOT)) {
            case "ERROR" -> AnomalyInfo.Severity.ERROR;
            case "WARNING" -> AnomalyInfo.Severity.WARNING;
            default -> throw node.error("a severity ERROR or WARNING");
        };
    }

    private static RowRule rule(YamlNode node) {
        node.allowKeys(RULE_KEYS);
        YamlNode kind = node.required("rule");
        return switch (kind.string().strip()) {
            case "regex" -> {
                for (String key : List.of("left", "op", "right")) {
                    if (node.field(key).isPresent()) {
                        throw node.required(key).error("feature and pattern in a regex rule, not " + key);
                    }
                }
                String feature = node.required("feature").string();
                YamlNode patternNode = node.required("pattern");
                Pattern pattern;
                try {
                    pattern = Pattern.compile(patternNode.string());
                } catch (PatternSyntaxException e) {
                    throw patternNode.error(
                            "a Java regular expression", patternNode.found() + " (" + e.getDescription() + ")");
                }
                String name =
                        node.field("name").map(YamlNode::string).orElse(feature + " matches " + pattern.pattern());
                yield new RegexRule(name, feature, pattern);
            }
            case "compare" -> {
                for (String key : List.of("feature", "pattern")) {
                    if (node.field(key).isPresent()) {
                        throw node.required(key).error("left, op and right in a compare rule, not " + key);
                    }
                }
                String left = node.required("left").string();
                YamlNode opNode = node.required("op");
                CompareRule.Operator operator = CompareRule.Operator.parse(opNode.string())
                        .orElseThrow(() -> opNode.error("an operator <, <=, >, >=, == or !="));
                String right = node.required("right").string();
                String name =
                        node.field("name").map(YamlNode::string).orElse(left + " " + operator.symbol() + " " + right);
                yield new CompareRule(name, left, operator, right);
            }
            default ->
                throw kind.error(
                        "a rule regex or compare",
                        kind.found() + CloseNames.hint(kind.string(), List.of("regex", "compare")));
        };
    }
}
