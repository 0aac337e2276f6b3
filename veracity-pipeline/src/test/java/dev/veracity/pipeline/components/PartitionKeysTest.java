package dev.veracity.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Our hand-written tf.train.Feature and tf.train.Example bytes equal protobuf-java's serialization of the same
 * messages, described here from TensorFlow's example.proto and feature.proto field numbers (proto3, packed).
 */
class PartitionKeysTest {
    private static final FileDescriptor FILE = file();
    private static final Descriptor BYTES_LIST = FILE.findMessageTypeByName("BytesList");
    private static final Descriptor FLOAT_LIST = FILE.findMessageTypeByName("FloatList");
    private static final Descriptor INT64_LIST = FILE.findMessageTypeByName("Int64List");
    private static final Descriptor FEATURE = FILE.findMessageTypeByName("Feature");
    private static final Descriptor FEATURES = FILE.findMessageTypeByName("Features");
    private static final Descriptor EXAMPLE = FILE.findMessageTypeByName("Example");

    private static FieldDescriptorProto field(String name, int number, Type type, Label label, String typeName) {
        FieldDescriptorProto.Builder field = FieldDescriptorProto.newBuilder()
                .setName(name)
                .setNumber(number)
                .setType(type)
                .setLabel(label);
        return (typeName == null ? field : field.setTypeName(typeName)).build();
    }

