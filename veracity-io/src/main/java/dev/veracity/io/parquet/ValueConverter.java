package dev.veracity.io.parquet;

import dev.veracity.data.Column;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.DictionaryCodes;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.StringColumn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Adds one leaf column's values to its {@link ColumnBuilder}, converted as {@link ParquetValues} says, straight from
 * parquet-java's page decoders (no {@code Binary} copies, no record assembly). A dictionary-encoded column chunk has
 * its dictionary converted once, when the chunk starts; each value is then its dictionary entry, copied by index.
 *
 * <pre>{@code
 * ValueConverter values = new ValueConverter(leaf, builder);
 * columnReader.writeCurrentValueToConverter(); // after ColumnReadStoreImpl found it by the leaf's path
 * }</pre>
 */
final class ValueConverter extends PrimitiveConverter {
    private final ParquetLeaf leaf;
    private final PrimitiveType primitive;
    private final LogicalTypeAnnotation logical;
    private final ColumnBuilder builder;
    /** Whether a byte array value is a string as it is (not INT96, a decimal or a half float). */
    private final boolean plainBytes;

    private long[] dictionaryLongs;
    private double[] dictionaryDoubles;
    private int[] dictionaryOffsets;
    private byte[] dictionaryBytes;
    private int[] codes = new int[0];
    private int codeCount;
    private boolean allFromDictionary;

    ValueConverter(ParquetLeaf leaf, ColumnBuilder builder) {
        this.leaf = leaf;
        this.primitive = leaf.column().getPrimitiveType();
        this.logical = primitive.getLogicalTypeAnnotation();
        this.builder = builder;
        this.plainBytes = primitive.getPrimitiveTypeName() != PrimitiveType.PrimitiveTypeName.INT96
                && !(logical instanceof DecimalLogicalTypeAnnotation)
                && !(logical instanceof LogicalTypeAnnotation.Float16LogicalTypeAnnotation);
    }

    /** {@return the builder the values go to} */
    ColumnBuilder builder() {
        return builder;
    }

    /** Forgets the values of the last batch. */
    void reset() {
        builder.reset();
        codeCount = 0;
        allFromDictionary = true;
    }

    /**
     * {@return the column of the values added since the last reset}: a string column whose values all came from the
     * dictionary carries their {@link DictionaryCodes}
     */
    Column build() {
        Column column = builder.build();
        if (column instanceof StringColumn strings && allFromDictionary && dictionaryBytes != null) {
            return new StringColumn(
                    strings.name(),
                    strings.rowCount(),
                    strings.present(),
                    strings.rowOffsets(),
                    strings.valueOffsets(),
                    strings.bytes(),
                    new DictionaryCodes(Arrays.copyOf(codes, codeCount), dictionaryOffsets, dictionaryBytes));
        }
        return column;
    }

    @Override
    public boolean hasDictionarySupport() {
        return true;
    }

    /** Converts every entry of the chunk's dictionary once, as a column of one value per entry. */
    @Override
    public void setDictionary(Dictionary dictionary) {
        ColumnBuilder entries = ColumnBuilder.of(leaf.feature(), leaf.type());
        for (int id = 0; id <= dictionary.getMaxId(); id++) {
            entries.startList();
            switch (primitive.getPrimitiveTypeName()) {
                case BOOLEAN -> addBoolean(dictionary.decodeToBoolean(id), entries);
                case INT32 -> addInt(dictionary.decodeToInt(id), entries);
                case INT64 -> addLong(dictionary.decodeToLong(id), entries);
                case FLOAT -> entries.addFloat(dictionary.decodeToFloat(id));
                case DOUBLE -> entries.addFloat(dictionary.decodeToDouble(id));
                case INT96, BINARY, FIXED_LEN_BYTE_ARRAY -> addBinary(dictionary.decodeToBinary(id), entries);
            }
            entries.endList();
        }
        Column column = entries.build();
        dictionaryLongs = column instanceof IntColumn ints ? ints.values() : null;
        dictionaryDoubles = column instanceof FloatColumn floats ? floats.values() : null;
        dictionaryOffsets = column instanceof StringColumn strings ? strings.valueOffsets() : null;
        dictionaryBytes = column instanceof StringColumn strings ? strings.bytes() : null;
    }

    @Override
    public void addValueFromDictionary(int id) {
        if (dictionaryLongs != null) {
            builder.addInt(dictionaryLongs[id]);
        } else if (dictionaryDoubles != null) {
            builder.addFloat(dictionaryDoubles[id]);
        } else {
            int start = dictionaryOffsets[id];
            builder.addString(dictionaryBytes, start, dictionaryOffsets[id + 1] - start);
            if (codeCount == codes.length) {
                codes = Arrays.copyOf(codes, Math.max(1024, codeCount * 2));
            }
            codes[codeCount++] = id;
        }
    }

    @Override
    public void addBoolean(boolean value) {
        addBoolean(value, builder);
    }

    @Override
    public void addInt(int value) {
        addInt(value, builder);
    }

    @Override
    public void addLong(long value) {
        addLong(value, builder);
    }

    @Override
    public void addFloat(float value) {
        builder.addFloat(value);
    }

    @Override
    public void addDouble(double value) {
        builder.addFloat(value);
    }

    @Override
    public void addBinary(Binary value) {
        allFromDictionary = false;
        addBinary(value, builder);
    }

    private static void addBoolean(boolean value, ColumnBuilder to) {
        to.addInt(value ? 1 : 0);
    }

    private void addInt(int value, ColumnBuilder to) {
        if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
            to.addFloat(BigDecimal.valueOf(value, decimal.getScale()).doubleValue());
        } else if (logical instanceof IntLogicalTypeAnnotation ints && !ints.isSigned()) {
            to.addInt(Integer.toUnsignedLong(value));
        } else {
            to.addInt(value);
        }
    }

    private void addLong(long value, ColumnBuilder to) {
        if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
            to.addFloat(BigDecimal.valueOf(value, decimal.getScale()).doubleValue());
        } else if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
            to.addInt(ParquetValues.toMicros(value, timestamp.getUnit()));
        } else {
            to.addInt(value);
        }
    }

    /** Adds a BINARY, FIXED_LEN_BYTE_ARRAY or INT96 value held in {@code bytes[offset, offset + length)}. */
    void addBytes(byte[] bytes, int offset, int length) {
        allFromDictionary = false;
        if (plainBytes) {
            builder.addString(bytes, offset, length);
        } else {
            addBinary(Binary.fromConstantByteArray(bytes, offset, length), builder);
        }
    }

    private void addBinary(Binary value, ColumnBuilder to) {
        if (primitive.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96) {
            to.addInt(ParquetValues.int96Micros(value));
        } else if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
            to.addFloat(new BigDecimal(new BigInteger(value.getBytes()), decimal.getScale()).doubleValue());
        } else if (logical instanceof LogicalTypeAnnotation.Float16LogicalTypeAnnotation) {
            ByteBuffer half = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            to.addFloat(ParquetValues.halfToFloat(half.getShort(half.position())));
        } else {
            ByteBuffer bytes = value.toByteBuffer();
            if (bytes.hasArray()) {
                to.addString(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            } else {
                byte[] copy = value.getBytesUnsafe();
                to.addString(copy, 0, copy.length);
            }
        }
    }
}
