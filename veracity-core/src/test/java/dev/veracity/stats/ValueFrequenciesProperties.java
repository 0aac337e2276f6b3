package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.testing.BruteForceStatistics;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Exact mode of {@link ValueFrequencies}: counts of distinct byte strings, merged and ranked like TFDV. */
class ValueFrequenciesProperties {
    private static final int MAX_EXACT = 10_000;
    private static final int LIMIT = 1_000;
    private static final byte[] ALPHABET = {'a', 'b', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF, 0};

    /** Up to 400 values from a small alphabet (so they repeat and tie), including bytes that are not UTF-8. */
    static List<byte[]> values(SplittableRandom random) {
        int size = Gen.size(random, 0, 400);
        List<byte[]> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            byte[] value = new byte[Gen.size(random, 0, 3)];
            for (int j = 0; j < value.length; j++) {
                value[j] = Gen.oneByteOf(random, ALPHABET);
            }
            values.add(value);
        }
        return values;
    }

    /** Edge cases: no values, one empty value, many copies of one value. */
    private static final List<List<byte[]>> EDGE_VALUES = List.of(
            List.of(),
            List.of(new byte[0]),
            Collections.nCopies(400, new byte[] {(byte) 0xFF}),
            List.of(new byte[] {'a'}, new byte[] {'b'}));

    private static ValueFrequencies count(List<byte[]> values) {
        ValueFrequencies frequencies = new ValueFrequencies(MAX_EXACT);
        for (byte[] value : values) {
            byte[] padded = new byte[value.length + 2];
            System.arraycopy(value, 0, padded, 1, value.length);
            frequencies.add(padded, 1, value.length, BruteForceStatistics.isValidUtf8(value));
        }
        return frequencies;
    }

    @SeededProperty(tries = 1000)
    void mergeOfPartsEqualsWhole(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        mergeOfPartsEqualsWhole(values(random), RowGenerators.cuts(random));
    }

    private static void mergeOfPartsEqualsWhole(List<byte[]> values, List<Integer> cuts) {
        List<List<byte[]>> parts = Rows.split(values, cuts);
        ValueFrequencies merged = count(parts.get(0));
        for (List<byte[]> part : parts.subList(1, parts.size())) {
            merged.merge(count(part));
        }
        assertThat(merged.result(LIMIT)).isEqualTo(count(values).result(LIMIT));
    }

    @SeededProperty(tries = 1000)
    void resultRanksLikeTheOracle(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        resultRanksLikeTheOracle(values(random), Gen.between(random, 0, 50));
    }

    private static void resultRanksLikeTheOracle(List<byte[]> values, int limit) {
        List<byte[][]> rows = new ArrayList<>();
        rows.add(values.toArray(new byte[0][]));
        BruteForceStatistics.Strings oracle = BruteForceStatistics.strings(rows);
        ValueFrequencies.Frequencies result = count(values).result(limit);
        assertThat(result.exact()).isTrue();
        assertThat(result.unique()).isEqualTo(oracle.unique());
        assertThat(result.maxCountError()).isZero();
        List<BruteForceStatistics.LabelCount> expected =
                oracle.ranked().subList(0, Math.min(limit, oracle.ranked().size()));
        assertThat(result.top())
                .extracting(t -> new BruteForceStatistics.LabelCount(t.label(), t.count()))
                .containsExactlyElementsOf(expected);
    }

    @SeededProperty(tries = 1000)
    void roundTripThroughBytesKeepsTheCounts(long seed) throws IOException {
        roundTripThroughBytesKeepsTheCounts(values(new SplittableRandom(seed)));
    }

    private static void roundTripThroughBytesKeepsTheCounts(List<byte[]> values) throws IOException {
        ValueFrequencies frequencies = count(values);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            frequencies.write(out);
        }
        ValueFrequencies restored =
                ValueFrequencies.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), MAX_EXACT);
        assertThat(restored.result(LIMIT)).isEqualTo(frequencies.result(LIMIT));
    }

    @Test
    void edgeCases() throws IOException {
        for (List<byte[]> values : EDGE_VALUES) {
            for (List<Integer> cuts : RowGenerators.EDGE_CUTS) {
                mergeOfPartsEqualsWhole(values, cuts);
            }
            for (int limit : new int[] {0, 1, 50}) {
                resultRanksLikeTheOracle(values, limit);
            }
            roundTripThroughBytesKeepsTheCounts(values);
        }
    }
}
