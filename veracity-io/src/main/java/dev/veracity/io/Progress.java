package dev.veracity.io;

/**
 * Receives how far a long read has come, for a progress display. Called from the reading thread, often: keep it cheap.
 *
 * <pre>{@code
 * Veracity.statistics(path).withProgress((phase, done, total) -> bar.show(phase, done, total)).compute();
 * }</pre>
 */
@FunctionalInterface
public interface Progress {
    /** Reports nothing. */
    Progress NONE = (phase, done, total) -> {};

    /**
     * Reports progress.
     *
     * @param phase what is being done, e.g. "inferring column types"
     * @param done  units (bytes) done so far in this phase
     * @param total units in all of this phase; at least {@code done}
     */
    void update(String phase, long done, long total);
}
