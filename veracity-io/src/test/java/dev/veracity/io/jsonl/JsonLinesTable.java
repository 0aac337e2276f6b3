package dev.veracity.io.jsonl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.data.FeatureType;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.stats.StatisticsOptions;
import dev.veracity.testing.BruteForceStatistics;
import dev.veracity.testing.Gen;
import dev.veracity.testing.StatisticsAssertions;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Features of a JSON Lines file as cells (absent, null, a scalar or an array), written as JSON text in random styles
 * and checked against what {@link BruteForceStatistics} computes of the cells. The expected features, their order
 * and their types are worked out from the text as written, not by the reader's code.
 *
 * @param features the leaf features, each a key path with one cell per row; no path is a prefix of another
 * @param rows     the number of rows (lines with an object)
 */
record JsonLinesTable(List<Feature> features, int rows) {
    JsonLinesTable {
        features = List.copyOf(features);
        for (Feature f : features) {
            if (f.cells().size() != rows) {
                throw new IllegalArgumentException(
                        "feature " + f.name() + " has " + f.cells().size() + " cells");
            }
        }
    }

    /** A JSON scalar: its kind, the text that writes it (a number or boolean), or the string it holds. */
    record Value(byte kind, String text, String string) {
        static Value ofInt(long value) {
            return new Value(ParsedLine.INT, Long.toString(value), null);
        }

        static Value ofFloat(String text) {
            return new Value(ParsedLine.FLOAT, text, null);
        }

        static Value ofBoolean(boolean value) {
            return new Value(ParsedLine.BOOLEAN, Boolean.toString(value), null);
        }

        static Value ofString(String string) {
            return new Value(ParsedLine.STRING, null, string);
        }

        /** {@return the number as the reader must give it: Python's spellings of NaN and infinity, else Java's} */
        double number() {
            return switch (text) {
                case "true" -> 1;
                case "false" -> 0;
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(text);
            };
        }
    }

    /** What a line holds for a key: nothing, null, one scalar, or an array (whose elements may be null). */
    record Cell(Kind kind, List<Value> values) {
        enum Kind {
            ABSENT,
            NULL,
            SCALAR,
            ARRAY
        }

        static final Cell ABSENT = new Cell(Kind.ABSENT, List.of());
        static final Cell NULL = new Cell(Kind.NULL, List.of());

        /** {@return whether the row is missing: the key absent or null} */
        boolean isMissing() {
            return kind == Kind.ABSENT || kind == Kind.NULL;
        }

        /** {@return the values of a present row, without an array's nulls} */
        List<Value> nonNull() {
            return values.stream().filter(v -> v != null).toList();
        }
    }

    /** A leaf key path and its cells. */
    record Feature(List<String> path, List<Cell> cells) {
        String name() {
            return String.join(".", path);
        }

        /** {@return STRING if any value is a string, else FLOAT if any is a float, else INT} */
        FeatureType type() {
            boolean isFloat = false;
            for (Cell cell : cells) {
                for (Value v : cell.nonNull()) {
                    if (v.kind() == ParsedLine.STRING) {
                        return FeatureType.STRING;
                    }
                    isFloat |= v.kind() == ParsedLine.FLOAT;
                }
            }
            return isFloat ? FeatureType.FLOAT : FeatureType.INT;
        }
    }

    /**
     * How the table is written.
     *
     * @param lineEnd       LF or CRLF
     * @param byteOrderMark whether the file starts with UTF-8's byte-order mark
     * @param finalLineEnd  whether the last line ends with a line end
     * @param blankLines    how often a blank line comes before a line
     * @param spaces        how often whitespace is written between tokens
     * @param escapes       how often a character that need not be escaped is
     * @param emptyParents  how often an object none of whose keys a line holds is written as null or {}
     * @param seed          the seed of these random choices
     */
    record Style(
            String lineEnd,
            boolean byteOrderMark,
            boolean finalLineEnd,
            double blankLines,
            double spaces,
            double escapes,
            double emptyParents,
            long seed) {
        static Style random(SplittableRandom random) {
            return new Style(
                    Gen.oneOf(random, "\n", "\r\n"),
                    Gen.oneIn(random, 4),
                    !Gen.oneIn(random, 4),
                    Gen.oneOf(random, 0.0, 0.0, 0.1),
                    Gen.oneOf(random, 0.0, 0.2, 1.0),
                    Gen.oneOf(random, 0.0, 0.3),
                    Gen.oneOf(random, 0.0, 0.2, 0.5),
                    random.nextLong());
        }
    }

    /** The text of a file and the keys it holds, in order of first appearance, each with whether it held objects. */
    record Written(byte[] bytes, LinkedHashMap<String, Boolean> keys) {}

