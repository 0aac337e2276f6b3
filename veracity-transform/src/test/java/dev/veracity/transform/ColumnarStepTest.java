package dev.veracity.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.veracity.data.Column;
import dev.veracity.data.DictionaryCodes;
import dev.veracity.data.FeatureType;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import dev.veracity.testing.SeededProperty;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The columnar batch path gives, column for column, what the row path gives, on awkward generated batches. */
class ColumnarStepTest {
    private static final String SPEC = """
            transforms:
              - {name: z, op: scale_to_z_score, input: x}
              - {name: zn, op: scale_to_z_score, input: n}
              - {name: s01, op: scale_to_0_1, input: x}
              - {name: mm, op: scale_by_min_max, input: n, output_min: -1, output_max: 1}
              - {name: l, op: log1p, input: x}
              - {name: c, op: clip, input: x, min: -1, max: 1}
              - {name: b, op: bucketize, input: n, num_buckets: 3}
              - {name: ab, op: apply_buckets, input: x, boundaries: [-1, 0, 2.5]}
              - {name: v, op: compute_and_apply_vocabulary, input: s, num_oov_buckets: 3}
              - {name: vd, op: compute_and_apply_vocabulary, input: s, default_value: -7}
              - {name: h, op: hash_strings, input: s, hash_buckets: 1000}
              - {name: gone, op: hash_strings, input: absent, hash_buckets: 10}
            keep: [s]
            """;

    /** Tokens, with non-ASCII ones, one that is an entry's encoding of a lone surrogate ("?"), and the empty one. */
    private static final String[] TOKENS = {"red", "blue", "green", "dé", "?", "", "ochre", "x y", "日本"};

    private static TransformFn fn() {
        TransformSpec spec = TransformSpec.parse(Path.of("spec.yaml"), SPEC);
        Constants none = Constants.NONE;
        Constants moments = new Constants(10, 0.5, 2, -3, 4, List.of(), 0, List.of(), List.of(), 0, "");
        Constants flat = new Constants(10, 1, 0, 2, 2, List.of(), 0, List.of(), List.of(), 0, "");
        Constants buckets = new Constants(10, 0, 0, 0, 0, List.of(1.0, 3.0), 0, List.of(), List.of(), 0, "");
        // the vocabulary repeats "blue" (the later position wins in the row path's map) and holds a lone surrogate
        Constants vocabulary = new Constants(
                0, 0, 0, 0, 0, List.of(), 0, List.of("red", "blue", "dé", "\uD800", "", "blue"), List.of(), 0, "");
        List<Constants> constants =
                List.of(moments, moments, moments, flat, none, none, buckets, none, vocabulary, vocabulary, none, none);
        return new TransformFn(
                spec,
                Map.of(
                        "x",
                        FeatureType.FLOAT,
                        "n",
                        FeatureType.INT,
                        "s",
                        FeatureType.STRING,
                        "absent",
                        FeatureType.STRING),
                constants);
    }