    private static FileDescriptor file() {
        Label repeated = Label.LABEL_REPEATED;
        Label optional = Label.LABEL_OPTIONAL;
        FileDescriptorProto proto = FileDescriptorProto.newBuilder()
                .setName("example.proto")
                .setPackage("tensorflow")
                .setSyntax("proto3")
                .addMessageType(DescriptorProto.newBuilder()
                        .setName("BytesList")
                        .addField(field("value", 1, Type.TYPE_BYTES, repeated, null)))
                .addMessageType(DescriptorProto.newBuilder()
                        .setName("FloatList")
                        .addField(field("value", 1, Type.TYPE_FLOAT, repeated, null)))
                .addMessageType(DescriptorProto.newBuilder()
                        .setName("Int64List")
                        .addField(field("value", 1, Type.TYPE_INT64, repeated, null)))
                .addMessageType(DescriptorProto.newBuilder()
                        .setName("Feature")
                        .addOneofDecl(OneofDescriptorProto.newBuilder().setName("kind"))
                        .addField(
                                field("bytes_list", 1, Type.TYPE_MESSAGE, optional, ".tensorflow.BytesList").toBuilder()
                                        .setOneofIndex(0))
                        .addField(
                                field("float_list", 2, Type.TYPE_MESSAGE, optional, ".tensorflow.FloatList").toBuilder()
                                        .setOneofIndex(0))
                        .addField(
                                field("int64_list", 3, Type.TYPE_MESSAGE, optional, ".tensorflow.Int64List").toBuilder()
                                        .setOneofIndex(0)))
                .addMessageType(DescriptorProto.newBuilder()
                        .setName("Features")
                        .addNestedType(DescriptorProto.newBuilder()
                                .setName("FeatureEntry")
                                .setOptions(MessageOptions.newBuilder().setMapEntry(true))
                                .addField(field("key", 1, Type.TYPE_STRING, optional, null))
                                .addField(field("value", 2, Type.TYPE_MESSAGE, optional, ".tensorflow.Feature")))
                        .addField(
                                field("feature", 1, Type.TYPE_MESSAGE, repeated, ".tensorflow.Features.FeatureEntry")))
                .addMessageType(DescriptorProto.newBuilder()
                        .setName("Example")
                        .addField(field("features", 1, Type.TYPE_MESSAGE, optional, ".tensorflow.Features")))
                .build();
        try {
            return FileDescriptor.buildFrom(proto, new FileDescriptor[0]);
        } catch (com.google.protobuf.Descriptors.DescriptorValidationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DynamicMessage feature(Column column, int row) {
        int from = column.rowOffsets()[row];
        int to = column.rowOffsets()[row + 1];
        DynamicMessage.Builder list;
        String field;
        if (column instanceof StringColumn strings) {
            list = DynamicMessage.newBuilder(BYTES_LIST);
            field = "bytes_list";
            for (int v = from; v < to; v++) {
                int start = strings.valueOffsets()[v];
                list.addRepeatedField(
                        BYTES_LIST.findFieldByName("value"),
                        ByteString.copyFrom(strings.bytes(), start, strings.valueOffsets()[v + 1] - start));
            }
        } else if (column instanceof IntColumn ints) {
            list = DynamicMessage.newBuilder(INT64_LIST);
            field = "int64_list";
            for (int v = from; v < to; v++) {
                list.addRepeatedField(INT64_LIST.findFieldByName("value"), ints.values()[v]);
            }
        } else {
            FloatColumn floats = (FloatColumn) column;
            list = DynamicMessage.newBuilder(FLOAT_LIST);
            field = "float_list";
            for (int v = from; v < to; v++) {
                list.addRepeatedField(FLOAT_LIST.findFieldByName("value"), (float) floats.values()[v]);
            }
        }
        return DynamicMessage.newBuilder(FEATURE)
                .setField(FEATURE.findFieldByName(field), list.build())
                .build();
    }

    private static byte[] example(RecordBatch batch, int row) {
        Descriptor entry = FEATURES.findNestedTypeByName("FeatureEntry");
        DynamicMessage.Builder features = DynamicMessage.newBuilder(FEATURES);
        for (Column column : batch.columns().stream()
                .sorted(Comparator.comparing(Column::name))
                .toList()) {
            if (column.present()[row]) {
                features.addRepeatedField(
                        FEATURES.findFieldByName("feature"),
                        DynamicMessage.newBuilder(entry)
                                .setField(entry.findFieldByName("key"), column.name())
                                .setField(entry.findFieldByName("value"), feature(column, row))
                                .build());
            }
        }
        return DynamicMessage.newBuilder(EXAMPLE)
                .setField(EXAMPLE.findFieldByName("features"), features.build())
                .build()
                .toByteArray();
    }

    @SeededProperty(tries = 30)
    void handWrittenBytesEqualProtobufs(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int rows = Gen.size(random, 1, 20);
        List<Column> columns = new ArrayList<>();
        int count = Gen.between(random, 1, 4);
        for (int c = 0; c < count; c++) {
            columns.add(column("f" + Gen.string(random, "abcxyz_", 1, 6) + c, rows, random));
        }
        RecordBatch batch = new RecordBatch(rows, columns);
        for (int row = 0; row < rows; row++) {
            assertThat(PartitionKeys.example(batch, row)).isEqualTo(example(batch, row));
            for (Column column : columns) {
                if (!(column instanceof FloatColumn)) {
                    assertThat(PartitionKeys.feature(column, row))
                            .isEqualTo(feature(column, row).toByteArray());
                }
            }
        }
    }

    private static Column column(String name, int rows, SplittableRandom random) {
        boolean[] present = new boolean[rows];
        int[] rowOffsets = new int[rows + 1];
        int kind = random.nextInt(3);
        List<Long> ints = new ArrayList<>();
        List<Double> floats = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Integer> valueOffsets = new ArrayList<>(List.of(0));
        for (int row = 0; row < rows; row++) {
            present[row] = !Gen.oneIn(random, 4);
            int values = present[row] ? Gen.size(random, 0, 3) : 0;
            for (int v = 0; v < values; v++) {
                switch (kind) {
                    case 0 -> ints.add(Gen.anyLong(random));
                    case 1 -> floats.add(random.nextDouble() * 1000 - 500);
                    default -> {
                        byte[] value = Gen.anyString(random, 8).getBytes(StandardCharsets.UTF_8);
                        bytes.write(value, 0, value.length);
                        valueOffsets.add(bytes.size());
                    }
                }
            }
            rowOffsets[row + 1] = rowOffsets[row] + values;
        }
        return switch (kind) {
            case 0 ->
                new IntColumn(
                        name,
                        rows,
                        present,
                        rowOffsets,
                        ints.stream().mapToLong(Long::longValue).toArray());
            case 1 ->
                new FloatColumn(
                        name,
                        rows,
                        present,
                        rowOffsets,
                        floats.stream().mapToDouble(Double::doubleValue).toArray());
            default ->
                new StringColumn(
                        name,
                        rows,
                        present,
                        rowOffsets,
                        valueOffsets.stream().mapToInt(Integer::intValue).toArray(),
                        bytes.toByteArray());
        };
    }
}
