package dev.veracity.io.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.BadRecords;
import dev.veracity.io.jsonl.JsonLinesTable.Cell;
import dev.veracity.io.jsonl.JsonLinesTable.Feature;
import dev.veracity.io.jsonl.JsonLinesTable.Value;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.stats.StatisticsGenerator;
import dev.veracity.stats.StatisticsOptions;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, from a generated JSON Lines file to statistics: each try writes a real file of features of every kind
 * (scalars, arrays with empty ones and nulls inside, null and absent keys, nested objects, some written as null or
 * {} when empty) in a random style, half the time with malformed lines to skip, and checks every feature against the
 * brute-force oracle of the cells it wrote.
 */
class JsonLinesStatisticsProperties {
    /** Float texts JSON allows (and Python's NaN and infinities): overflow, underflow, integers beyond int64. */
    private static final String[] FLOAT_TEXTS = {
        "NaN",
        "Infinity",
        "-Infinity",
        "0.0",
        "-0.0",
        "0e0",
        "-0E+5",
        "1e-5",
        "1E5",
        "2.5e+10",
        "-3e-300",
        "1e150",
        "-1.5e149",
        "1e309",
        "-1e400",
        "4.9e-324",
        "2e-324",
        "1e-400",
        "0.1",
        "0.30000000000000004",
        "123456789012345678901234567890.5",
        "9007199254740993.0",
        "1e22",
        "1e23",
        "2.2250738585072014E-308",
        "9223372036854775808",
        "-9223372036854775809",
        "18446744073709551616",
        "1" + "0".repeat(30)
    };

    /** Strings, some of which look like numbers, booleans or null. */
    private static final String[] STRING_TEXTS = {
        "Überlingen",
        "Łazienki",
        "😀",
        "日本語",
        "naïve café",
        "say \"hi\"",
        "back\\slash",
        "line1\nline2",
        "tab\there",
        "",
        " ",
        "42",
        "1.5",
        "true",
        "null",
        "NaN",
        "[1]",
        "{}",
        "a,b",
        "\u0000",
        "\u007F",
        "/"
    };

    /** Key segments (without dots), some of which must be escaped. */
    private static final String[] SEGMENTS = {
        "trips",
        "fare",
        "city",
        "Preis €",
        "say \"hi\"",
        "back\\slash",
        "Łódź",
        "🏙 city",
        "line\nbreak",
        "tab\there",
        "a",
        "b",
        ""
    };

    /** What a generated feature holds. */
    private enum Role {
        INT,
        FLOAT,
        STRING,
        BOOLEAN,
        EMPTY
    }

    @TempDir
    Path dir;

    @SeededProperty(tries = 40)
    void statisticsOfAWrittenFileMatchTheOracle(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        JsonLinesTable table = table(random);
        boolean skipping = Gen.oneIn(random, 2);
        Map<Integer, List<String>> badLines = skipping ? badLines(random, table) : Map.of();
        JsonLinesTable.Written written = table.write(JsonLinesTable.Style.random(random), badLines);
        Path file = Files.write(dir.resolve("data.jsonl"), written.bytes());
        JsonLinesOptions options = JsonLinesOptions.DEFAULT
                .withBadRecords(skipping ? BadRecords.SKIP : BadRecords.FAIL)
                .withBatchSize(Gen.oneIn(random, 2) ? JsonLinesOptions.DEFAULT_BATCH_SIZE : Gen.between(random, 1, 16));
        StatisticsOptions statisticsOptions = Gen.oneIn(random, 4)
                ? StatisticsOptions.DEFAULT
                        .withNumTopValues(Gen.between(random, 1, 5))
                        .withNumHistogramBuckets(3)
                : StatisticsOptions.DEFAULT;

        DatasetFeatureStatisticsList statistics;
        long skipped;
        try (JsonLinesReader reader = JsonLinesReader.open(file, options)) {
            statistics = new StatisticsGenerator(statisticsOptions).compute(reader, "");
            skipped = reader.skippedRecords();
        }

        assertThat(skipped)
                .as("skipped lines")
                .isEqualTo(badLines.values().stream().mapToInt(List::size).sum());
        assertThat(statistics.getDatasetsCount()).isEqualTo(1);
        table.assertMatches(statistics.getDatasets(0), written, statisticsOptions);
    }

