package dev.veracity.metadata;

/** Which way a lineage query walks from its start: to what made it, what it made, or both (MLMD's directions). */
public enum LineageDirection {
    UPSTREAM,
    DOWNSTREAM,
    BIDIRECTIONAL
}
