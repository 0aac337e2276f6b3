package dev.veracity.pipeline.run;

/**
 * Hears what a run does, e.g. to print progress. Called from several threads.
 *
 * <pre>{@code
 * RunListener printer = new RunListener() { public void finished(NodeResult r) { System.err.println(r); } };
 * }</pre>
 */
public interface RunListener {
    /** Nothing. */
    RunListener NONE = new RunListener() {};

    /** An attempt of a node starts. */
    default void started(String node, int attempt) {}

    /** A node ended. */
    default void finished(NodeResult result) {}

    /** A node warns, or an attempt failed and will be retried. */
    default void warning(String node, String message) {}
}
