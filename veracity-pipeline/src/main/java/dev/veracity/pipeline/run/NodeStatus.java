package dev.veracity.pipeline.run;

/** How a node ended in a run. */
public enum NodeStatus {
    /** Executed and succeeded. */
    EXECUTED,
    /** Its outputs came from an earlier execution with the same cache key. */
    CACHED,
    /** Outside {@code --from}/{@code --to}: its outputs came from its latest earlier execution. */
    REUSED,
    /** Succeeded but found a problem that fails the run (e.g. ERROR anomalies); its outputs are recorded. */
    BLOCKED,
    /** Failed after its retries. */
    FAILED,
    /** Not run because a node it reads from failed or was blocked. */
    SKIPPED;

    /** {@return whether nodes after it may run} */
    public boolean isUsable() {
        return this == EXECUTED || this == CACHED || this == REUSED;
    }
}
