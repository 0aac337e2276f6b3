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

    /** {@return the span of the newest input, or -1} */
    static long span(List<Artifact> artifacts) {
        return artifacts.stream()
                .mapToLong(a -> a.property("span").map(Value::intValue).orElse(-1L))
                .max()
                .orElse(-1);
    }
}
