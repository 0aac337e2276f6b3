package dev.veracity.pipeline;

import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.Value;
import java.nio.file.Path;
import java.util.List;

/**
 * What a running component sees: its parameters, input artifacts and external files, and where to put its outputs.
 *
 * <pre>{@code
 * Path in = Path.of(context.inputs("examples").get(0).uri());
 * Path out = context.outputDirectory("statistics");
 * }</pre>
 */
public interface ExecutionContext {
    /** {@return the node's id} */
    String nodeId();

    /** {@return the pipeline's name} */
    String pipelineName();

    /** {@return the node's parameters} */
    Parameters parameters();

    /** {@return the artifacts of an input, empty if an optional input is not wired or resolved nothing} */
    List<Artifact> inputs(String name);

    /** {@return the external files resolved for this execution} */
    List<ExternalFile> externalInputs();

    /** {@return a fresh, empty directory to write an output into; moved into place when the execution succeeds} */
    Path outputDirectory(String output);

    /**
     * {@return where the directory {@link #outputDirectory} gives for {@code output} will be once the execution
     * succeeds}: to name a file of the output in a figure or message (the runner moves the directory there)
     */
    Path publishedDirectory(String output);

    /** Sets a property of an output's artifact (e.g. its span). */
    void setOutputProperty(String output, String key, Value value);

    /** Makes an output the given existing artifacts (resolvers), instead of a new directory. */
    void useExisting(String output, List<Artifact> artifacts);

    /** Makes an output a reference to a file or directory outside the pipeline root (the importer). */
    void useReference(String output, Path path);

    /** {@return the metadata store, to look up earlier artifacts (resolvers)} */
    MetadataStore store();

    /** {@return when the run started (the same for every node of a run): the run's time, e.g. of freshness checks} */
    java.time.Instant runStart();

    /** Reports a warning (printed, and recorded on the execution). */
    void warn(String message);

    /**
     * Marks the execution as having found a problem that fails the run (e.g. anomalies of severity ERROR): its
     * outputs are still recorded, the nodes after it do not run, and the run exits 1.
     */
    void block(String reason);
}
