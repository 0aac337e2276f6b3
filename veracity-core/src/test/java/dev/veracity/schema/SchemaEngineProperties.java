package dev.veracity.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.proto.Anomalies;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Histogram.HistogramType;
import dev.veracity.proto.Schema;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Laws of inference, update and validation over random hand-made statistics: a schema inferred from or updated
 * with statistics accepts them, and updating is idempotent.
 */
class SchemaEngineProperties {
    private static final String[] NAMES = {"f0", "f1", "f2", "f3", "f4", "f5"};
    private static final String[] WORDS = {
        "a", "b", "c", "true", "false", "1", "0", "-7", "42", "1.5", "nan", "é", "\uFF61", "\uD83D\uDE00", ""
    };
    private static final String[] INTS = {"0", "1", "2", "-7", "42", "9223372036854775807"};

    /** Random but self-consistent statistics of up to six features sharing names with other draws. */
    static DatasetFeatureStatisticsList statistics(SplittableRandom random) {
        long examples = Gen.between(random, 1L, 40L);
        double weight = Gen.oneIn(random, 4) ? Gen.oneOf(random, 0.5, 2.0, 0.01) : 0;
        Stats stats = Stats.examples(examples);
        if (weight > 0) {
            stats.weighted(examples * weight);
        }
        Set<String> used = new LinkedHashSet<>();
        int count = Gen.size(random, 1, NAMES.length);
        for (int i = 0; i < count; i++) {
            String name = Gen.oneOf(random, NAMES);
            if (used.add(name)) {
                feature(random, stats, name, examples, weight);
            }
        }
        if (Gen.oneIn(random, 4)) {
            // a struct and a child, in either order; the struct sometimes absent
            boolean childFirst = random.nextBoolean();
            boolean withStruct = !Gen.oneIn(random, 4);
            if (childFirst) {
                numeric(random, stats.ints("st", "c"), true, examples).values(1, 1);
            }
            if (withStruct) {
                stats.struct("st").present(Gen.between(random, 0L, examples));
            }
            if (!childFirst) {
                numeric(random, stats.ints("st", "c"), true, examples).values(1, 1);
            }
        }
        return stats.build();
    }

    private static void feature(SplittableRandom random, Stats stats, String name, long examples, double weight) {
        int kind = Gen.weighted(random, 3, 3, 4, 1, 1);
        long present = Gen.oneIn(random, 8) ? 0 : Gen.oneIn(random, 2) ? examples : Gen.between(random, 0L, examples);
        long minValues = present == 0 ? 0 : Gen.between(random, 0L, 3L);
        long maxValues = present == 0 ? 0 : minValues + (Gen.oneIn(random, 2) ? 0 : Gen.between(random, 0L, 3L));
        long tot = present == 0 ? 0 : present * minValues + Gen.between(random, 0L, present * (maxValues - minValues));
        Stats.Feature feature = switch (kind) {
            case 0 -> numeric(random, stats.ints(name), true, tot);
            case 1 -> numeric(random, stats.floats(name), false, tot);
            case 2 -> strings(random, stats.strings(name), tot, WORDS);
            case 3 -> strings(random, stats.ints(name), tot, INTS); // categorical INT: its labels are integers
            default -> stats.bytes(name);
        };
        feature.present(present).values(minValues, maxValues).totValues(tot);
        if (kind <= 1 && present > 0 && Gen.oneIn(random, 6)) {
            long inner = Gen.between(random, 0L, 2L);
            feature.level(examples - present, minValues, maxValues)
                    .level(Gen.between(random, 0L, 2L), inner, inner + Gen.between(random, 0L, 2L));
        }
        if (weight > 0) {
            feature.weighted(present * weight, (examples - present) * weight, tot * weight);
        }
    }

