package dev.veracity.pipeline.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.yaml.YamlFile;
import dev.veracity.metadata.MetadataConfig;
import dev.veracity.pipeline.Component;
import dev.veracity.pipeline.Pipeline;
import dev.veracity.pipeline.components.ComponentRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A pipeline read from YAML. Relative paths in it (root, metadata, inputs) are relative to the working directory,
 * as TFX's are.
 *
 * <pre>{@code
 * pipeline: runs
 * pipeline_root: out/pipeline
 * defaults: {retries: 1, timeout: 10m}
 * nodes:
 *   - {id: gen, component: ExampleGen, parameters: {input: examples/runs/train.csv}}
 *   - {id: statistics, component: StatisticsGen, inputs: {examples: gen.examples}}
 * }</pre>
 *
 * @param file     the file it was read from
 * @param pipeline the checked pipeline
 * @param metadata where its metadata store is ({@code metadata:}, default {@code <pipeline_root>/metadata.sqlite})
 */
public record PipelineFile(Path file, Pipeline pipeline, MetadataConfig metadata) {
    /** Larger than any pipeline file, and SnakeYAML's default limit (3 MiB of code points). */
    static final int MAX_BYTES = 3 << 20;

    private static final Set<String> TOP_KEYS = Set.of("pipeline", "pipeline_root", "metadata", "defaults", "nodes");
    private static final Set<String> NODE_KEYS =
            Set.of("id", "component", "parameters", "inputs", "retries", "timeout");

    public PipelineFile {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(pipeline, "pipeline is null");
        Objects.requireNonNull(metadata, "metadata is null");
    }

    /**
     * {@return the pipeline in the file, with the shipped components}
     *
     * @throws InputException  if the file is missing or not YAML
     * @throws ConfigException if the pipeline is malformed (naming the node and what was expected)
     */
    public static PipelineFile read(Path file) throws IOException {
        return read(file, ComponentRegistry.standard());
    }

    /** {@return the pipeline in the file, its components looked up in {@code registry}} */
    public static PipelineFile read(Path file, ComponentRegistry registry) throws IOException {
        String text = readText(file);
        JsonNode root = parse(file, text);
        String where = file.toString();
        if (root == null || !root.isObject()) {
            throw new ConfigException(where + ": expected a mapping with pipeline, pipeline_root and nodes, found "
                    + (root == null ? "nothing" : root.getNodeType()));
        }
        checkKeys(root, TOP_KEYS, where);
        String name = text(root, "pipeline", where, true);
        Path pipelineRoot = path(text(root, "pipeline_root", where, true), where + ": pipeline_root");
        JsonNode defaults = root.path("defaults");
        int retries = defaults.isMissingNode() ? 0 : integer(defaults, "retries", where + ": defaults", 0);
        Duration timeout = defaults.isMissingNode()
                ? Duration.ZERO
                : duration(defaults.path("timeout"), where + ": defaults: timeout");
        Pipeline.Builder builder =
                Pipeline.builder(name, pipelineRoot).source(where).defaults(retries, timeout);
        JsonNode nodes = root.path("nodes");
        if (!nodes.isArray() || nodes.isEmpty()) {
            throw new ConfigException(where + ": nodes: expected a list of nodes, found "
                    + (nodes.isMissingNode() ? "none" : nodes.isArray() ? "an empty list" : nodes.getNodeType()));
        }
        int index = 0;
        for (JsonNode node : nodes) {
            index++;
            String nodeWhere = where + ": nodes[" + index + "]";
            if (!node.isObject()) {
                throw new ConfigException(
                        nodeWhere + ": expected a mapping with id and component, found " + node.getNodeType());
            }
            checkKeys(node, NODE_KEYS, nodeWhere);
            String id = text(node, "id", nodeWhere, true);
            nodeWhere = where + ": node " + id;
            Component component = registry.component(text(node, "component", nodeWhere, true), nodeWhere);
            Map<String, Object> parameters = new LinkedHashMap<>();
            JsonNode values = node.path("parameters");
            if (!values.isMissingNode() && !values.isNull()) {
                if (!values.isObject()) {
                    throw new ConfigException(
                            nodeWhere + ": parameters: expected a mapping, found " + values.getNodeType());
                }
                values.fields().forEachRemaining(e -> parameters.put(e.getKey(), plain(e.getValue())));
            }
            Map<String, List<String>> inputs = new LinkedHashMap<>();
            JsonNode wiring = node.path("inputs");
            if (!wiring.isMissingNode() && !wiring.isNull()) {
                if (!wiring.isObject()) {
                    throw new ConfigException(nodeWhere + ": inputs: expected a mapping of input to NODE.OUTPUT, found "
                            + wiring.getNodeType());
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = wiring.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    List<String> channels = new ArrayList<>();
                    if (e.getValue().isArray()) {
                        e.getValue().forEach(v -> channels.add(v.asText()));
                    } else if (e.getValue().isTextual()) {
                        channels.add(e.getValue().asText());
                    } else {
                        throw new ConfigException(nodeWhere + ": inputs: " + e.getKey() + ": expected NODE.OUTPUT, "
                                + "found " + e.getValue());
                    }
                    inputs.put(e.getKey(), channels);
                }
            }
            int nodeRetries = integer(node, "retries", nodeWhere, retries);
            Duration nodeTimeout =
                    node.has("timeout") ? duration(node.get("timeout"), nodeWhere + ": timeout") : timeout;
            builder.node(id, component, parameters, inputs, nodeRetries, nodeTimeout);
        }
        Pipeline pipeline = builder.build();
        MetadataConfig metadata = root.has("metadata")
                ? metadata(text(root, "metadata", where, true), where + ": metadata")
                : MetadataConfig.sqlite(pipelineRoot.resolve("metadata.sqlite"));
        return new PipelineFile(file, pipeline, metadata);
    }

