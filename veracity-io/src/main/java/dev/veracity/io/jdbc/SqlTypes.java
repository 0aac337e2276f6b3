package dev.veracity.io.jdbc;

import dev.veracity.data.FeatureType;
import java.sql.Types;

/**
 * How SQL column types become feature types (documented in the README, "Data sources"): integers and booleans are
 * INT, as are DATE (days since 1970-01-01) and TIMESTAMP (microseconds since 1970-01-01, UTC for a timestamp with
 * time zone, the wall clock read as UTC otherwise); REAL, FLOAT, DOUBLE, NUMERIC and DECIMAL are FLOAT (the
 * nearest double); BINARY, BLOB and the like are STRING of their bytes; everything else (text, TIME, UUID, JSON,
 * arrays) is STRING of its text.
 *
 * <pre>{@code
 * SqlKind kind = SqlTypes.kindOf(java.sql.Types.BIGINT); // SqlKind.INTEGER
 * }</pre>
 */
public final class SqlTypes {
    private SqlTypes() {}

    /** How a column's values are read. */
    public enum SqlKind {
        INTEGER(FeatureType.INT),
        BOOLEAN(FeatureType.INT),
        DATE(FeatureType.INT),
        TIMESTAMP(FeatureType.INT),
        DECIMAL(FeatureType.FLOAT),
        DOUBLE(FeatureType.FLOAT),
        BYTES(FeatureType.STRING),
        TEXT(FeatureType.STRING);

        private final FeatureType featureType;

        SqlKind(FeatureType featureType) {
            this.featureType = featureType;
        }

        /** {@return the feature type of its values} */
        public FeatureType featureType() {
            return featureType;
        }
    }

    /** {@return how a column of this {@link java.sql.Types} code is read} */
    public static SqlKind kindOf(int sqlType) {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> SqlKind.INTEGER;
            case Types.BIT, Types.BOOLEAN -> SqlKind.BOOLEAN;
            case Types.DATE -> SqlKind.DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> SqlKind.TIMESTAMP;
            case Types.NUMERIC, Types.DECIMAL -> SqlKind.DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> SqlKind.DOUBLE;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> SqlKind.BYTES;
            default -> SqlKind.TEXT;
        };
    }
}
