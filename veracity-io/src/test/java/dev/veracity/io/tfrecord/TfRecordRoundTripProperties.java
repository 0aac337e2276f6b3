package dev.veracity.io.tfrecord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import dev.veracity.io.BadRecords;
import dev.veracity.io.FeatureTypes;
import dev.veracity.io.RowBatchBuilder;
import dev.veracity.io.convert.TfRecordBatchWriter;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

class TfRecordRoundTripProperties {
    private static final String[] NAMES = {"a", "b", "c", "d", "e"};

    /** A row as the model: feature name to its values (a list of Long, Float or byte[]); absent = missing. */
    private static List<Map<String, List<Object>>> rows(SplittableRandom random, Map<String, FeatureType> types) {
        for (String name : NAMES) {
            types.put(name, Gen.oneOf(random, FeatureType.values()));
        }
        List<Map<String, List<Object>>> rows = new ArrayList<>();
        int count = Gen.size(random, 0, 300);
        for (int r = 0; r < count; r++) {
            Map<String, List<Object>> row = new LinkedHashMap<>();
            for (String name : NAMES) {
                if (Gen.oneIn(random, 3)) {
                    continue;
                }
                List<Object> values = new ArrayList<>();
                int n = Gen.size(random, 0, 5);
                for (int i = 0; i < n; i++) {
                    values.add(
                            switch (types.get(name)) {
                                case INT -> Gen.anyLong(random);
                                case FLOAT -> (double) (float) (random.nextDouble() * 2000 - 1000); // float32 values
                                case STRING -> Gen.bytes(random, 12);
                            });
                }
                row.put(name, values);
            }
            rows.add(row);
        }
        return rows;
    }

    private static RecordBatch batch(List<Map<String, List<Object>>> rows, Map<String, FeatureType> types) {
        RowBatchBuilder builder = new RowBatchBuilder();
        for (Map<String, List<Object>> row : rows) {
            row.forEach((name, values) -> {
                ColumnBuilder column = builder.column(name, types.get(name));
                column.startList();
                for (Object value : values) {
                    if (value instanceof Long l) {
                        column.addInt(l);
                    } else if (value instanceof Double d) {
                        column.addFloat(d);
                    } else {
                        byte[] bytes = (byte[]) value;
                        column.addString(bytes, 0, bytes.length);
                    }
                }
                column.endList();
            });
            builder.endRow();
        }
        return builder.build();
    }

    private static byte[] write(RecordBatch batch, boolean gzip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TfRecordBatchWriter writer = new TfRecordBatchWriter(out, gzip);
        writer.write(batch);
        writer.finish();
        return out.toByteArray();
    }

    private static List<Map<String, List<Object>>> read(byte[] bytes, boolean gzip, BadRecords policy, int batchSize)
            throws IOException {
        InputStream in = gzip ? new GZIPInputStream(new ByteArrayInputStream(bytes)) : new ByteArrayInputStream(bytes);
        List<Map<String, List<Object>>> rows = new ArrayList<>();
        try (TfRecordSource source = TfRecordSource.of(in, "t", policy, batchSize, new FeatureTypes())) {
            for (Optional<RecordBatch> b = source.next(); b.isPresent(); b = source.next()) {
                for (int r = 0; r < b.get().rowCount(); r++) {
                    Map<String, List<Object>> row = new LinkedHashMap<>();
                    for (Column column : b.get().columns()) {
                        if (column.present()[r]) {
                            row.put(column.name(), values(column, r));
                        }
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static List<Object> values(Column column, int r) {
        List<Object> values = new ArrayList<>();
        for (int i = column.rowOffsets()[r]; i < column.rowOffsets()[r + 1]; i++) {
            if (column instanceof IntColumn ints) {
                values.add(ints.values()[i]);
            } else if (column instanceof FloatColumn floats) {
                values.add(floats.values()[i]);
            } else {
                StringColumn strings = (StringColumn) column;
                values.add(
                        Arrays.copyOfRange(strings.bytes(), strings.valueOffsets()[i], strings.valueOffsets()[i + 1]));
            }
        }
        return values;
    }

    /** Byte arrays compared by content. */
    private static String text(List<Map<String, List<Object>>> rows) {
        StringBuilder text = new StringBuilder();
        for (Map<String, List<Object>> row : rows) {
            row.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                text.append(e.getKey()).append('=');
                for (Object v : e.getValue()) {
                    text.append(v instanceof byte[] b ? Arrays.toString(b) : v.toString())
                            .append(';');
                }
                text.append(' ');
            });
            text.append('\n');
        }
        return text.toString();
    }

    @SeededProperty(tries = 100)
    void whatIsWrittenIsReadBack(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, FeatureType> types = new LinkedHashMap<>();
        List<Map<String, List<Object>>> rows = rows(random, types);
        boolean gzip = random.nextBoolean();
        byte[] bytes = write(batch(rows, types), gzip);
        assertThat(text(read(bytes, gzip, BadRecords.FAIL, Gen.between(random, 1, 50))))
                .isEqualTo(text(rows));
    }

    @SeededProperty(tries = 200)
    void aDamagedFileFailsWithAnInputErrorOrSkipsOnlyDamagedRecords(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, FeatureType> types = new LinkedHashMap<>();
        List<Map<String, List<Object>>> rows = rows(random, types);
        byte[] bytes = write(batch(rows, types), false);
        if (bytes.length == 0) {
            return;
        }
        byte[] damaged =
                Gen.oneIn(random, 3) ? Arrays.copyOf(bytes, random.nextInt(bytes.length)) : flip(bytes, random);
        try {
            read(damaged, false, BadRecords.FAIL, 64);
        } catch (InputException expected) {
            // The documented outcome; anything else fails the property.
        }
        List<Map<String, List<Object>>> kept = read(damaged, false, BadRecords.SKIP, 64);
        assertThat(kept.size()).isLessThanOrEqualTo(rows.size());
        // Every record that is kept is one of the written ones, in order (CRC32C catches every 1-byte error).
        String all = text(rows);
        int from = 0;
        for (Map<String, List<Object>> row : kept) {
            String one = text(List.of(row));
            int at = all.indexOf(one, from);
            assertThat(at).as("kept record %s", one).isGreaterThanOrEqualTo(0);
            from = at + one.length();
        }
    }

    private static byte[] flip(byte[] bytes, SplittableRandom random) {
        byte[] damaged = bytes.clone();
        damaged[random.nextInt(damaged.length)] ^= (byte) Gen.between(random, 1, 255);
        return damaged;
    }
}
