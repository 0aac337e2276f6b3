package dev.veracity.transform;

import dev.veracity.io.yaml.YamlFile;
import dev.veracity.io.yaml.YamlNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A transform spec: the steps, one per output feature in output order, and the columns passed through unchanged.
 *
 * <pre>{@code
 * TransformSpec spec = TransformSpec.read(Path.of("transform.yaml"));
 * }</pre>
 *
 * @param steps the steps, in output order
 * @param keep  the columns copied to the output after the steps' columns, in order
 * @param text  the spec file as written (stored in the transform directory)
 */
public record TransformSpec(List<Step> steps, List<String> keep, String text) {
    public TransformSpec {
        steps = List.copyOf(steps);
        keep = List.copyOf(keep);
        Objects.requireNonNull(text, "text is null");
    }

    /**
     * {@return the spec in a YAML file}
     *
     * @throws dev.veracity.InputException CONFIG_FILE_INVALID {@code FILE:LINE:COLUMN: expected ..., found ...}
     */
    public static TransformSpec read(Path file) throws IOException {
        YamlNode root = YamlFile.read(file, "transform spec");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return SpecReader.read(root, text);
    }

    /** {@return the spec in {@code text}, its positions naming {@code file}} */
    public static TransformSpec parse(Path file, String text) {
        return SpecReader.read(YamlFile.parse(file, text), text);
    }

    /** {@return the input columns the steps and keep read, each once, in first-use order} */
    public List<String> inputs() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (Step step : steps) {
            names.addAll(step.inputs());
        }
        names.addAll(keep);
        return List.copyOf(names);
    }
}
