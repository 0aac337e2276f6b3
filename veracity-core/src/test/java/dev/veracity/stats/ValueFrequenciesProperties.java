package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Exact mode of {@link ValueFrequencies}: counts of distinct byte strings, merged and ranked like TFDV. */
class ValueFrequenciesProperties {
    private static final int MAX_EXACT = 10_000;
    private static final int LIMIT = 1_000;

    /** Values from a small alphabet (so they repeat and tie), including bytes that are not UTF-8. */
    @Provide
    Arbitrary<List<byte[]>> values() {
        return Arbitraries.of((byte) 'a', (byte) 'b', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF, (byte) 0)
                .array(byte[].class).ofMaxSize(3).list().ofMaxSize(400);
    }

    private static ValueFrequencies count(List<byte[]> values) {
        ValueFrequencies frequencies = new ValueFrequencies(MAX_EXACT);
        for (byte[] value : values) {
            byte[] padded = new byte[value.length + 2];
            System.arraycopy(value, 0, padded, 1, value.length);
            frequencies.add(padded, 1, value.length, BruteForceStatistics.isValidUtf8(value));
        }
        return frequencies;
    }

    @Property
    void mergeOfPartsEqualsWhole(@ForAll("values") List<byte[]> values,
            @ForAll @Size(max = 7) List<@IntRange(min = 0, max = 10_000) Integer> cuts) {
        List<List<byte[]>> parts = Rows.split(values, cuts);
        ValueFrequencies merged = count(parts.get(0));
        for (List<byte[]> part : parts.subList(1, parts.size())) {
            merged.merge(count(part));
        }
        assertThat(merged.result(LIMIT)).isEqualTo(count(values).result(LIMIT));
    }

    @Property
    void resultRanksLikeTheOracle(@ForAll("values") List<byte[]> values,
            @ForAll @IntRange(min = 0, max = 50) int limit) {
        List<byte[][]> rows = new ArrayList<>();
        rows.add(values.toArray(new byte[0][]));
        BruteForceStatistics.Strings oracle = BruteForceStatistics.strings(rows);
        ValueFrequencies.Frequencies result = count(values).result(limit);
        assertThat(result.exact()).isTrue();
        assertThat(result.unique()).isEqualTo(oracle.unique());
        assertThat(result.maxCountError()).isZero();
        List<BruteForceStatistics.LabelCount> expected =
                oracle.ranked().subList(0, Math.min(limit, oracle.ranked().size()));
        assertThat(result.top()).extracting(t -> new BruteForceStatistics.LabelCount(t.label(), t.count()))
                .containsExactlyElementsOf(expected);
    }

    @Property
    void roundTripThroughBytesKeepsTheCounts(@ForAll("values") List<byte[]> values) throws IOException {
        ValueFrequencies frequencies = count(values);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            frequencies.write(out);
        }
        ValueFrequencies restored =
                ValueFrequencies.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), MAX_EXACT);
        assertThat(restored.result(LIMIT)).isEqualTo(frequencies.result(LIMIT));
    }
}