    /** A batch of rows with missing rows, empty and longer lists, NaN and infinities, invalid UTF-8. */
    private static RecordBatch batch(SplittableRandom random, int rows, boolean dictionary) {
        boolean[][] present = new boolean[3][rows];
        int[][] offsets = new int[3][rows + 1];
        List<Double> xs = new ArrayList<>();
        List<Long> ns = new ArrayList<>();
        List<Integer> codes = new ArrayList<>();
        List<byte[]> entries = new ArrayList<>();
        for (String token : TOKENS) {
            entries.add(token.getBytes(StandardCharsets.UTF_8));
        }
        entries.add(new byte[] {(byte) 0xC3}); // invalid UTF-8
        entries.add(new byte[] {'r', 'e', (byte) 0xFF});
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < 3; c++) {
                present[c][r] = random.nextInt(8) != 0;
                int count = !present[c][r] ? 0 : random.nextInt(6) == 0 ? random.nextInt(4) : 1;
                for (int i = 0; i < count; i++) {
                    switch (c) {
                        case 0 ->
                            xs.add(
                                    switch (random.nextInt(12)) {
                                        case 0 -> Double.POSITIVE_INFINITY;
                                        case 1 -> -0.0;
                                        case 2 -> 1.0; // a boundary
                                        default -> random.nextGaussian() * 3;
                                    });
                        case 1 -> ns.add((long) random.nextInt(7) - 2);
                        default -> codes.add(random.nextInt(entries.size()));
                    }
                }
                offsets[c][r + 1] = offsets[c][r] + count;
            }
        }
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        long[] n = ns.stream().mapToLong(Long::longValue).toArray();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int[] valueOffsets = new int[codes.size() + 1];
        for (int i = 0; i < codes.size(); i++) {
            byte[] value = entries.get(codes.get(i));
            bytes.write(value, 0, value.length);
            valueOffsets[i + 1] = valueOffsets[i] + value.length;
        }
        DictionaryCodes dictionaryCodes = null;
        if (dictionary) {
            ByteArrayOutputStream entryBytes = new ByteArrayOutputStream();
            int[] entryOffsets = new int[entries.size() + 1];
            for (int e = 0; e < entries.size(); e++) {
                entryBytes.write(entries.get(e), 0, entries.get(e).length);
                entryOffsets[e + 1] = entryOffsets[e] + entries.get(e).length;
            }
            dictionaryCodes = new DictionaryCodes(
                    codes.stream().mapToInt(Integer::intValue).toArray(), entryOffsets, entryBytes.toByteArray());
        }
        return new RecordBatch(
                rows,
                List.of(
                        new FloatColumn("x", rows, present[0], offsets[0], x),
                        new IntColumn("n", rows, present[1], offsets[1], n),
                        new StringColumn(
                                "s",
                                rows,
                                present[2],
                                offsets[2],
                                valueOffsets,
                                bytes.toByteArray(),
                                dictionaryCodes)));
    }

    /** {@return a column's rows as values: null when missing, else the list of its values (doubles by bits)} */
    private static List<List<Object>> rows(Column column) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < column.rowCount(); r++) {
            if (!column.present()[r]) {
                rows.add(null);
                continue;
            }
            List<Object> values = new ArrayList<>();
            for (int i = column.rowOffsets()[r]; i < column.rowOffsets()[r + 1]; i++) {
                if (column instanceof IntColumn ints) {
                    values.add(ints.values()[i]);
                } else if (column instanceof FloatColumn floats) {
                    values.add(Double.doubleToRawLongBits(floats.values()[i]));
                } else {
                    StringColumn strings = (StringColumn) column;
                    int start = strings.valueOffsets()[i];
                    values.add(new String(
                            strings.bytes(),
                            start,
                            strings.valueOffsets()[i + 1] - start,
                            StandardCharsets.ISO_8859_1));
                }
            }
            rows.add(values);
        }
        return rows;
    }

    @SeededProperty(tries = 20)
    void columnarOutputEqualsTheRowPaths(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TransformFn fn = fn();
        RecordBatch batch = batch(random, 1 + random.nextInt(300), random.nextBoolean());
        RecordBatch columnar = fn.apply(batch, 1, true);
        RecordBatch byRow = fn.apply(batch, 1, false);
        assertThat(columnar.rowCount()).isEqualTo(byRow.rowCount());
        assertThat(columnar.columns()).hasSameSizeAs(byRow.columns());
        for (int c = 0; c < byRow.columns().size(); c++) {
            Column expected = byRow.columns().get(c);
            Column actual = columnar.columns().get(c);
            assertThat(actual.name()).isEqualTo(expected.name());
            assertThat(actual.type()).isEqualTo(expected.type());
            assertThat(rows(actual)).as(expected.name()).isEqualTo(rows(expected));
        }
    }

    @Test
    void nanToBucketizeNamesTheSameRecordOnBothPaths() {
        TransformFn fn = fn();
        int rows = 5;
        boolean[] present = {true, false, true, true, true};
        RecordBatch batch = new RecordBatch(
                rows,
                List.of(
                        new FloatColumn(
                                "x", rows, present, new int[] {0, 1, 1, 2, 3, 4}, new double[] {0, 1, Double.NaN, 2}),
                        new IntColumn("n", rows, present, new int[] {0, 1, 1, 2, 3, 4}, new long[] {1, 2, 3, 4}),
                        new StringColumn(
                                "s",
                                rows,
                                present,
                                new int[] {0, 1, 1, 2, 3, 4},
                                new int[] {0, 1, 2, 3, 4},
                                "abcd".getBytes(StandardCharsets.UTF_8))));
        Throwable columnar = catchThrowable(() -> fn.apply(batch, 41, true));
        Throwable byRow = catchThrowable(() -> fn.apply(batch, 41, false));
        assertThat(columnar).isNotNull().hasMessage(byRow.getMessage()).hasMessageContaining("record 44");
    }

    @Test
    void asciiIndexFindsEntriesByBytesAndTheLaterOfRepeatedOnes() {
        AsciiIndex index = new AsciiIndex(List.of("red", "blue", "dé", "\uD800", "", "blue"));
        assertThat(index.find("red".getBytes(StandardCharsets.US_ASCII), 0, 3)).isEqualTo(0);
        assertThat(index.find("xblue".getBytes(StandardCharsets.US_ASCII), 1, 4))
                .isEqualTo(5);
        assertThat(index.find(new byte[0], 0, 0)).isEqualTo(4);
        assertThat(index.find("?".getBytes(StandardCharsets.US_ASCII), 0, 1)).isEqualTo(-1);
        assertThat(index.find("green".getBytes(StandardCharsets.US_ASCII), 0, 5))
                .isEqualTo(-1);
        assertThat(index.find("dé".getBytes(StandardCharsets.UTF_8), 0, 3)).isEqualTo(AsciiIndex.NOT_ASCII);
    }

    @Test
    void asciiCheckSeesATopBitAnywhereInTheRange() {
        for (int length = 0; length < 40; length++) {
            byte[] bytes = new byte[length + 6];
            java.util.Arrays.fill(bytes, (byte) 'a');
            bytes[0] = (byte) 0xC3; // outside the range
            bytes[length + 5] = (byte) 0xA9;
            assertThat(ColumnarStep.ascii(bytes, 3, length)).isTrue();
            for (int at = 3; at < 3 + length; at++) {
                bytes[at] = (byte) 0x80;
                assertThat(ColumnarStep.ascii(bytes, 3, length))
                        .as("length %d, at %d", length, at)
                        .isFalse();
                bytes[at] = 'a';
            }
        }
    }

    @Test
    void unsignedRemainderIsLongRemainderUnsigned() {
        java.util.Random random = new java.util.Random(17);
        long[] divisors = {1, 2, 3, 7, 1000, 1L << 32, Long.MAX_VALUE};
        for (int i = 0; i < 100_000; i++) {
            long value = i < 4 ? new long[] {0, -1, Long.MIN_VALUE, Long.MAX_VALUE}[i] : random.nextLong();
            long buckets = i % 2 == 0 ? divisors[i % divisors.length] : 1 + (random.nextLong() & Long.MAX_VALUE - 1);
            assertThat(Text.unsignedRemainder(value, buckets)).isEqualTo(Long.remainderUnsigned(value, buckets));
        }
    }
}
