package dev.veracity.io.skew;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.Progress;
import dev.veracity.io.table.TableOptions;
import dev.veracity.skew.ConfusionCount;
import dev.veracity.skew.FeatureSkew;
import dev.veracity.skew.FeatureSkewReport;
import dev.veracity.skew.MatchStats;
import dev.veracity.skew.SkewOptions;
import dev.veracity.skew.SkewPair;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, from generated training and serving CSV files to the skew report: each try writes two real files with
 * missing and duplicated ids, missing values, numbers that match only after rounding, INT columns read as FLOAT on
 * one side, features on one side only and an ignored feature, and checks the report against a brute-force oracle
 * over the generated values, in memory and with tiny spill partitions.
 */
class FeatureSkewProperties {
    private static final List<String> COLORS = List.of("red", "green", "blue", "cyan");

    @TempDir
    Path dir;

    @SeededProperty(tries = 60)
    void reportMatchesTheOracleInMemoryAndSpilled(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Case c = Case.generate(random);
        Path training = dir.resolve("train.csv");
        Path serving = dir.resolve("serving.csv");
        Files.writeString(training, c.csv(c.base, false), StandardCharsets.UTF_8);
        Files.writeString(serving, c.csv(c.test, c.servingNumbersAsFloats), StandardCharsets.UTF_8);
        List<String> keys = c.composite ? List.of("id", "k2") : List.of("id");
        SkewOptions options = SkewOptions.of(keys)
                .withFeaturesToIgnore(List.of("ign"))
                .withSampleSize(Gen.between(random, 0, 6))
                .withFloatRoundDigits(c.roundDigits)
                .withConfusionTopN(Gen.between(random, 0, 5));

        FeatureSkewReport inMemory =
                FeatureSkewDetector.detect(training, serving, options, TableOptions.DEFAULT, dir, Progress.NONE, 1);
        FeatureSkewReport spilled = FeatureSkewDetector.detect(
                training, serving, options, TableOptions.DEFAULT, dir, Progress.NONE, Gen.between(random, 2, 9));
        Oracle oracle = new Oracle(c, options);

        assertThat(inMemory.matchStats()).isEqualTo(oracle.matchStats());
        assertThat(inMemory.featureSkew()).containsExactlyElementsOf(oracle.featureSkew());
        assertThat(inMemory.confusionCounts()).containsExactlyElementsOf(oracle.confusionCounts());
        assertThat(inMemory.skewPairs()).extracting(SkewPair::identifier).containsExactlyElementsOf(oracle.samples());
        assertThat(inMemory.hasSkew()).isEqualTo(oracle.featureSkew().stream().anyMatch(s -> s.diffCount() > 0));
        for (SkewPair pair : inMemory.skewPairs()) {
            assertThat(pair.mismatchedFeatures()).containsExactlyElementsOf(oracle.mismatched(pair.identifier()));
        }
        assertThat(spilled.partitions()).isGreaterThan(1);
        assertThat(spilled.featureSkew()).isEqualTo(inMemory.featureSkew());
        assertThat(spilled.matchStats()).isEqualTo(inMemory.matchStats());
        assertThat(spilled.skewPairs()).isEqualTo(inMemory.skewPairs());
        assertThat(spilled.confusionCounts()).isEqualTo(inMemory.confusionCounts());
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("train.csv", "serving.csv");
        }
    }

    /** One generated pair of tables: rows are maps from column to Long, Double or String (absent: missing). */
    private record Case(
            List<Map<String, Object>> base,
            List<Map<String, Object>> test,
            boolean composite,
            int roundDigits,
            boolean servingNumbersAsFloats) {
        static Case generate(SplittableRandom random) {
            boolean composite = random.nextBoolean();
            int roundDigits = random.nextBoolean() ? 3 : SkewOptions.NO_ROUNDING;
            int ids = Gen.size(random, 1, 40);
            List<Map<String, Object>> base = new ArrayList<>();
            List<Map<String, Object>> test = new ArrayList<>();
            for (int r = Gen.size(random, 0, 60); r > 0; r--) {
                Map<String, Object> row = new LinkedHashMap<>();
                maybe(random, row, "id", (long) random.nextInt(ids));
                if (composite) {
                    maybe(random, row, "k2", Gen.oneOf(random, "a", "b"));
                }
                maybe(random, row, "i", (long) random.nextInt(-3, 4));
                maybe(random, row, "f", random.nextInt(-2000, 2000) / 1000.0);
                maybe(random, row, "s", COLORS.get(random.nextInt(COLORS.size())));
                maybe(random, row, "b", (long) random.nextInt(5));
                maybe(random, row, "ign", (long) random.nextInt(5));
                base.add(row);
                if (random.nextInt(4) != 0) {
                    test.add(servingCopy(random, row, roundDigits));
                }
            }
            for (int r = Gen.size(random, 0, 10); r > 0; r--) { // serving rows with other or no ids
                Map<String, Object> row = new LinkedHashMap<>();
                maybe(random, row, "id", (long) random.nextInt(ids + 5));
                if (composite) {
                    maybe(random, row, "k2", Gen.oneOf(random, "a", "b", "c"));
                }
                maybe(random, row, "f", random.nextInt(-2000, 2000) / 1000.0);
                test.add(row);
            }
            java.util.Collections.shuffle(test, new java.util.Random(random.nextLong()));
            return new Case(base, test, composite, roundDigits, random.nextInt(3) == 0);
        }

        private static Map<String, Object> servingCopy(
                SplittableRandom random, Map<String, Object> row, int roundDigits) {
            Map<String, Object> copy = new LinkedHashMap<>(row);
            copy.remove("b");
            copy.put("ign", 99L);
            if (random.nextInt(4) == 0) {
                copy.put("i", (long) random.nextInt(-3, 4));
            }
            if (random.nextInt(5) == 0) {
                copy.remove("f");
            } else if (copy.get("f") instanceof Double f) {
                int change = random.nextInt(4);
                copy.put("f", change == 0 ? f + 0.5 : change == 1 && roundDigits >= 0 ? f + 1e-6 : f);
            }
            if (random.nextInt(4) == 0) {
                copy.put("s", COLORS.get(random.nextInt(COLORS.size())));
            }
            if (random.nextInt(6) == 0) {
                copy.put("t", "only-" + random.nextInt(3));
            }
            if (random.nextInt(12) == 0) {
                copy.remove("id");
            }
            return copy;
        }

        private static void maybe(SplittableRandom random, Map<String, Object> row, String column, Object value) {
            if (random.nextInt(10) != 0) {
                row.put(column, value);
            }
        }

        /** {@return the CSV text of {@code rows}, with every column any row has; integers as "3.0" if asked} */
        String csv(List<Map<String, Object>> rows, boolean integersAsFloats) {
            List<String> columns = new ArrayList<>(List.of("id", "i", "f", "s", "ign"));
            if (composite) {
                columns.add("k2");
            }
            columns.add(rows == base ? "b" : "t");
            StringBuilder text = new StringBuilder(String.join(",", columns)).append('\n');
            for (Map<String, Object> row : rows) {
                for (int c = 0; c < columns.size(); c++) {
                    Object value = row.get(columns.get(c));
                    text.append(c == 0 ? "" : ",");
                    if (value instanceof Long l && integersAsFloats) {
                        text.append(l).append(".0");
                    } else if (value != null) {
                        text.append(value);
                    }
                }
                text.append('\n');
            }
            return text.toString();
        }
    }

    /** TFDV's definitions, computed the obvious way. */
    private static final class Oracle {
        private final Case c;
        private final SkewOptions options;
        private final List<String> features;
        private final Map<List<String>, List<Map<String, Object>>> baseById = new HashMap<>();
        private final Map<List<String>, List<Map<String, Object>>> testById = new HashMap<>();

        Oracle(Case c, SkewOptions options) {
            this.c = c;
            this.options = options;
            this.features = List.of("b", "f", "i", "s", "t");
            group(c.base, baseById);
            group(c.test, testById);
        }

        private void group(List<Map<String, Object>> rows, Map<List<String>, List<Map<String, Object>>> byId) {
            for (Map<String, Object> row : rows) {
                List<String> id = id(row);
                if (id != null) {
                    byId.computeIfAbsent(id, k -> new ArrayList<>()).add(row);
                }
            }
        }

        private List<String> id(Map<String, Object> row) {
            List<String> id = new ArrayList<>();
            for (String key : options.identifierFeatures()) {
                if (!row.containsKey(key)) {
                    return null;
                }
                id.add(row.get(key).toString());
            }
            return id;
        }

        private List<List<String>> pairs() {
            List<List<String>> pairs = new ArrayList<>();
            for (var e : baseById.entrySet()) {
                List<Map<String, Object>> t = testById.get(e.getKey());
                if (t != null && t.size() == 1 && e.getValue().size() == 1) {
                    pairs.add(e.getKey());
                }
            }
            return pairs;
        }

        MatchStats matchStats() {
            long baseWithId = c.base.stream().filter(r -> id(r) != null).count();
            long testWithId = c.test.stream().filter(r -> id(r) != null).count();
            java.util.Set<List<String>> all = new java.util.HashSet<>(baseById.keySet());
            all.addAll(testById.keySet());
            long missingInBase =
                    all.stream().filter(id -> !baseById.containsKey(id)).count();
            long missingInTest =
                    all.stream().filter(id -> !testById.containsKey(id)).count();
            long duplicates = all.stream()
                    .filter(id -> baseById.containsKey(id)
                            && testById.containsKey(id)
                            && (baseById.get(id).size() > 1 || testById.get(id).size() > 1))
                    .count();
            return new MatchStats(
                    baseWithId,
                    testWithId,
                    all.size(),
                    missingInBase,
                    missingInTest,
                    pairs().size(),
                    duplicates,
                    c.base.size() - baseWithId,
                    c.test.size() - testWithId);
        }

        List<FeatureSkew> featureSkew() {
            List<FeatureSkew> result = new ArrayList<>();
            for (String f : features) {
                long baseCount = 0;
                long testCount = 0;
                long match = 0;
                long mismatch = 0;
                long baseOnly = 0;
                long testOnly = 0;
                for (List<String> id : pairs()) {
                    Object b = baseById.get(id).get(0).get(f);
                    Object t = testById.get(id).get(0).get(f);
                    baseCount += b != null ? 1 : 0;
                    testCount += t != null ? 1 : 0;
                    if (b != null && t != null) {
                        if (equal(b, t)) {
                            match++;
                        } else {
                            mismatch++;
                        }
                    } else if (b != null) {
                        baseOnly++;
                    } else if (t != null) {
                        testOnly++;
                    }
                }
                result.add(new FeatureSkew(
                        f, baseCount, testCount, match, baseOnly, testOnly, mismatch, baseOnly + testOnly + mismatch));
            }
            return result;
        }

        List<ConfusionCount> confusionCounts() {
            List<ConfusionCount> result = new ArrayList<>();
            for (String f : List.of("s", "t")) {
                Map<List<String>, Long> counts = new TreeMap<>(Comparator.<List<String>, String>comparing(l -> l.get(0))
                        .thenComparing(l -> l.get(1)));
                for (List<String> id : pairs()) {
                    Object b = baseById.get(id).get(0).get(f);
                    Object t = testById.get(id).get(0).get(f);
                    if (b != null && t != null && !b.equals(t)) {
                        counts.merge(List.of(b.toString(), t.toString()), 1L, Long::sum);
                    }
                }
                counts.entrySet().stream()
                        .sorted(Comparator.comparing((Map.Entry<List<String>, Long> e) -> -e.getValue())
                                .thenComparing(e -> e.getKey().get(0))
                                .thenComparing(e -> e.getKey().get(1)))
                        .limit(options.confusionTopN())
                        .forEach(e -> result.add(new ConfusionCount(
                                f, e.getKey().get(0), e.getKey().get(1), e.getValue())));
            }
            return result;
        }

        List<List<String>> samples() {
            return pairs().stream()
                    .filter(id -> !mismatched(id).isEmpty() || differsInPresence(id))
                    .sorted(Comparator.<List<String>>comparingLong(id -> Long.parseLong(id.get(0)))
                            .thenComparing(id -> id.size() > 1 ? id.get(1) : ""))
                    .limit(options.sampleSize())
                    .toList();
        }

        private boolean differsInPresence(List<String> id) {
            Map<String, Object> b = baseById.get(id).get(0);
            Map<String, Object> t = testById.get(id).get(0);
            return features.stream().anyMatch(f -> (b.get(f) == null) != (t.get(f) == null));
        }

        List<String> mismatched(List<String> id) {
            Map<String, Object> b = baseById.get(id).get(0);
            Map<String, Object> t = testById.get(id).get(0);
            return features.stream()
                    .filter(f -> b.get(f) != null && t.get(f) != null && !equal(b.get(f), t.get(f)))
                    .toList();
        }

        private boolean equal(Object b, Object t) {
            if (b instanceof String || t instanceof String) {
                return b.equals(t);
            }
            return number(b).compareTo(number(t)) == 0;
        }

        private BigDecimal number(Object value) {
            if (value instanceof Long l) {
                return BigDecimal.valueOf(l);
            }
            double d = (Double) value;
            return options.roundsFloats()
                    ? new BigDecimal(new BigDecimal(d)
                            .setScale(options.floatRoundDigits(), RoundingMode.HALF_EVEN)
                            .doubleValue())
                    : new BigDecimal(d);
        }
    }
}
