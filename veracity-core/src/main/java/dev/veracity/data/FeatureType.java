package dev.veracity.data;

/**
 * The value type of a column, as TFDV's statistics name it ({@code FeatureNameStatistics.Type}).
 * A column whose every cell is missing has no evidence of a type; readers give it {@link #INT}, as TFX's fixtures do.
 */
public enum FeatureType {
    INT,
    FLOAT,
    STRING
}
