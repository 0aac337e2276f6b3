package dev.veracity.pipeline;

/** The type of a component parameter: a scalar, a list of strings or an ordered map of strings. */
public enum ParameterType {
    STRING,
    INT,
    DOUBLE,
    BOOLEAN,
    LIST,
    MAP
}
