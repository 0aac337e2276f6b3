package dev.veracity.io.tfrecord;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.io.FeatureTypes;
import dev.veracity.io.RowBatchBuilder;
import dev.veracity.io.tfrecord.proto.BytesList;
import dev.veracity.io.tfrecord.proto.Example;
import dev.veracity.io.tfrecord.proto.Feature;
import dev.veracity.io.tfrecord.proto.FloatList;
import dev.veracity.io.tfrecord.proto.Int64List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns serialized {@code tf.train.Example}s into rows, as TFDV reads them: {@code int64_list} is INT,
 * {@code float_list} FLOAT (float32 widened exactly to double), {@code bytes_list} STRING (raw bytes). A feature
 * absent from an example, or present with no list set, is missing; an empty list is present with no values. The
 * type of a feature must be the same in every example of the dataset.
 *
 * <pre>{@code
 * ExampleDecoder decoder = new ExampleDecoder(new FeatureTypes());
 * decoder.decode(record.data(), "train.tfrecord: record at byte offset 0", rows);
 * }</pre>
 */
public final class ExampleDecoder {
    private final FeatureTypes types;

    /** @param types the feature types of the dataset, shared by its readers */
    public ExampleDecoder(FeatureTypes types) {
        this.types = Objects.requireNonNull(types, "types is null");
    }

    /**
     * Decodes one example and appends it as a row: either the whole row or, on an error, nothing.
     *
     * @param where the file and record, for messages
     * @throws InputException TFRECORD_INVALID_EXAMPLE if the bytes are not a tf.Example; FEATURE_TYPE_CONFLICT if
     *                        a feature's list type differs from the one seen before
     */
    public void decode(byte[] data, String where, RowBatchBuilder rows) {
        Example example;
        try {
            example = Example.parseFrom(data);
        } catch (InvalidProtocolBufferException e) {
            throw new InputException(
                    ErrorCode.TFRECORD_INVALID_EXAMPLE,
                    where + ": expected a serialized " + "tf.train.Example, found bytes that do not parse ("
                            + e.getMessage() + ")",
                    e);
        }
        checkTypes(example.getFeatures().getFeatureMap(), where, rows);
        append(example.getFeatures().getFeatureMap(), rows);
        rows.endRow();
    }

    /**
     * Checks the types of a record's features against the dataset's before anything is appended.
     *
     * @throws InputException FEATURE_TYPE_CONFLICT if a feature's list type differs from the one seen before
     */
    void checkTypes(Map<String, Feature> features, String where, RowBatchBuilder rows) {
        for (Map.Entry<String, Feature> entry : features.entrySet()) {
            FeatureType type = typeOf(entry.getValue());
            if (type != null) {
                types.check(entry.getKey(), type, where);
                if (rows.conflicts(entry.getKey(), type)) {
                    throw new IllegalStateException("type checked but conflicting: " + entry.getKey());
                }
            }
        }
    }

    /** Appends the features of a record to the current row (without ending it); types checked before. */
    static void append(Map<String, Feature> features, RowBatchBuilder rows) {
        for (Map.Entry<String, Feature> entry : features.entrySet()) {
            Feature feature = entry.getValue();
            FeatureType type = typeOf(feature);
            if (type == null) {
                continue;
            }
            ColumnBuilder column = rows.column(entry.getKey(), type);
            column.startList();
            addValues(feature, column);
            column.endList();
        }
    }

    /** Adds the values of a Feature's list to the current list of a column of its type. */
    static void addValues(Feature feature, ColumnBuilder column) {
        switch (feature.getKindCase()) {
            case INT64_LIST -> {
                Int64List list = feature.getInt64List();
                for (int i = 0; i < list.getValueCount(); i++) {
                    column.addInt(list.getValue(i));
                }
            }
            case FLOAT_LIST -> {
                FloatList list = feature.getFloatList();
                for (int i = 0; i < list.getValueCount(); i++) {
                    column.addFloat(list.getValue(i));
                }
            }
            case BYTES_LIST -> {
                BytesList list = feature.getBytesList();
                for (int i = 0; i < list.getValueCount(); i++) {
                    byte[] bytes = list.getValue(i).toByteArray();
                    column.addString(bytes, 0, bytes.length);
                }
            }
            case KIND_NOT_SET -> {}
        }
    }

    /** {@return the feature type of a Feature's list, or null if it has none (missing)} */
    static FeatureType typeOf(Feature feature) {
        return switch (feature.getKindCase()) {
            case INT64_LIST -> FeatureType.INT;
            case FLOAT_LIST -> FeatureType.FLOAT;
            case BYTES_LIST -> FeatureType.STRING;
            case KIND_NOT_SET -> null;
        };
    }
}
