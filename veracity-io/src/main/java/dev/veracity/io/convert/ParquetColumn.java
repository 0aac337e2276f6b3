package dev.veracity.io.convert;

import dev.veracity.data.FeatureType;
import java.util.Objects;

/**
 * One column of a Parquet file written by {@link ParquetBatchWriter}.
 *
 * <pre>{@code
 * ParquetColumn age = new ParquetColumn("age", FeatureType.INT, false);
 * }</pre>
 *
 * @param name     the feature name
 * @param type     INT (INT64), FLOAT (DOUBLE) or STRING (BINARY, annotated STRING)
 * @param repeated whether rows hold lists (a standard 3-level LIST group) rather than one optional value each
 */
public record ParquetColumn(String name, FeatureType type, boolean repeated) {
    public ParquetColumn {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(type, "type is null");
    }
}
