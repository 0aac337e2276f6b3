package dev.veracity.transform;

import dev.veracity.io.ReadOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test shorthand: a spec from text, fitted on a CSV written from rows. */
final class Fitting {
    private Fitting() {}

    static TransformSpec spec(Path dir, String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("spec.yaml"), yaml, StandardCharsets.UTF_8);
        return TransformSpec.read(file);
    }

    static Path csv(Path dir, String name, String header, List<String> rows) throws IOException {
        StringBuilder text = new StringBuilder(header).append('\n');
        for (String row : rows) {
            text.append(row).append('\n');
        }
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    static TransformFn fit(Path dir, String yaml, Path data) throws IOException {
        return TransformFit.fit(spec(dir, yaml), List.of(data), ReadOptions.DEFAULT);
    }

    /** {@return the named output of applying fn to each record} */
    static List<Object> column(TransformFn fn, List<Map<String, Object>> records, String output) {
        List<Object> values = new ArrayList<>();
        for (Map<String, Object> record : records) {
            values.add(fn.apply(record).get(output));
        }
        return values;
    }
}
