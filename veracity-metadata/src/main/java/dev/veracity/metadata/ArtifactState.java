package dev.veracity.metadata;

/** MLMD's {@code Artifact.State}: where an artifact is in its life. */
public enum ArtifactState {
    UNKNOWN,
    PENDING,
    LIVE,
    MARKED_FOR_DELETION,
    DELETED,
    ABANDONED,
    REFERENCE
}