    /** {@return one to a few hundred rows (sometimes thousands) of one to eight features at distinct key paths} */
    static JsonLinesTable table(SplittableRandom random) {
        int rows = Gen.oneIn(random, 5) ? Gen.between(random, 500, 3000) : Gen.size(random, 1, 300);
        List<Feature> features = new ArrayList<>();
        for (List<String> path : paths(random, Gen.between(random, 1, 8))) {
            Role role = Gen.oneOf(random, Role.values());
            double missing = Gen.oneOf(random, 0.0, 0.1, 0.5, 0.9);
            double nulls = Gen.oneOf(random, 0.0, 0.5, 1.0);
            double arrays = Gen.oneOf(random, 0.0, 0.3, 1.0);
            double emptyArrays = Gen.oneOf(random, 0.0, 0.1, 0.5);
            List<Cell> cells = new ArrayList<>(rows);
            for (int r = 0; r < rows; r++) {
                if (random.nextDouble() < missing) {
                    cells.add(random.nextDouble() < nulls ? Cell.NULL : Cell.ABSENT);
                } else if (role == Role.EMPTY) {
                    cells.add(Gen.oneOf(
                            random,
                            Cell.NULL,
                            Cell.ABSENT,
                            new Cell(Cell.Kind.ARRAY, List.of()),
                            new Cell(Cell.Kind.ARRAY, nullList(Gen.between(random, 1, 3)))));
                } else if (random.nextDouble() < arrays) {
                    int length = random.nextDouble() < emptyArrays ? 0 : Gen.size(random, 0, 6);
                    List<Value> values = new ArrayList<>(length);
                    for (int i = 0; i < length; i++) {
                        values.add(Gen.oneIn(random, 8) ? null : value(random, role));
                    }
                    cells.add(new Cell(Cell.Kind.ARRAY, values));
                } else {
                    cells.add(new Cell(Cell.Kind.SCALAR, List.of(value(random, role))));
                }
            }
            features.add(new Feature(path, cells));
        }
        return new JsonLinesTable(features, rows);
    }

