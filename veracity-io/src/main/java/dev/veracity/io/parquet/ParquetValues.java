package dev.veracity.io.parquet;

import dev.veracity.data.FeatureType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.PrimitiveType;

/**
 * How Parquet values become feature values (documented in the README, "Data sources"):
 * <ul>
 * <li>BOOLEAN: INT 0 or 1. INT32, INT64 (signed or unsigned; UINT_64 above 2^63 wraps): INT.</li>
 * <li>DATE: INT, days since 1970-01-01. TIME: INT in its unit. TIMESTAMP (any unit) and legacy INT96: INT,
 *     microseconds since 1970-01-01 UTC (nanoseconds are truncated).</li>
 * <li>DECIMAL (on INT32, INT64, BINARY or FIXED_LEN_BYTE_ARRAY): FLOAT, the nearest double.</li>
 * <li>FLOAT, DOUBLE: FLOAT. FLOAT16: FLOAT.</li>
 * <li>BINARY, FIXED_LEN_BYTE_ARRAY (STRING, ENUM, JSON, UUID, BSON or raw bytes): STRING, the raw bytes.</li>
 * </ul>
 *
 * <pre>{@code
 * FeatureType type = ParquetValues.featureType(column.getPrimitiveType());
 * }</pre>
 */
public final class ParquetValues {
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private ParquetValues() {}

    /** {@return the feature type of a Parquet primitive column} */
    public static FeatureType featureType(PrimitiveType primitive) {
        LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
        if (logical instanceof DecimalLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.Float16LogicalTypeAnnotation) {
            return FeatureType.FLOAT;
        }
        return switch (primitive.getPrimitiveTypeName()) {
            case BOOLEAN, INT32, INT64, INT96 -> FeatureType.INT;
            case FLOAT, DOUBLE -> FeatureType.FLOAT;
            case BINARY, FIXED_LEN_BYTE_ARRAY -> FeatureType.STRING;
        };
    }

    /** {@return an IEEE 754 half-precision number as a float} */
    static float halfToFloat(short half) {
        int bits = half & 0xffff;
        int sign = (bits >>> 15) << 31;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        if (exponent == 31) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    static long toMicros(long value, TimeUnit unit) {
        return switch (unit) {
            case MILLIS -> value * 1000;
            case MICROS -> value;
            case NANOS -> Math.floorDiv(value, 1000);
        };
    }

    /** {@return an INT96 timestamp (nanoseconds of the day, then the Julian day, little-endian) in microseconds} */
    static long int96Micros(Binary binary) {
        ByteBuffer buffer = binary.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = buffer.getLong(buffer.position());
        long julianDay = Integer.toUnsignedLong(buffer.getInt(buffer.position() + 8));
        return (julianDay - JULIAN_DAY_OF_EPOCH) * MICROS_PER_DAY + nanosOfDay / 1000;
    }
}
