package dev.veracity.io.tfrecord;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.ListLevels;
import dev.veracity.data.Nesting;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StructRows;
import dev.veracity.io.FeatureTypes;
import dev.veracity.io.RowBatchBuilder;
import dev.veracity.io.tfrecord.proto.Feature;
import dev.veracity.io.tfrecord.proto.FeatureList;
import dev.veracity.io.tfrecord.proto.SequenceExample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns serialized {@code tf.train.SequenceExample}s (and {@code tf.train.Example}s, which have the same bytes as a
 * sequence example with only a context) into rows, as tfx-bsl's {@code SequenceExamplesToRecordBatchDecoder} does:
 * context features are flat features as in a {@code tf.Example}; each feature list {@code x} is a nested feature
 * {@code ##SEQUENCE##.x} (path steps {@code ##SEQUENCE##}, {@code x}) of two levels, steps per example and values per
 * step, under the struct {@code ##SEQUENCE##}, present in every example once a feature list was seen. A feature list
 * absent from an example is missing; present without steps it is an empty list; a step without a list set is a
 * missing inner list. The type of a feature list is that of its steps, the same in every step and example.
 *
 * <pre>{@code
 * SequenceExampleDecoder decoder = new SequenceExampleDecoder(new FeatureTypes());
 * decoder.decode(record.data(), "train.tfrecord: record at byte offset 0", rows);
 * RecordBatch batch = decoder.build(rows);
 * }</pre>
 */
public final class SequenceExampleDecoder {
    /** The struct that holds the feature lists, as TFX names it. */
    public static final String SEQUENCE = "##SEQUENCE##";

    private final FeatureTypes types;
    private final ExampleDecoder context;
    private final Map<String, FeatureListLevels> lists = new LinkedHashMap<>();

    /** @param types the feature types of the dataset, shared by its readers */
    public SequenceExampleDecoder(FeatureTypes types) {
        this.types = Objects.requireNonNull(types, "types is null");
        this.context = new ExampleDecoder(types);
    }

    /** {@return the column name of a feature list} */
    public static String columnOf(String featureList) {
        return SEQUENCE + "." + featureList;
    }

    /**
     * Decodes one record and appends it as a row: either the whole row or, on an error, nothing.
     *
     * @param where the file and record, for messages
     * @throws InputException TFRECORD_INVALID_EXAMPLE if the bytes are not a tf.SequenceExample (or tf.Example);
     *                        FEATURE_TYPE_CONFLICT if a feature's list type differs from the one seen before, or
     *                        within one feature list
     */
    public void decode(byte[] data, String where, RowBatchBuilder rows) {
        SequenceExample example;
        try {
            example = SequenceExample.parseFrom(data);
        } catch (InvalidProtocolBufferException e) {
            throw new InputException(
                    ErrorCode.TFRECORD_INVALID_EXAMPLE,
                    where + ": expected a serialized tf.train.Example or tf.train.SequenceExample, found bytes that"
                            + " do not parse (" + e.getMessage() + ")",
                    e);
        }
        Map<String, Feature> features = example.getContext().getFeatureMap();
        Map<String, FeatureList> featureLists = example.getFeatureLists().getFeatureListMap();
        context.checkTypes(features, where, rows);
        Map<String, FeatureType> listTypes = new LinkedHashMap<>();
        for (Map.Entry<String, FeatureList> entry : featureLists.entrySet()) {
            listTypes.put(entry.getKey(), listType(entry.getKey(), entry.getValue(), where, rows));
        }
        ExampleDecoder.append(features, rows);
        for (Map.Entry<String, FeatureList> entry : featureLists.entrySet()) {
            String column = columnOf(entry.getKey());
            FeatureListLevels levels = lists.get(column);
            if (levels == null) {
                levels = new FeatureListLevels(column, List.of(SEQUENCE, entry.getKey()));
                for (int r = 0; r < rows.rowCount(); r++) {
                    levels.endRow();
                }
                lists.put(column, levels);
            }
            ColumnBuilder values = rows.column(column, listTypes.get(entry.getKey()));
            values.startList();
            for (Feature step : entry.getValue().getFeatureList()) {
                int before = values.valueCount();
                ExampleDecoder.addValues(step, values);
                levels.addStep(ExampleDecoder.typeOf(step) != null, values.valueCount() - before);
            }
            values.endList();
        }
        rows.endRow();
        for (FeatureListLevels levels : lists.values()) {
            if (levels.rowCount() < rows.rowCount()) {
                levels.endRow();
            }
        }
    }

    /** {@return the one type of a feature list's steps; if none has a list set, the type seen before, or INT} */
    private FeatureType listType(String name, FeatureList list, String where, RowBatchBuilder rows) {
        String column = columnOf(name);
        FeatureType type = null;
        for (Feature step : list.getFeatureList()) {
            FeatureType stepType = ExampleDecoder.typeOf(step);
            if (stepType == null) {
                continue;
            }
            if (type != null && type != stepType) {
                throw new InputException(
                        ErrorCode.FEATURE_TYPE_CONFLICT,
                        where + ": feature list \"" + name + "\": expected " + type
                                + " in every step, as in its first typed step, found " + stepType);
            }
            type = stepType;
        }
        if (type != null) {
            types.check(column, type, where);
            if (rows.conflicts(column, type)) {
                throw new IllegalStateException("type checked but conflicting: " + column);
            }
            return type;
        }
        for (FeatureType candidate : FeatureType.values()) {
            if (!rows.conflicts(column, candidate) && types.accepts(column, candidate)) {
                // the type seen before; or, never seen, INT as for any column without values (recorded, so that a
                // later typed step of another type is a type conflict rather than two columns)
                types.check(column, candidate, where);
                return candidate;
            }
        }
        throw new IllegalStateException("no type for " + column);
    }

    /** {@return the rows so far as a batch with the feature lists' levels}, and starts a new one */
    public RecordBatch build(RowBatchBuilder rows) {
        RecordBatch flat = rows.build();
        if (lists.isEmpty()) {
            return flat;
        }
        List<ListLevels> levels = new ArrayList<>(lists.size());
        for (FeatureListLevels list : lists.values()) {
            levels.add(list.build());
        }
        boolean[] present = new boolean[flat.rowCount()];
        Arrays.fill(present, true);
        return new RecordBatch(
                flat.rowCount(),
                flat.columns(),
                new Nesting(levels, List.of(new StructRows(List.of(SEQUENCE), present))));
    }
}
