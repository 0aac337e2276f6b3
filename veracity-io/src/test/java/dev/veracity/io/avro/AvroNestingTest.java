package dev.veracity.io.avro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.Veracity;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.PresenceAndValencyStatistics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Avro nested records as STRUCT features and arrays of arrays as nested features, with TFDV's statistics. */
class AvroNestingTest {
    private static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type": "record", "name": "trip", "fields": [
              {"name": "id", "type": "int"},
              {"name": "route", "type": ["null", {"type": "record", "name": "route", "fields": [
                {"name": "miles", "type": ["null", "float"]},
                {"name": "grid", "type": {"type": "array", "items": ["null", {"type": "array", "items": "long"}]}}
              ]}]},
              {"name": "stops", "type": {"type": "array", "items": {"type": "record", "name": "stop", "fields": [
                {"name": "at", "type": "long"}]}}}
            ]}""");

    @TempDir
    Path dir;

    @Test
    void recordsAreStructsAndArraysOfArraysHaveLevels() throws IOException {
        Path file = dir.resolve("trips.avro");
        Schema route = SCHEMA.getField("route").schema().getTypes().get(1);
        Schema stop = SCHEMA.getField("stops").schema().getElementType();
        // rows: route {miles 1.5, grid [[1, 2], [3]]}; no route; route {miles null, grid [null, []]}; route {2, []}
        List<Object[]> rows = List.of(
                new Object[] {1.5f, List.of(List.of(1L, 2L), List.of(3L))},
                new Object[] {},
                new Object[] {null, Arrays.asList(null, List.of())},
                new Object[] {2f, List.of()});
        try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(SCHEMA))) {
            writer.create(SCHEMA, file.toFile());
            int id = 0;
            for (Object[] row : rows) {
                GenericRecord record = new GenericData.Record(SCHEMA);
                record.put("id", id++);
                if (row.length > 0) {
                    GenericRecord r = new GenericData.Record(route);
                    r.put("miles", row[0]);
                    r.put("grid", row[1]);
                    record.put("route", r);
                }
                GenericRecord s = new GenericData.Record(stop);
                s.put("at", 7L);
                record.put("stops", List.of(s, s));
                writer.append(record);
            }
        }
        DatasetFeatureStatistics stats =
                Veracity.statistics(file).compute().statistics().getDatasets(0);
        assertThat(stats.getFeaturesList())
                .extracting(f -> String.join("/", f.getPath().getStepList()))
                .containsExactly("id", "route", "route/miles", "route/grid", "stops.at");
        FeatureNameStatistics struct = stats.getFeatures(1);
        assertThat(struct.getType()).isEqualTo(FeatureNameStatistics.Type.STRUCT);
        CommonStatistics structCommon = struct.getStructStats().getCommonStats();
        assertThat(structCommon.getNumNonMissing()).isEqualTo(3);
        assertThat(structCommon.getNumMissing()).isEqualTo(1);
        assertThat(structCommon.getTotNumValues()).isEqualTo(3);
        // miles: present in 2 of the 3 routes (TFDV counts a field's missing against its struct)
        CommonStatistics miles = stats.getFeatures(2).getNumStats().getCommonStats();
        assertThat(miles.getNumNonMissing()).isEqualTo(2);
        assertThat(miles.getNumMissing()).isEqualTo(1);
        assertThat(miles.getPresenceAndValencyStatsCount()).isZero();
        // grid: [[1, 2], [3]], [null, []], []: steps 2, 2, 0; inner lists present 3 of 4
        CommonStatistics grid = stats.getFeatures(3).getNumStats().getCommonStats();
        assertThat(grid.getNumNonMissing()).isEqualTo(3);
        assertThat(grid.getNumMissing()).isZero();
        assertThat(grid.getMinNumValues()).isZero();
        assertThat(grid.getMaxNumValues()).isEqualTo(3);
        assertThat(grid.getPresenceAndValencyStatsList())
                .containsExactly(
                        PresenceAndValencyStatistics.newBuilder()
                                .setNumNonMissing(3)
                                .setMaxNumValues(2)
                                .setTotNumValues(4)
                                .build(),
                        PresenceAndValencyStatistics.newBuilder()
                                .setNumNonMissing(3)
                                .setNumMissing(1)
                                .setMaxNumValues(2)
                                .setTotNumValues(3)
                                .build());
        // a field under an array of records keeps one flat list per example
        CommonStatistics at = stats.getFeatures(4).getNumStats().getCommonStats();
        assertThat(at.getNumNonMissing()).isEqualTo(4);
        assertThat(at.getTotNumValues()).isEqualTo(8);
    }
}
