package dev.veracity.pipeline;

import java.util.Objects;

/**
 * The type of an artifact that flows between components; an output feeds only inputs of the same type. The
 * constants are TFX's standard artifact types; a user component may declare its own.
 *
 * <pre>{@code
 * ArtifactType model = new ArtifactType("Model");
 * }</pre>
 *
 * @param name the MLMD artifact type name
 */
public record ArtifactType(String name) {
    /** Examples split into named splits ({@code Split-train/...}), TFX's {@code Examples}. */
    public static final ArtifactType EXAMPLES = new ArtifactType("Examples");
    /** Statistics per split ({@code Split-train/FeatureStats.pb}), TFX's {@code ExampleStatistics}. */
    public static final ArtifactType EXAMPLE_STATISTICS = new ArtifactType("ExampleStatistics");
    /** A TFDV schema ({@code schema.pbtxt}), TFX's {@code Schema}. */
    public static final ArtifactType SCHEMA = new ArtifactType("Schema");
    /** Anomalies per split ({@code Split-eval/anomalies.pbtxt}), TFX's {@code ExampleAnomalies}. */
    public static final ArtifactType EXAMPLE_ANOMALIES = new ArtifactType("ExampleAnomalies");
    /** A file read from outside the pipeline (raw input data, a curated schema): where lineage starts. */
    public static final ArtifactType EXTERNAL_FILE = new ArtifactType("ExternalFile");
    /** For an input only: accepts an artifact of every type (Export copies whatever it is given). */
    public static final ArtifactType ANY = new ArtifactType("Any");

    public ArtifactType {
        Objects.requireNonNull(name, "name is null");
        if (!isName(name)) {
            throw new IllegalArgumentException("artifact type name must be a word: " + name);
        }
    }

    /** {@return whether {@code text} can name an artifact type: a letter, then letters, digits or '_'} */
    public static boolean isName(String text) {
        return text.matches("[A-Za-z][A-Za-z0-9_]*");
    }

    /** {@return whether an input of this type accepts an output of {@code output}'s type} */
    public boolean accepts(ArtifactType output) {
        return equals(ANY) || equals(output);
    }

    @Override
    public String toString() {
        return name;
    }
}
