package dev.veracity.labeling.weak;

import dev.veracity.InputException;
import dev.veracity.io.yaml.YamlFile;
import dev.veracity.io.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a labeling-functions file (YAML): {@code labels: [...]} and {@code functions:}, each with {@code name},
 * {@code column}, {@code label} and one matcher: {@code keywords} (whole words, case-insensitive), {@code regex}
 * (found anywhere), {@code range: {min, max}} (numbers, both included), {@code values} (equality), {@code lookup}
 * (a file of values, one a line, relative to this file; {@code #} comments) or {@code from_column} (a map from the
 * column's values to labels, or {@code labels} when the values are labels already; then without {@code label}).
 * Every error names the file, line and column.
 *
 * <pre>{@code
 * LabelingFunctions lfs = LabelingFunctionFile.read(Path.of("lfs.yaml"));
 * }</pre>
 */
public final class LabelingFunctionFile {
    private static final Set<String> TOP = Set.of("labels", "functions");
    private static final List<String> MATCHERS =
            List.of("keywords", "regex", "range", "values", "lookup", "from_column");
    private static final Set<String> FUNCTION_KEYS = Set.of(
            "name", "column", "label", "description", "keywords", "regex", "range", "values", "lookup", "from_column");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");

    private LabelingFunctionFile() {}

    /**
     * {@return the labels and functions the file declares}
     *
     * @throws InputException CONFIG_FILE_INVALID at the offending node (file:line:column); the YAML reader's errors
     */
    public static LabelingFunctions read(Path file) {
        YamlNode root = YamlFile.read(file, "a labeling-functions file");
        if (root.kind() != YamlNode.Kind.MAPPING) {
            throw root.error("a mapping with labels and functions");
        }
        root.allowKeys(TOP);
        YamlNode labelsNode = root.required("labels");
        List<String> labels = new ArrayList<>();
        for (YamlNode label : labelsNode.elements()) {
            String text = label.string();
            if (text.isEmpty() || labels.contains(text)) {
                throw label.error("a label that is not empty and not given before", label.found());
            }
            labels.add(text);
        }
        if (labels.size() < 2 || labels.size() > LabelingFunctions.MAX_LABELS) {
            throw labelsNode.error("2 to " + LabelingFunctions.MAX_LABELS + " labels", labels.size() + " labels");
        }
        YamlNode functionsNode = root.required("functions");
        List<LabelingFunction> functions = new ArrayList<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (YamlNode node : functionsNode.elements()) {
            LabelingFunction function = function(file, node, labels);
            if (origins.containsKey(function.name())) {
                throw node.required("name")
                        .error(
                                "a name not used before",
                                "\"" + function.name() + "\" (first at " + origins.get(function.name()) + ")");
            }
            origins.put(function.name(), node.where());
            functions.add(function);
        }
        if (functions.isEmpty()) {
            throw functionsNode.error("at least one labeling function", "none");
        }
        return new LabelingFunctions(labels, functions, origins);
    }

    private static LabelingFunction function(Path file, YamlNode node, List<String> labels) {
        if (node.kind() != YamlNode.Kind.MAPPING) {
            throw node.error("a labeling function (a mapping with name, column, label and a matcher)");
        }
        node.allowKeys(FUNCTION_KEYS);
        YamlNode nameNode = node.required("name");
        String name = nameNode.string();
        if (!NAME.matcher(name).matches()) {
            throw nameNode.error("a name of letters, digits, _, . and -", nameNode.found());
        }
        String column = node.required("column").string();
        List<String> given = MATCHERS.stream().filter(node.keys()::contains).toList();
        if (given.size() != 1) {
            throw node.error(
                    "one matcher of " + String.join(", ", MATCHERS),
                    given.isEmpty() ? "none" : given.size() + " (" + String.join(", ", given) + ")");
        }
        String kind = given.get(0);
        YamlNode spec = node.required(kind);
        if (kind.equals("from_column")) {
            if (node.field("label").isPresent()) {
                throw node.required("label").error("no label with from_column (its map gives the labels)", "one");
            }
            return new ColumnMapFunction(name, column, valueMap(spec, labels));
        }
        int label = labelIndex(node.required("label"), labels);
        Matcher matcher = switch (kind) {
            case "keywords" -> Matcher.keywords(nonEmpty(spec, "keywords"));
            case "regex" -> regex(spec);
            case "range" -> range(spec);
            case "values" -> new Matcher.Values(new LinkedHashSet<>(nonEmpty(spec, "values")));
            case "lookup" -> new Matcher.Values(lookup(file, spec));
            default -> throw new IllegalStateException("unknown matcher " + kind);
        };
        return new MatcherFunction(name, column, label, matcher);
    }

    private static int labelIndex(YamlNode node, List<String> labels) {
        String label = node.string();
        int index = labels.indexOf(label);
        if (index < 0) {
            throw node.error("one of the labels " + labels, node.found());
        }
        return index;
    }

    private static List<String> nonEmpty(YamlNode spec, String what) {
        List<String> values = spec.strings();
        if (values.isEmpty() || values.stream().anyMatch(String::isEmpty)) {
            throw spec.error("a list of " + what + ", none empty");
        }
        return values;
    }

    private static Matcher regex(YamlNode spec) {
        String text = spec.string();
        try {
            return new Matcher.Regex(Pattern.compile(text));
        } catch (PatternSyntaxException e) {
            throw spec.error(
                    "a regular expression",
                    spec.found() + " (" + e.getDescription() + " at index " + e.getIndex() + ")");
        }
    }

    private static Matcher range(YamlNode spec) {
        if (spec.kind() != YamlNode.Kind.MAPPING) {
            throw spec.error("a mapping with min and/or max");
        }
        spec.allowKeys(Set.of("min", "max"));
        if (spec.keys().isEmpty()) {
            throw spec.error("min and/or max", "neither");
        }
        double min = spec.field("min").map(YamlNode::number).orElse(Double.NEGATIVE_INFINITY);
        double max = spec.field("max").map(YamlNode::number).orElse(Double.POSITIVE_INFINITY);
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw spec.error("min <= max", "min " + min + ", max " + max);
        }
        return new Matcher.Range(min, max);
    }

    private static Map<String, Integer> valueMap(YamlNode spec, List<String> labels) {
        Map<String, Integer> votes = new HashMap<>();
        if (spec.kind() != YamlNode.Kind.MAPPING) {
            if (spec.kind() == YamlNode.Kind.STRING && spec.string().equals("labels")) {
                for (int k = 0; k < labels.size(); k++) {
                    votes.put(labels.get(k), k);
                }
                return votes;
            }
            throw spec.error("a map from the column's values to labels, or \"labels\"");
        }
        for (String value : spec.keys()) {
            votes.put(value, labelIndex(spec.required(value), labels));
        }
        if (votes.isEmpty()) {
            throw spec.error("at least one value", "none");
        }
        return votes;
    }

    private static Set<String> lookup(Path file, YamlNode spec) {
        String name = spec.string();
        Path parent = file.toAbsolutePath().getParent();
        Path list = parent == null ? Path.of(name) : parent.resolve(name);
        List<String> lines;
        try {
            if (Files.isDirectory(list)) {
                throw spec.error("a file of values", "a directory " + list);
            }
            lines = Files.readAllLines(list);
        } catch (NoSuchFileException e) {
            throw spec.error("a file of values", "no file " + list);
        } catch (IOException e) {
            throw spec.error("a readable UTF-8 file of values", list + " (" + e.getMessage() + ")");
        }
        Set<String> values = new LinkedHashSet<>();
        for (String line : lines) {
            String value = line.strip();
            if (!value.isEmpty() && !value.startsWith("#")) {
                values.add(value);
            }
        }
        if (values.isEmpty()) {
            throw spec.error("a file with at least one value", "none in " + list);
        }
        return values;
    }
}