    /**
     * {@return the table as JSON Lines, with {@code badLines} (text of lines to skip, keyed by the number of good
     * lines before them) inserted}
     */
    Written write(Style style, Map<Integer, List<String>> badLines) {
        SplittableRandom random = new SplittableRandom(style.seed());
        JsonText text = new JsonText(random, style.spaces(), style.escapes());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (style.byteOrderMark()) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        LinkedHashMap<String, Boolean> keys = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (int r = 0; r <= rows; r++) {
            lines.addAll(badLines.getOrDefault(r, List.of()));
            if (r < rows) {
                lines.add(text.object(tree(r, random, style.emptyParents()), null, keys));
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            while (random.nextDouble() < style.blankLines()) {
                out.writeBytes(Gen.oneOf(random, "", " ", "\t", "  \r")
                        .concat(style.lineEnd())
                        .getBytes(UTF_8));
            }
            out.writeBytes(lines.get(i).getBytes(UTF_8));
            if (i < lines.size() - 1 || style.finalLineEnd()) {
                out.writeBytes(style.lineEnd().getBytes(UTF_8));
            }
        }
        return new Written(out.toByteArray(), keys);
    }

    /**
     * {@return row {@code r} as nested maps in random key order: a map is an object, a {@link Cell} a value, and
     * {@link JsonText#NULL_OBJECT} an object written as null}
     */
    private Map<String, Object> tree(int r, SplittableRandom random, double emptyParents) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Feature> shuffled = new ArrayList<>(features);
        Collections.shuffle(shuffled, new Random(random.nextLong()));
        for (Feature feature : shuffled) {
            Cell cell = feature.cells().get(r);
            if (cell.kind() != Cell.Kind.ABSENT) {
                objectAt(root, feature.path().subList(0, feature.path().size() - 1))
                        .put(feature.path().get(feature.path().size() - 1), cell);
            }
        }
        for (Feature feature : shuffled) {
            for (int depth = 1; depth < feature.path().size(); depth++) {
                List<String> parent = feature.path().subList(0, depth);
                if (random.nextDouble() < emptyParents && canAdd(root, parent)) {
                    Map<String, Object> holder = objectAt(root, parent.subList(0, depth - 1));
                    holder.put(
                            parent.get(depth - 1),
                            random.nextBoolean() ? JsonText.NULL_OBJECT : new LinkedHashMap<String, Object>());
                }
            }
        }
        return root;
    }

    /** {@return whether the path is absent and each of its ancestors is absent or an object} */
    @SuppressWarnings("unchecked")
    private static boolean canAdd(Map<String, Object> root, List<String> path) {
        Map<String, Object> node = root;
        for (int i = 0; i < path.size(); i++) {
            Object child = node.get(path.get(i));
            if (child == null) {
                return true;
            }
            if (i == path.size() - 1 || !(child instanceof Map)) {
                return false;
            }
            node = (Map<String, Object>) child;
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> objectAt(Map<String, Object> root, List<String> path) {
        Map<String, Object> node = root;
        for (String key : path) {
            node = (Map<String, Object>) node.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
        }
        return node;
    }

    /**
     * Checks statistics of this table as written: the number of examples, the features (keys that never held an
     * object, in order of first appearance), and each feature against the oracle.
     */
    void assertMatches(DatasetFeatureStatistics statistics, Written written, StatisticsOptions options) {
        assertThat(statistics.getNumExamples()).as("num_examples").isEqualTo(rows);
        List<String> expected = written.keys().entrySet().stream()
                .filter(e -> !e.getValue())
                .map(Map.Entry::getKey)
                .toList();
        assertThat(statistics.getFeaturesList())
                .as("features in order of first appearance")
                .extracting(f -> List.copyOf(f.getPath().getStepList()))
                .containsExactlyElementsOf(expected.stream().map(List::of).toList());
        for (int i = 0; i < expected.size(); i++) {
            String name = expected.get(i);
            FeatureNameStatistics actual = statistics.getFeatures(i);
            // A key that was only ever an object written as null is a feature without values.
            Feature feature = features.stream()
                    .filter(f -> f.name().equals(name))
                    .findFirst()
                    .orElse(new Feature(List.of(name), Collections.nCopies(rows, Cell.NULL)));
            FeatureType type = feature.type();
            try {
                switch (type) {
                    case INT, FLOAT ->
                        StatisticsAssertions.assertNumeric(
                                actual, BruteForceStatistics.numeric(numericRows(feature)), type, options);
                    case STRING ->
                        StatisticsAssertions.assertStrings(
                                actual, BruteForceStatistics.strings(stringRows(feature)), options);
                }
            } catch (AssertionError e) {
                throw new AssertionError(
                        "feature " + (i + 1) + " (" + name + ", expected " + type + "): " + e.getMessage(), e);
            }
        }
    }

    private static List<double[]> numericRows(Feature feature) {
        List<double[]> rows = new ArrayList<>();
        for (Cell cell : feature.cells()) {
            rows.add(
                    cell.isMissing()
                            ? null
                            : cell.nonNull().stream().mapToDouble(Value::number).toArray());
        }
        return rows;
    }

    private static List<byte[][]> stringRows(Feature feature) {
        List<byte[][]> rows = new ArrayList<>();
        for (Cell cell : feature.cells()) {
            rows.add(
                    cell.isMissing()
                            ? null
                            : cell.nonNull().stream()
                                    .map(v -> JsonText.generalizedUtf8(v.string()))
                                    .toArray(byte[][]::new));
        }
        return rows;
    }
}
