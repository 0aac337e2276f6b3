package dev.veracity.pipeline.components;

import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The split layout TFX uses inside Examples, ExampleStatistics and ExampleAnomalies: {@code Split-<name>/}. */
final class Splits {
    static final String PROPERTY = "split_names";

    private Splits() {}

    /** {@return the {@code split_names} property text TFX writes: a JSON list of strings} */
    static Value property(List<String> names) {
        return Value.of(names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(",", "[", "]")));
    }

    /** {@return the split names of an artifact, in order} */
    static List<String> of(Artifact artifact) {
        String text =
                artifact.property(PROPERTY).map(Value::stringValue).orElse("[]").strip();
        List<String> names = new ArrayList<>();
        for (String part : text.substring(1, text.length() - 1).split(",")) {
            String name = part.strip();
            if (name.length() >= 2) {
                names.add(name.substring(1, name.length() - 1));
            }
        }
        return names;
    }

    /** {@return the directory of a split inside an artifact directory} */
    static Path directory(Path artifact, String split) {
        return artifact.resolve("Split-" + split);
    }

    /** {@return TFX's statistics file of a split in an ExampleStatistics artifact: {@code Split-<name>/FeatureStats.pb}} */
    static Path statistics(Path artifact, String split) {
        return directory(artifact, split).resolve("FeatureStats.pb");
    }

    /** {@return TFX's schema file in a Schema artifact: {@code schema.pbtxt}} */
    static Path schema(Path artifact) {
        return artifact.resolve("schema.pbtxt");
    }

    /**
     * {@return TFX's anomalies file of a split in an ExampleAnomalies artifact: {@code Split-<name>/SchemaDiff.pb},
     * binary Anomalies (beside it, {@code anomalies.pbtxt} is the same as text, for people)}
     */
    static Path anomalies(Path artifact, String split) {
        return directory(artifact, split).resolve("SchemaDiff.pb");
    }

    /** {@return the span of the newest input, or -1} */
    static long span(List<Artifact> artifacts) {
        return artifacts.stream()
                .mapToLong(a -> a.property("span").map(Value::intValue).orElse(-1L))
                .max()
                .orElse(-1);
    }
}