    /**
     * {@return the file's text: at most {@link #MAX_BYTES} of UTF-8}
     *
     * @throws InputException if the file is missing, a directory, unreadable, too large or not UTF-8
     */
    private static String readText(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputException(
                    ErrorCode.NOT_A_REGULAR_FILE, file + ": expected a pipeline file, found a " + "directory");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new InputException(ErrorCode.FILE_NOT_FOUND, file + ": expected a pipeline file, found none");
        } catch (IOException e) {
            throw new InputException(
                    ErrorCode.FILE_UNREADABLE,
                    file + ": expected a readable pipeline file, found " + "an error: " + e.getMessage(),
                    e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new InputException(
                    ErrorCode.UNSUPPORTED_FILE_FORMAT,
                    file + ": expected a pipeline file of at most " + (MAX_BYTES >> 20) + " MiB, found more");
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InputException(
                    ErrorCode.UNSUPPORTED_FILE_FORMAT,
                    file + ": expected UTF-8 YAML, found bytes " + "that are not UTF-8");
        }
    }

    /**
     * {@return the YAML tree of the text}
     *
     * @throws InputException if it is not YAML, naming the line and column (the parser's position when the error
     *                        carries none, e.g. nesting deeper than Jackson's limit)
     */
    private static JsonNode parse(Path file, String text) {
        YAMLFactory factory = new YAMLFactory();
        JsonParser parser = null;
        try {
            parser = factory.createParser(text);
            return new ObjectMapper(factory).readTree(parser);
        } catch (IOException e) {
            JsonLocation at = e instanceof JsonProcessingException processing ? processing.getLocation() : null;
            if ((at == null || at.getLineNr() < 1) && parser != null) {
                at = parser.currentLocation();
            }
            String position = at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            String found =
                    e instanceof JsonProcessingException processing ? processing.getOriginalMessage() : e.getMessage();
            throw new InputException(
                    ErrorCode.UNSUPPORTED_FILE_FORMAT,
                    file + position + ": expected YAML, found: " + YamlFile.oneLine(found),
                    e);
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException e) {
                    // A parser over a string holds no resource: nothing to report.
                }
            }
        }
    }

    private static MetadataConfig metadata(String location, String where) {
        if (location.isBlank()) {
            throw new ConfigException(where + ": expected a SQLite file or a JDBC URL, found an empty string");
        }
        return location.startsWith("jdbc:")
                ? MetadataConfig.parse(location)
                : MetadataConfig.sqlite(path(location, where));
    }

    private static Path path(String text, String where) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new ConfigException(
                    where + ": expected a path, found one with " + e.getReason().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static void checkKeys(JsonNode object, Set<String> allowed, String where) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ConfigException(
                        where + ": expected one of " + new java.util.TreeSet<>(allowed) + ", found \"" + name + "\"");
            }
        }
    }

    private static String text(JsonNode object, String key, String where, boolean required) {
        JsonNode value = object.path(key);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                throw new ConfigException(where + ": expected " + key + ", found none");
            }
            return "";
        }
        if (!value.isValueNode()) {
            throw new ConfigException(where + ": " + key + ": expected a value, found " + value.getNodeType());
        }
        return value.asText();
    }

    private static int integer(JsonNode object, String key, String where, int otherwise) {
        JsonNode value = object.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return otherwise;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
            throw new ConfigException(where + ": " + key + ": expected a whole number >= 0, found " + value);
        }
        return value.asInt();
    }

    /** {@return a duration written {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, or a number of seconds} */
    static Duration duration(JsonNode value, String where) {
        if (value.isMissingNode() || value.isNull()) {
            return Duration.ZERO;
        }
        String text = value.asText().strip();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(text);
        if (!m.matches()) {
            throw new ConfigException(where + ": expected a duration such as 500ms, 30s, 10m or 2h, found " + text);
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    /** {@return the YAML value as plain Java: String, Integer/Long, Double, Boolean, List, ordered Map} */
    private static Object plain(JsonNode value) {
        if (value.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            value.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (value.isArray()) {
            List<Object> list = new ArrayList<>();
            value.forEach(v -> list.add(plain(v)));
            return list;
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        return value.isNull() ? null : value.asText();
    }
}
