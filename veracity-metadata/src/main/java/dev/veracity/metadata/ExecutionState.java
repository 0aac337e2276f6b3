package dev.veracity.metadata;

/** MLMD's {@code Execution.State}: the last known state of an execution. */
public enum ExecutionState {
    UNKNOWN,
    NEW,
    RUNNING,
    COMPLETE,
    FAILED,
    CACHED,
    CANCELED;

    /** {@return whether the execution has ended (it will not change state again)} */
    public boolean isFinal() {
        return this == COMPLETE || this == FAILED || this == CACHED || this == CANCELED;
    }
}
