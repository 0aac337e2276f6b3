package dev.veracity.beam.transform;

import dev.veracity.transform.TransformSpec;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A transform spec as it travels to Beam's workers: its file's name and its text, parsed again where it is used.
 *
 * <pre>{@code
 * TransformSpec spec = new SpecText("spec.yaml", text).spec();
 * }</pre>
 *
 * @param file the spec file's path, which positions in messages name
 * @param text the spec's text
 */
record SpecText(String file, String text) implements Serializable {
    SpecText {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(text, "text is null");
    }

    /**
     * {@return the text of {@code spec}, named by the file its steps' positions name} (a spec without steps has no
     * position a worker could quote: it is named {@code spec})
     */
    static SpecText of(TransformSpec spec) {
        if (spec.steps().isEmpty()) {
            return new SpecText("spec", spec.text());
        }
        String where = spec.steps().get(0).where(); // FILE:LINE:COLUMN
        String file = where.replaceFirst(":[0-9]+:[0-9]+$", "");
        return new SpecText(file, spec.text());
    }

    /** {@return the parsed spec} */
    TransformSpec spec() {
        return TransformSpec.parse(Path.of(file), text);
    }
}
