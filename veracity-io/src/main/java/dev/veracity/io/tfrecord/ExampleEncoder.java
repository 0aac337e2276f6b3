package dev.veracity.io.tfrecord;

import com.google.protobuf.ByteString;
import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import dev.veracity.io.tfrecord.proto.BytesList;
import dev.veracity.io.tfrecord.proto.Example;
import dev.veracity.io.tfrecord.proto.Feature;
import dev.veracity.io.tfrecord.proto.Features;
import dev.veracity.io.tfrecord.proto.FloatList;
import dev.veracity.io.tfrecord.proto.Int64List;

/**
 * Turns a row of a {@link RecordBatch} into a {@code tf.train.Example}: INT as {@code int64_list}, FLOAT as
 * {@code float_list} (rounded to float32, as TensorFlow stores floats), STRING as {@code bytes_list}; a missing value
 * is an absent feature, a present empty list an empty list. Features are written in column order.
 *
 * <pre>{@code
 * for (int r = 0; r < batch.rowCount(); r++) writer.write(ExampleEncoder.encode(batch, r).toByteArray());
 * }</pre>
 */
public final class ExampleEncoder {
    private ExampleEncoder() {}

    /** {@return row {@code row} of the batch as an example} */
    public static Example encode(RecordBatch batch, int row) {
        Features.Builder features = Features.newBuilder();
        for (Column column : batch.columns()) {
            if (!column.present()[row]) {
                continue;
            }
            int from = column.rowOffsets()[row];
            int to = column.rowOffsets()[row + 1];
            Feature.Builder feature = Feature.newBuilder();
            if (column instanceof IntColumn ints) {
                Int64List.Builder list = Int64List.newBuilder();
                for (int i = from; i < to; i++) {
                    list.addValue(ints.values()[i]);
                }
                feature.setInt64List(list);
            } else if (column instanceof FloatColumn floats) {
                FloatList.Builder list = FloatList.newBuilder();
                for (int i = from; i < to; i++) {
                    list.addValue((float) floats.values()[i]);
                }
                feature.setFloatList(list);
            } else if (column instanceof StringColumn strings) {
                BytesList.Builder list = BytesList.newBuilder();
                for (int i = from; i < to; i++) {
                    int start = strings.valueOffsets()[i];
                    int length = strings.valueOffsets()[i + 1] - start;
                    list.addValue(ByteString.copyFrom(strings.bytes(), start, length));
                }
                feature.setBytesList(list);
            }
            features.putFeature(column.name(), feature.build());
        }
        return Example.newBuilder().setFeatures(features).build();
    }
}
