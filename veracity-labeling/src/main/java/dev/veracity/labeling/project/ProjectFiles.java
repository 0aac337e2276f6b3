package dev.veracity.labeling.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.AtomicFiles;
import dev.veracity.io.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON files of a project directory: {@code project.json} (the {@link ProjectConfig}), and {@code raters.json},
 * {@code tasks.json}, {@code assignments.json}, {@code annotations.json}, each an object with
 * {@code format_version} and one list. Every write is atomic (a temporary file moved into place), so a crash leaves
 * each file either old or new.
 */
final class ProjectFiles {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static final String CONFIG = "project.json";
    static final String RATERS = "raters.json";
    static final String TASKS = "tasks.json";
    static final String ASSIGNMENTS = "assignments.json";
    static final String ANNOTATIONS = "annotations.json";

    private final Path directory;

    ProjectFiles(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    boolean exists() {
        return Files.exists(directory.resolve(CONFIG));
    }

    ProjectConfig readConfig() throws IOException {
        JsonNode node = readTree(CONFIG);
        return convert(CONFIG, node, MAPPER.constructType(ProjectConfig.class));
    }

    void writeConfig(ProjectConfig config) throws IOException {
        write(CONFIG, MAPPER.valueToTree(config));
    }

    <T> List<T> readList(String file, String field, Class<T> type) throws IOException {
        if (!Files.exists(directory.resolve(file))) {
            return List.of();
        }
        JsonNode node = readTree(file);
        JsonNode list = node.get(field);
        if (list == null || !list.isArray()) {
            throw invalid(
                    file,
                    "an array \"" + field + "\"",
                    list == null ? "none" : list.getNodeType().toString());
        }
        return convert(file, list, MAPPER.getTypeFactory().constructCollectionType(List.class, type));
    }

    long readLong(String file, String field) throws IOException {
        if (!Files.exists(directory.resolve(file))) {
            return 0;
        }
        return readTree(file).path(field).asLong(0);
    }

    void writeList(String file, String field, List<?> values, String extraField, long extra) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format_version", ProjectConfig.FORMAT_VERSION);
        if (extraField != null) {
            root.put(extraField, extra);
        }
        root.set(field, MAPPER.valueToTree(values));
        write(file, root);
    }

    private JsonNode readTree(String file) throws IOException {
        Path path = directory.resolve(file);
        JsonNode node;
        try (InputStream in = InputFiles.open(path)) {
            node = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new InputException(
                    ErrorCode.LABEL_PROJECT_INVALID,
                    path + ":" + e.getLocation().getLineNr() + ":"
                            + e.getLocation().getColumnNr() + ": expected JSON, found " + e.getOriginalMessage(),
                    e);
        }
        if (node == null || !node.isObject()) {
            throw invalid(
                    file,
                    "a JSON object",
                    node == null ? "an empty file" : node.getNodeType().toString());
        }
        int version = node.path("format_version").asInt(-1);
        if (version != ProjectConfig.FORMAT_VERSION) {
            throw invalid(
                    file,
                    "format_version " + ProjectConfig.FORMAT_VERSION,
                    node.has("format_version") ? node.get("format_version").toString() : "none");
        }
        return node;
    }

    private <T> T convert(String file, JsonNode node, JavaType type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw invalid(file, "a valid " + type.getRawClass().getSimpleName(), message);
        }
    }

    private void write(String file, JsonNode node) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(node);
        AtomicFiles.write(directory.resolve(file), out -> {
            out.write(bytes);
            out.write('\n');
        });
    }

    InputException invalid(String file, String expected, String found) {
        return new InputException(
                ErrorCode.LABEL_PROJECT_INVALID,
                directory.resolve(file) + ": expected " + expected + ", found " + found);
    }
}
