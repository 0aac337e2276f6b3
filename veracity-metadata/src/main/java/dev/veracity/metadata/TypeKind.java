package dev.veracity.metadata;

/** What a type describes: artifacts, executions or contexts (MLMD's three type families). */
public enum TypeKind {
    ARTIFACT,
    EXECUTION,
    CONTEXT
}
