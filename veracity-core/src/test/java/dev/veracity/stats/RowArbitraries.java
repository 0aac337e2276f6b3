package dev.veracity.stats;

import dev.veracity.data.FeatureType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries for rows, their number uniform (jqwik's default favours small sizes, which would keep every sketch
 * exact): missing rows, empty lists, short lists and lists of 60 to 70 values (past the exact
 * value-count limit); values with NaN, infinities, zeros of both signs and negatives, or strings with non-ASCII text,
 * invalid UTF-8 and empty strings.
 */
final class RowArbitraries {
    static final int MAX_ROWS = 300;

    private RowArbitraries() {
    }

    static Arbitrary<Double> floatValues() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0)),
                Tuple.of(4, Arbitraries.integers().between(-50, 50).map(Integer::doubleValue)),
                Tuple.of(4, Arbitraries.doubles().between(-1e6, 1e6)));
    }

    static Arbitrary<Double> intValues() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(-100, 100).map(Integer::doubleValue)),
                Tuple.of(1, Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L)
                        .map(Long::doubleValue)));
    }

    static Arbitrary<byte[]> stringValues() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of("a", "b", "c", "ab", "", "é", "日本", "😀", "Straße")
                        .map(RowArbitraries::utf8)),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(4).map(RowArbitraries::utf8)),
                Tuple.of(1, Arbitraries.of(GeneratedRows.INVALID_UTF8)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(3)));
    }

    /** {@return rows of doubles: FLOAT values, or integral INT values} */
    static Arbitrary<List<double[]>> numericRows(FeatureType type, int minRows, int maxRows) {
        Arbitrary<Double> value = type == FeatureType.INT ? intValues() : floatValues();
        Arbitrary<double[]> row = Arbitraries.frequencyOf(
                        Tuple.of(12, value.array(double[].class).ofMaxSize(5)),
                        Tuple.of(1, value.array(double[].class).ofMinSize(60).ofMaxSize(70)))
                .injectNull(0.1);
        return row.list().ofMinSize(minRows).ofMaxSize(maxRows).withSizeDistribution(RandomDistribution.uniform());
    }

    static Arbitrary<List<byte[][]>> stringRows(int minRows, int maxRows) {
        Arbitrary<byte[][]> row = Arbitraries.frequencyOf(
                        Tuple.of(12, stringValues().array(byte[][].class).ofMaxSize(5)),
                        Tuple.of(1, stringValues().array(byte[][].class).ofMinSize(60).ofMaxSize(70)))
                .injectNull(0.1);
        return row.list().ofMinSize(minRows).ofMaxSize(maxRows).withSizeDistribution(RandomDistribution.uniform());
    }

    /** {@return tables of 0 to {@link #MAX_ROWS} rows of a FLOAT, an INT and a STRING feature} */
    static Arbitrary<Rows.Table> tables() {
        Arbitrary<Integer> sizes = Arbitraries.integers().between(0, MAX_ROWS)
                .withDistribution(RandomDistribution.uniform());
        return sizes.flatMap(n -> Combinators.combine(numericRows(FeatureType.FLOAT, n, n),
                numericRows(FeatureType.INT, n, n), stringRows(n, n)).as(Rows.Table::new));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
