package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.DictionaryCodes;
import dev.veracity.data.FeatureType;
import dev.veracity.data.StringColumn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Strings counted by dictionary entry give the same statistics as the same strings counted value by value: exact,
 * crossing the exact cap (the dictionary path gives way), then sketched, and merged, with invalid UTF-8 and lists.
 */
class StringAccumulatorDictionaryTest {
    @ParameterizedTest
    @ValueSource(ints = {10_000, 40, 12, 1})
    void countingByDictionaryEntryChangesNothing(int maxExact) {
        StatisticsOptions options = StatisticsOptions.DEFAULT.withMaxExactDistinct(maxExact);
        Random random = new Random(maxExact);
        List<byte[]> entries = new ArrayList<>();
        for (int e = 0; e < 60; e++) {
            entries.add(("v" + e * 7).getBytes(StandardCharsets.UTF_8));
        }
        entries.add(new byte[] {(byte) 0xff, 'x'}); // invalid UTF-8
        entries.add(new byte[0]);
        List<StringAccumulator> byValue = new ArrayList<>();
        List<StringAccumulator> byEntry = new ArrayList<>();
        long rows = 0;
        for (int part = 0; part < 2; part++) {
            StringAccumulator values = new StringAccumulator("s", options);
            StringAccumulator coded = new StringAccumulator("s", options);
            for (int batch = 0; batch < 8; batch++) {
                // A dictionary per batch, as per row group; later batches use more entries than earlier ones.
                int used = Math.min(entries.size(), 4 + batch * 8);
                ColumnBuilder builder = ColumnBuilder.of("s", FeatureType.STRING);
                List<Integer> codes = new ArrayList<>();
                int batchRows = 50 + random.nextInt(50);
                for (int r = 0; r < batchRows; r++) {
                    if (random.nextInt(8) == 0) {
                        builder.appendMissing();
                        continue;
                    }
                    builder.startList();
                    for (int v = random.nextInt(3); v >= 0; v--) {
                        int code = random.nextInt(used);
                        byte[] bytes = entries.get(code);
                        builder.addString(bytes, 0, bytes.length);
                        codes.add(code);
                    }
                    builder.endList();
                }
                rows += batchRows;
                StringColumn plain = (StringColumn) builder.build();
                values.add(plain);
                coded.add(withCodes(plain, codes, entries));
            }
            byValue.add(values);
            byEntry.add(coded);
        }
        byValue.get(0).merge(byValue.get(1));
        byEntry.get(0).merge(byEntry.get(1));
        assertThat(byEntry.get(0).result(rows)).isEqualTo(byValue.get(0).result(rows));
        assertThat(byValue.get(0).result(rows).getStringStats().getUnique()).isPositive();
    }

    private static StringColumn withCodes(StringColumn plain, List<Integer> codes, List<byte[]> entries) {
        int[] offsets = new int[entries.size() + 1];
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int e = 0; e < entries.size(); e++) {
            bytes.writeBytes(entries.get(e));
            offsets[e + 1] = bytes.size();
        }
        int[] array = codes.stream().mapToInt(Integer::intValue).toArray();
        return new StringColumn(
                plain.name(),
                plain.rowCount(),
                plain.present(),
                plain.rowOffsets(),
                plain.valueOffsets(),
                plain.bytes(),
                new DictionaryCodes(array, offsets, bytes.toByteArray()));
    }
}
