package dev.veracity.pipeline;

import java.io.IOException;
import java.util.List;

/**
 * A step of a pipeline: declares typed inputs, outputs and parameters, and makes its outputs from its inputs. An
 * implementation writes only into the directories {@link ExecutionContext#outputDirectory} gives it; the runner moves
 * them into place when it succeeds, so a failed or killed execution leaves no artifact behind. It must be
 * deterministic in its inputs, parameters and external files, which is what makes caching sound.
 *
 * <pre>{@code
 * Pipeline p = Pipeline.builder("demo", root).node("stats", new StatisticsGen(), Map.of(), Map.of("examples", "gen.examples")).build();
 * }</pre>
 */
public interface Component {
    /** {@return the declaration} */
    ComponentSpec spec();

    /** {@return the declaration for these parameters (a resolver's output type is a parameter)} */
    default ComponentSpec spec(Parameters parameters) {
        return spec();
    }

    /**
     * Checks the parameter values beyond their declared types (a split's bucket count, a type name) when the pipeline
     * is built, so that a mistake in any node is found before the first node runs.
     *
     * @throws dev.veracity.ConfigException naming the parameter and what was expected (the pipeline puts its file
     *                                      and the node in front)
     */
    default void validate(Parameters parameters) {}

    /**
     * {@return the files outside the pipeline this execution will read, resolved now (e.g. the latest span)}: their
     * digests join the cache key
     *
     * @throws IOException                 if listing fails
     * @throws dev.veracity.InputException if the files cannot be found
     */
    default List<ExternalFile> externalInputs(Parameters parameters) throws IOException {
        return List.of();
    }

    /** {@return whether this component selects existing artifacts rather than making new ones (never cached)} */
    default boolean isResolver() {
        return false;
    }

    /**
     * Makes the outputs.
     *
     * @throws Exception any failure: the runner retries, then fails the node (a {@link dev.veracity.VeracityException}
     *                   is the user's to fix and is not retried)
     */
    void execute(ExecutionContext context) throws Exception;
}
