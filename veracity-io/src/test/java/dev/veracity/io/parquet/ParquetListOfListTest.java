package dev.veracity.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.data.BatchSource;
import dev.veracity.data.IntColumn;
import dev.veracity.data.ListLevels;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.Readers;
import dev.veracity.io.Veracity;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.PresenceAndValencyStatistics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Parquet LIST of LIST (3-level with nulls at every level, and the legacy 2-level encoding) is read as a nested
 * feature with one level per list, checked row by row and statistic by statistic against the generated data, and
 * gives the same statistics as the same data in Avro (an array of arrays).
 */
class ParquetListOfListTest {
    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message grids {
              required int32 id;
              optional group grid (LIST) {
                repeated group list { optional group element (LIST) { repeated group list { optional int64 element; } } }
              }
              optional group legacy (LIST) { repeated group array (LIST) { repeated int64 array; } }
            }""");
    private static final Schema AVRO = new Schema.Parser().parse("""
            {"type": "record", "name": "grids", "fields": [
              {"name": "id", "type": "int"},
              {"name": "grid", "type": ["null", {"type": "array", "items":
                ["null", {"type": "array", "items": ["null", "long"]}]}]},
              {"name": "legacy", "type": ["null", {"type": "array", "items": {"type": "array", "items": "long"}}]}
            ]}""");

    @TempDir
    Path dir;

    /** A row's two features: null when missing; null inner lists and null values in {@code grid} only. */
    private record Row(List<List<Long>> grid, List<List<Long>> legacy) {}

    private static List<Row> rows(long seed, int count) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            rows.add(new Row(lists(random, true), lists(random, false)));
        }
        return rows;
    }

    private static List<List<Long>> lists(Random random, boolean nulls) {
        if (random.nextInt(5) == 0) {
            return null;
        }
        List<List<Long>> outer = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            if (nulls && random.nextInt(4) == 0) {
                outer.add(null);
                continue;
            }
            List<Long> inner = new ArrayList<>();
            for (int j = random.nextInt(4); j > 0; j--) {
                inner.add(nulls && random.nextInt(4) == 0 ? null : (long) random.nextInt(100) - 50);
            }
            outer.add(inner);
        }
        return outer;
    }

    private Path writeParquet(List<Row> rows, int rowGroupBytes) throws IOException {
        Path file = dir.resolve("grids.parquet");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(SCHEMA)
                .withRowGroupSize(rowGroupBytes)
                .withPageSize(512)
                .build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
            int id = 0;
            for (Row row : rows) {
                Group g = groups.newGroup().append("id", id++);
                if (row.grid() != null) {
                    Group grid = g.addGroup("grid");
                    for (List<Long> inner : row.grid()) {
                        Group entry = grid.addGroup("list");
                        if (inner != null) {
                            Group element = entry.addGroup("element");
                            for (Long value : inner) {
                                Group valueEntry = element.addGroup("list");
                                if (value != null) {
                                    valueEntry.append("element", value);
                                }
                            }
                        }
                    }
                }
                if (row.legacy() != null) {
                    Group legacy = g.addGroup("legacy");
                    for (List<Long> inner : row.legacy()) {
                        Group array = legacy.addGroup("array");
                        for (Long value : inner) {
                            array.append("array", value);
                        }
                    }
                }
                writer.write(g);
            }
        }
        return file;
    }

    private Path writeAvro(List<Row> rows) throws IOException {
        Path file = dir.resolve("grids.avro");
        try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(AVRO))) {
            writer.create(AVRO, file.toFile());
            int id = 0;
            for (Row row : rows) {
                GenericRecord record = new GenericData.Record(AVRO);
                record.put("id", id++);
                record.put("grid", row.grid());
                record.put("legacy", row.legacy());
                writer.append(record);
            }
        }
        return file;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void everyRowReadsBackWithItsLevels(long seed) throws IOException {
        List<Row> rows = rows(seed, 3000);
        Path file = writeParquet(rows, 8192);
        List<List<List<Long>>> grids = new ArrayList<>();
        List<List<List<Long>>> legacies = new ArrayList<>();
        try (BatchSource source = Readers.open(file, ReadOptions.DEFAULT)) {
            for (Optional<RecordBatch> b = source.next(); b.isPresent(); b = source.next()) {
                RecordBatch batch = b.get();
                assertThat(batch.nesting().lists())
                        .extracting(ListLevels::column)
                        .containsExactly("grid", "legacy");
                grids.addAll(rowsOf(batch, "grid"));
                legacies.addAll(rowsOf(batch, "legacy"));
            }
        }
        List<List<List<Long>>> expectedGrids = new ArrayList<>();
        for (Row row : rows) {
            expectedGrids.add(withoutNullValues(row.grid()));
        }
        assertThat(grids).isEqualTo(expectedGrids);
        assertThat(legacies).isEqualTo(rows.stream().map(Row::legacy).toList());
    }

    /** {@return the rows of a nested column rebuilt from its values and levels} */
    private static List<List<List<Long>>> rowsOf(RecordBatch batch, String name) {
        IntColumn column = (IntColumn) batch.columns().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
        ListLevels levels = batch.nesting().levelsOf(name).orElseThrow();
        assertThat(levels.levels()).isEqualTo(2);
        assertThat(levels.path()).containsExactly(name);
        List<List<List<Long>>> out = new ArrayList<>();
        for (int r = 0; r < batch.rowCount(); r++) {
            if (!column.present()[r]) {
                out.add(null);
                continue;
            }
            List<List<Long>> outer = new ArrayList<>();
            for (int e = levels.offsets()[0][r]; e < levels.offsets()[0][r + 1]; e++) {
                if (!levels.present()[0][e]) {
                    outer.add(null);
                    continue;
                }
                List<Long> inner = new ArrayList<>();
                for (int v = levels.offsets()[1][e]; v < levels.offsets()[1][e + 1]; v++) {
                    inner.add(column.values()[v]);
                }
                outer.add(inner);
            }
            out.add(outer);
        }
        return out;
    }

    private static List<List<Long>> withoutNullValues(List<List<Long>> lists) {
        if (lists == null) {
            return null;
        }
        List<List<Long>> out = new ArrayList<>();
        for (List<Long> inner : lists) {
            out.add(inner == null ? null : inner.stream().filter(v -> v != null).toList());
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 5})
    void statisticsFollowTheLevelsAndMatchAvro(long seed) throws IOException {
        List<Row> rows = rows(seed, 2000);
        DatasetFeatureStatistics parquet = Veracity.statistics(writeParquet(rows, 1 << 20))
                .compute()
                .statistics()
                .getDatasets(0);
        DatasetFeatureStatistics avro =
                Veracity.statistics(writeAvro(rows)).compute().statistics().getDatasets(0);
        assertThat(parquet.getFeaturesList())
                .extracting(f -> String.join("/", f.getPath().getStepList()))
                .containsExactly("id", "grid", "legacy");
        for (String feature : List.of("grid", "legacy")) {
            CommonStatistics common = feature(parquet, feature).getNumStats().getCommonStats();
            List<List<List<Long>>> data = rows.stream()
                    .map(row -> feature.equals("grid") ? row.grid() : row.legacy())
                    .toList();
            assertThat(common.getPresenceAndValencyStatsList())
                    .as(feature)
                    .containsExactly(bruteLevel0(data), bruteLevel1(data));
            long rowsPresent = data.stream().filter(d -> d != null).count();
            assertThat(common.getNumNonMissing()).isEqualTo(rowsPresent);
            assertThat(common.getNumMissing()).isEqualTo(rows.size() - rowsPresent);
            long values = data.stream()
                    .filter(d -> d != null)
                    .flatMap(List::stream)
                    .filter(i -> i != null)
                    .flatMap(List::stream)
                    .filter(v -> v != null)
                    .count();
            assertThat(common.getTotNumValues()).isEqualTo(values);
            assertThat(feature(parquet, feature)).as(feature).isEqualTo(feature(avro, feature));
        }
        assertThat(parquet.getNumExamples()).isEqualTo(avro.getNumExamples());
    }

    private static FeatureNameStatistics feature(DatasetFeatureStatistics stats, String name) {
        return stats.getFeaturesList().stream()
                .filter(f -> String.join("/", f.getPath().getStepList()).equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** Level 0: per present row, its number of inner lists (null ones included). */
    private static PresenceAndValencyStatistics bruteLevel0(List<List<List<Long>>> data) {
        long present = 0;
        long min = Long.MAX_VALUE;
        long max = 0;
        long total = 0;
        for (List<List<Long>> row : data) {
            if (row != null) {
                present++;
                min = Math.min(min, row.size());
                max = Math.max(max, row.size());
                total += row.size();
            }
        }
        return PresenceAndValencyStatistics.newBuilder()
                .setNumNonMissing(present)
                .setNumMissing(data.size() - present)
                .setMinNumValues(min)
                .setMaxNumValues(max)
                .setTotNumValues(total)
                .build();
    }

    /** Level 1: per present inner list, its number of values (null values left out); a null list is missing. */
    private static PresenceAndValencyStatistics bruteLevel1(List<List<List<Long>>> data) {
        long present = 0;
        long missing = 0;
        long min = Long.MAX_VALUE;
        long max = 0;
        long total = 0;
        for (List<List<Long>> row : data) {
            if (row == null) {
                continue;
            }
            for (List<Long> inner : row) {
                if (inner == null) {
                    missing++;
                    continue;
                }
                long n = inner.stream().filter(v -> v != null).count();
                present++;
                min = Math.min(min, n);
                max = Math.max(max, n);
                total += n;
            }
        }
        return PresenceAndValencyStatistics.newBuilder()
                .setNumNonMissing(present)
                .setNumMissing(missing)
                .setMinNumValues(min)
                .setMaxNumValues(max)
                .setTotNumValues(total)
                .build();
    }
}