    private static Stats.Feature numeric(SplittableRandom random, Stats.Feature feature, boolean integral, long tot) {
        if (tot == 0) {
            return feature;
        }
        double a = integral
                ? Gen.between(random, -5L, 5L)
                : Gen.oneOf(
                        random,
                        -2.5,
                        -1.0,
                        0.0,
                        0.1,
                        1.0,
                        3.75,
                        Double.MAX_VALUE,
                        Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY,
                        1e-40);
        double b = integral ? Gen.between(random, -5L, 5L) : Gen.oneOf(random, -2.5, 0.0, 0.3, 1.0, 7.0);
        double min = Math.min(a, b);
        double max = Math.max(a, b);
        feature.range(min, max);
        if (!integral && Gen.oneIn(random, 4)) {
            feature.nan(Gen.between(random, 1L, tot)).weightedNan(1);
        }
        if (Gen.oneIn(random, 3) && Double.isFinite(min) && Double.isFinite(max)) {
            HistogramType type = Gen.oneOf(random, HistogramType.STANDARD, HistogramType.QUANTILES);
            double middle = min + (max - min) / 2;
            feature.bucket(type, min, middle, tot / 2.0).bucket(type, middle, max, tot - tot / 2.0);
        }
        return feature;
    }

    private static Stats.Feature strings(SplittableRandom random, Stats.Feature feature, long tot, String[] words) {
        if (tot == 0) {
            return feature;
        }
        List<Object> labels = new ArrayList<>();
        List<Object> weighted = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int distinct = Gen.size(random, 1, 6);
        long left = tot;
        for (int i = 0; i < distinct && left > 0; i++) {
            String word = Gen.oneIn(random, 20) ? Long.toString(Gen.between(random, 0, 200)) : Gen.oneOf(random, words);
            if (!seen.add(word)) {
                continue;
            }
            long n = i == distinct - 1 ? left : Gen.between(random, 1L, left);
            left -= n;
            labels.add(word);
            labels.add(n);
            weighted.add(word);
            weighted.add(n * 2);
        }
        feature.labels(labels.toArray()).weightedLabels(weighted.toArray()).unique(seen.size());
        if (Gen.oneIn(random, 10)) {
            feature.invalidUtf8(1);
        }
        return feature;
    }

    private static InferenceOptions options(SplittableRandom random) {
        InferenceOptions options = InferenceOptions.defaults()
                .withShape(random.nextBoolean())
                .withIntValueSets(random.nextBoolean())
                .withMaxDomainSize(Gen.between(random, 0, 8));
        return random.nextBoolean() ? options.withRanges(Gen.oneOf(random, 0.0, 0.1, 1.0)) : options;
    }

    private static void assertClean(Anomalies anomalies, Object... context) {
        assertThat(Validator.isClean(anomalies))
                .as("%s%nfound %s", List.of(context), anomalies)
                .isTrue();
    }

    @SeededProperty(tries = 1000)
    void statisticsConformToTheSchemaInferredFromThem(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DatasetFeatureStatisticsList stats = statistics(random);
        assertClean(Validator.validate(stats, SchemaInference.infer(stats)).run(), stats);
    }

    @SeededProperty(tries = 1000)
    void statisticsConformToTheSchemaInferredWithAnyOptions(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DatasetFeatureStatisticsList stats = statistics(random);
        InferenceOptions options = options(random);
        assertClean(
                Validator.validate(stats, SchemaInference.infer(stats, options)).run(), stats, options);
    }

    @SeededProperty(tries = 1000)
    void statisticsConformToTheSchemaUpdatedWithThem(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DatasetFeatureStatisticsList first = statistics(random);
        DatasetFeatureStatisticsList second = statistics(random);
        Schema updated = SchemaUpdater.update(SchemaInference.infer(first, options(random)), second);
        assertClean(Validator.validate(second, updated).run(), first, second, updated);
    }

    @SeededProperty(tries = 1000)
    void updateIsIdempotent(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DatasetFeatureStatisticsList first = statistics(random);
        DatasetFeatureStatisticsList second = statistics(random);
        Schema once = SchemaUpdater.update(SchemaInference.infer(first, options(random)), second);
        assertThat(SchemaUpdater.update(once, second))
                .as("%s%n%s", first, second)
                .isEqualTo(once);
    }

    @SeededProperty(tries = 300)
    void updatingWithTheSameStatisticsChangesNothing(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DatasetFeatureStatisticsList stats = statistics(random);
        Schema inferred = SchemaInference.infer(stats);
        assertThat(SchemaUpdater.update(inferred, stats)).as("%s", stats).isEqualTo(inferred);
    }
}
