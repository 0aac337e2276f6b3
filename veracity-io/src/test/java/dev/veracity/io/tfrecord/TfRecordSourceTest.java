package dev.veracity.io.tfrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import dev.veracity.io.BadRecords;
import dev.veracity.io.FeatureTypes;
import dev.veracity.io.tfrecord.proto.BytesList;
import dev.veracity.io.tfrecord.proto.Example;
import dev.veracity.io.tfrecord.proto.Feature;
import dev.veracity.io.tfrecord.proto.Features;
import dev.veracity.io.tfrecord.proto.FloatList;
import dev.veracity.io.tfrecord.proto.Int64List;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfRecordSourceTest {
    @TempDir
    Path dir;

    private static Feature ints(long... values) {
        Int64List.Builder list = Int64List.newBuilder();
        for (long v : values) {
            list.addValue(v);
        }
        return Feature.newBuilder().setInt64List(list).build();
    }

    private static Feature floats(float... values) {
        FloatList.Builder list = FloatList.newBuilder();
        for (float v : values) {
            list.addValue(v);
        }
        return Feature.newBuilder().setFloatList(list).build();
    }

    private static Feature strings(String... values) {
        BytesList.Builder list = BytesList.newBuilder();
        for (String v : values) {
            list.addValue(ByteString.copyFromUtf8(v));
        }
        return Feature.newBuilder().setBytesList(list).build();
    }

    private Path write(String name, boolean gzip, Example... examples) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream out = gzip ? new GZIPOutputStream(raw) : raw) {
            TfRecordWriter writer = new TfRecordWriter(out);
            for (Example example : examples) {
                writer.write(example.toByteArray());
            }
        }
        return file;
    }

    private static Example example(Object... nameThenFeature) {
        Features.Builder features = Features.newBuilder();
        for (int i = 0; i < nameThenFeature.length; i += 2) {
            features.putFeature((String) nameThenFeature[i], (Feature) nameThenFeature[i + 1]);
        }
        return Example.newBuilder().setFeatures(features).build();
    }

    @Test
    void decodesListsAndMissingFeatures() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            Path file = write(
                    gzip ? "a.tfrecord.gz" : "a.tfrecord",
                    gzip,
                    example("age", ints(30), "tags", strings("x", "y"), "score", floats(0.5f)),
                    example("age", ints(), "score", Feature.getDefaultInstance()),
                    example("tags", strings("z")));
            try (TfRecordSource source = TfRecordSource.open(file, BadRecords.FAIL, 2, new FeatureTypes())) {
                RecordBatch first = source.next().orElseThrow();
                assertThat(first.rowCount()).isEqualTo(2);
                IntColumn age = (IntColumn) first.columns().get(0);
                assertThat(age.present()).startsWith(true, true);
                assertThat(age.rowOffsets()).startsWith(0, 1, 1);
                StringColumn tags = (StringColumn) first.columns().get(1);
                assertThat(tags.present()).startsWith(true, false);
                FloatColumn score = (FloatColumn) first.columns().get(2);
                assertThat(score.present()).startsWith(true, false); // a Feature with no list is missing
                assertThat(score.values()).startsWith(0.5);
                RecordBatch second = source.next().orElseThrow();
                assertThat(second.rowCount()).isEqualTo(1);
                assertThat(second.columns()).hasSize(3);
                assertThat(source.next()).isEmpty();
            }
        }
    }

    @Test
    void aTypeConflictNamesBothRecords() throws IOException {
        Path file = write("c.tfrecord", false, example("x", ints(1)), example("x", floats(1f)));
        try (TfRecordSource source = TfRecordSource.open(file, BadRecords.FAIL, 10, new FeatureTypes())) {
            assertThatThrownBy(source::next)
                    .hasMessage(file + ": record at byte offset 30: feature \"x\": expected " + "INT as first seen at "
                            + file + ": record at byte offset 0, found FLOAT");
        }
        try (TfRecordSource source = TfRecordSource.open(file, BadRecords.SKIP, 10, new FeatureTypes())) {
            assertThat(source.next().orElseThrow().rowCount()).isEqualTo(1);
            assertThat(source.skippedRecords()).isEqualTo(1);
        }
    }

    @Test
    void bytesThatAreNotAnExampleAreAnError() throws IOException {
        Path file = dir.resolve("bad.tfrecord");
        try (OutputStream out = Files.newOutputStream(file)) {
            new TfRecordWriter(out).write(new byte[] {(byte) 0xff, (byte) 0xff});
        }
        try (TfRecordSource source = TfRecordSource.open(file, BadRecords.FAIL, 10, new FeatureTypes())) {
            assertThatThrownBy(source::next)
                    .hasMessageStartingWith(file + ": record at byte offset 0: expected a "
                            + "serialized tf.train.Example or tf.train.SequenceExample, found bytes that do not parse");
        }
    }
}