    private static List<Value> nullList(int length) {
        List<Value> values = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            values.add(null);
        }
        return values;
    }

    /** {@return up to {@code count} key paths of one to three segments, none a prefix of another} */
    private static List<List<String>> paths(SplittableRandom random, int count) {
        List<List<String>> paths = new ArrayList<>();
        for (int attempt = 0; attempt < 100 && paths.size() < count; attempt++) {
            int depth = Gen.weighted(random, 6, 3, 1) + 1;
            List<String> path = new ArrayList<>(depth);
            for (int i = 0; i < depth; i++) {
                path.add(Gen.oneOf(random, SEGMENTS));
            }
            if (paths.stream().noneMatch(p -> isPrefix(p, path) || isPrefix(path, p))) {
                paths.add(List.copyOf(path));
            }
        }
        return paths;
    }

    private static boolean isPrefix(List<String> prefix, List<String> path) {
        return prefix.size() <= path.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    private static Value value(SplittableRandom random, Role role) {
        return switch (role) {
            case INT -> Gen.oneIn(random, 10) ? Value.ofBoolean(random.nextBoolean()) : intValue(random);
            case FLOAT ->
                switch (Gen.weighted(random, 3, 4, 2, 2)) {
                    case 0 -> Value.ofFloat(Gen.oneOf(random, FLOAT_TEXTS));
                    case 1 -> Value.ofFloat(decimal(random));
                    case 2 ->
                        Value.ofFloat(Double.toString(
                                Math.scalb(random.nextDouble() - 0.5, Gen.between(random, -1075, 490))));
                    default -> random.nextBoolean() ? intValue(random) : Value.ofBoolean(random.nextBoolean());
                };
            case STRING ->
                Gen.oneIn(random, 3)
                        ? Value.ofString(Gen.anyString(random, 12))
                        : Value.ofString(STRING_TEXTS[skewed(random, STRING_TEXTS.length)]);
            case BOOLEAN -> Value.ofBoolean(random.nextBoolean());
            case EMPTY -> throw new IllegalArgumentException("a feature without values has no value");
        };
    }

    /** {@return an index below {@code n}, index k with probability about 1 / (k + 1), for ties among top values} */
    private static int skewed(SplittableRandom random, int n) {
        return (int) Math.floor(Math.exp(random.nextDouble() * Math.log(n + 1))) - 1;
    }

    /** Zeros, small and int64-wide values, and the extremes. */
    private static Value intValue(SplittableRandom random) {
        return Value.ofInt(
                switch (Gen.weighted(random, 2, 8, 8, 2)) {
                    case 0 -> 0;
                    case 1 -> Gen.between(random, -100L, 100L);
                    case 2 -> Gen.anyLong(random);
                    default ->
                        Gen.oneOf(random, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1);
                });
    }

    /** {@return a JSON number with a fraction: up to 20 integer digits, up to 30 fraction digits, an exponent} */
    private static String decimal(SplittableRandom random) {
        StringBuilder s = new StringBuilder(random.nextBoolean() ? "-" : "");
        int integerDigits = Gen.size(random, 1, 20);
        s.append(integerDigits == 1 ? (char) ('0' + random.nextInt(10)) : (char) ('1' + random.nextInt(9)));
        for (int i = 1; i < integerDigits; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        s.append('.');
        for (int i = Gen.size(random, 1, 30); i > 0; i--) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        switch (Gen.weighted(random, 6, 1, 1)) {
            case 0 -> {}
            case 1 -> s.append(Gen.oneOf(random, "e", "E", "e+")).append(Gen.between(random, 0, 120));
            default -> s.append(Gen.oneOf(random, "e-", "E-")).append(Gen.between(random, 0, 340));
        }
        return s.toString();
    }

    /**
     * {@return one to ten malformed lines at random places, keyed by the number of good lines before them: invalid
     * JSON, lines that are not one object, repeated keys, unsupported arrays, NUL bytes, and values that conflict with
     * the type a feature (or the object holding it) had in an earlier good line}
     */
    static Map<Integer, List<String>> badLines(SplittableRandom random, JsonLinesTable table) {
        Map<Integer, List<String>> lines = new HashMap<>();
        for (int n = Gen.between(random, 1, 10); n > 0; n--) {
            int after = random.nextInt(table.rows() + 1);
            String line = switch (Gen.weighted(random, 2, 2, 1, 1, 1, 4)) {
                case 0 ->
                    Gen.oneOf(
                            random,
                            "{\"a\": }",
                            "{\"x\":1",
                            "{'k':1}",
                            "{\"k\":tru}",
                            "{\"k\":1,}",
                            "{\"k\":01}",
                            "{\"k\":\"\\x\"}",
                            "{\"k\":\"a\tb\"}");
                case 1 -> Gen.oneOf(random, "[1,2]", "\"text\"", "42", "null", "true", "{} {}", "{}[]");
                case 2 -> "{\"dup\":1,\"dup\":2}";
                case 3 -> Gen.oneOf(random, "{\"k\":[{\"z\":1}]}", "{\"k\":[[1]]}");
                case 4 -> "{\"k\":\"a\u0000\"}";
                default -> null;
            };
            if (line == null) {
                Conflict conflict = conflict(random, table);
                if (conflict == null) {
                    continue;
                }
                after = conflict.after();
                line = conflict.line();
            }
            lines.computeIfAbsent(after, k -> new ArrayList<>()).add(line);
        }
        return lines;
    }

    private record Conflict(int after, String line) {}

    /**
     * {@return a line that conflicts with a feature's first value (a number for strings, a string for numbers), or
     * with the object holding it (a number), placed after that value's line; null if no feature has a value}
     */
    private static Conflict conflict(SplittableRandom random, JsonLinesTable table) {
        Feature feature = table.features().get(random.nextInt(table.features().size()));
        List<String> path = feature.path();
        for (int r = 0; r < table.rows(); r++) {
            Cell cell = feature.cells().get(r);
            int after = Gen.between(random, r + 1, table.rows());
            if (!cell.nonNull().isEmpty()) {
                String value = cell.nonNull().get(0).kind() == ParsedLine.STRING ? "1" : "\"s\"";
                return new Conflict(after, nested(path, value));
            }
            if (path.size() > 1 && cell.kind() != Cell.Kind.ABSENT) {
                // The line held the feature, so it held its parent as an object.
                return new Conflict(after, nested(path.subList(0, path.size() - 1), "1"));
            }
        }
        return null;
    }

    /** {@return {@code {"a":{"b":value}}} for the path [a, b]} */
    private static String nested(List<String> path, String value) {
        String json = value;
        for (int i = path.size() - 1; i >= 0; i--) {
            json = "{" + quote(path.get(i)) + ":" + json + "}";
        }
        return json;
    }

    private static String quote(String key) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : key.toCharArray()) {
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20) {
                s.append(String.format("\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.append('"').toString();
    }
}
