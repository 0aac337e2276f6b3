package dev.veracity.metadata;

/** The type of a declared property, as MLMD's {@code PropertyType} (INT, DOUBLE, STRING). */
public enum PropertyType {
    INT,
    DOUBLE,
    STRING
}
