package dev.veracity.pipeline.yaml;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.format.CloseNames;
import dev.veracity.format.Durations;
import dev.veracity.io.yaml.YamlFile;
import dev.veracity.io.yaml.YamlNode;
import dev.veracity.metadata.MetadataConfig;
import dev.veracity.pipeline.Component;
import dev.veracity.pipeline.ParameterSpec;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pipeline read from YAML (through {@link YamlFile}, the one YAML reader). Relative paths in it (root, metadata,
 * inputs) are relative to the working directory, as TFX's are. Every mistake in it is an {@link InputException}
 * whose message starts {@code FILE:LINE:COLUMN:} at the offending key or value and names the node: an unknown key
 * (with the close known ones), a value of the wrong type, an unknown component, input, output or parameter, a bad
 * parameter value, a cycle.
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
     * @throws InputException if the file is missing or not YAML, or the pipeline in it is malformed (at the line and
     *                        column of the mistake, naming the node and what was expected)
     */
    public static PipelineFile read(Path file) throws IOException {
        return read(file, ComponentRegistry.standard());
    }

    /** {@return the pipeline in the file, its components looked up in {@code registry}} */
    public static PipelineFile read(Path file, ComponentRegistry registry) throws IOException {
        YamlNode root = YamlFile.parse(file, readText(file));
        if (root.kind() != YamlNode.Kind.MAPPING) {
            throw root.error("a mapping with pipeline, pipeline_root and nodes");
        }
        root.allowKeys(TOP_KEYS);
        YamlNode nameNode = root.required("pipeline");
        String name = nameNode.string();
        YamlNode rootNode = root.required("pipeline_root");
        Path pipelineRoot = path(rootNode, "pipeline_root");
        int retries = 0;
        Duration timeout = Duration.ZERO;
        Optional<YamlNode> defaults = root.field("defaults").filter(d -> !d.isNull());
        if (defaults.isPresent()) {
            if (defaults.get().kind() != YamlNode.Kind.MAPPING) {
                throw defaults.get().error("defaults: a mapping of retries and timeout");
            }
            defaults.get().allowKeys(Set.of("retries", "timeout"));
            retries = retries(defaults.get().field("retries"), 0, "defaults: retries");
            timeout = defaults.get()
                    .field("timeout")
                    .map(t -> duration(t, "defaults: timeout"))
                    .orElse(Duration.ZERO);
        }
        Pipeline.Builder builder;
        try {
            builder =
                    Pipeline.builder(name, pipelineRoot).source(file.toString()).defaults(retries, timeout);
        } catch (ConfigException e) {
            throw at(nameNode, e.getMessage().replaceFirst("^pipeline: pipeline name: ", "pipeline: "));
        }
        YamlNode nodes = root.required("nodes");
        if (nodes.kind() != YamlNode.Kind.SEQUENCE || nodes.elements().isEmpty()) {
            throw nodes.error(
                    "nodes: a list of nodes", nodes.kind() == YamlNode.Kind.SEQUENCE ? "an empty list" : nodes.found());
        }
        Map<String, YamlNode> byId = new LinkedHashMap<>();
        for (YamlNode node : nodes.elements()) {
            if (node.kind() != YamlNode.Kind.MAPPING) {
                throw node.error("a node: a mapping with id and component");
            }
            node.allowKeys(NODE_KEYS);
            YamlNode idNode = node.required("id");
            String id = idNode.string();
            String where = "node " + id;
            if (byId.containsKey(id)) {
                throw idNode.error(
                        where + ": a unique node id",
                        "it twice (first at " + byId.get(id).where() + ")");
            }
            byId.put(id, node);
            YamlNode componentNode = node.required("component");
            Component component = component(registry, componentNode, where);
            Map<String, Object> parameters = new LinkedHashMap<>();
            Optional<YamlNode> values = node.field("parameters").filter(v -> !v.isNull());
            if (values.isPresent()) {
                if (values.get().kind() != YamlNode.Kind.MAPPING) {
                    throw values.get().error(where + ": parameters: a mapping");
                }
                List<String> known = component.spec().parameters().stream()
                        .map(ParameterSpec::name)
                        .toList();
                try {
                    values.get().allowKeys(known);
                } catch (InputException e) {
                    throw new InputException(e.errorCode(), insertNode(e.getMessage(), where + ": parameter"), e);
                }
                for (String key : values.get().keys()) {
                    parameters.put(key, plain(values.get().required(key)));
                }
            }
            Map<String, List<String>> inputs = new LinkedHashMap<>();
            Optional<YamlNode> wiring = node.field("inputs").filter(v -> !v.isNull());
            if (wiring.isPresent()) {
                if (wiring.get().kind() != YamlNode.Kind.MAPPING) {
                    throw wiring.get().error(where + ": inputs: a mapping of input to NODE.OUTPUT");
                }
                for (String input : wiring.get().keys()) {
                    YamlNode channel = wiring.get().required(input);
                    if (channel.kind() == YamlNode.Kind.MAPPING || channel.isNull()) {
                        throw channel.error(where + ": input " + input + ": NODE.OUTPUT or a list of them");
                    }
                    inputs.put(input, List.copyOf(channel.strings()));
                }
            }
            int nodeRetries = retries(node.field("retries"), retries, where + ": retries");
            Duration nodeTimeout = node.field("timeout")
                    .map(t -> duration(t, where + ": timeout"))
                    .orElse(timeout);
            try {
                builder.node(id, component, parameters, inputs, nodeRetries, nodeTimeout);
            } catch (ConfigException e) {
                throw relocate(e, file, byId);
            }
        }
        Pipeline pipeline;
        try {
            pipeline = builder.build();
        } catch (ConfigException e) {
            throw relocate(e, file, byId);
        }
        MetadataConfig metadata = root.field("metadata").isPresent()
                ? metadata(root.required("metadata"))
                : MetadataConfig.sqlite(pipelineRoot.resolve("metadata.sqlite"));
        return new PipelineFile(file, pipeline, metadata);
    }

    private static final Pattern NODE_MESSAGE = Pattern.compile("node ([A-Za-z0-9_-]+): (.*)", Pattern.DOTALL);
    private static final Pattern PART = Pattern.compile("(parameter|input) ([A-Za-z0-9_.-]+): .*", Pattern.DOTALL);
    private static final Pattern EXPECTED_INPUT =
            Pattern.compile("expected input ([A-Za-z0-9_.-]+) .*", Pattern.DOTALL);
    private static final Pattern CHOICE =
            Pattern.compile(".*expected an (?:input|output) of \\S+ \\(([^)]*)\\), found \"([^\"]*)\"", Pattern.DOTALL);
    private static final Pattern CYCLE =
            Pattern.compile("expected a DAG, found a cycle through nodes ([A-Za-z0-9_-]+).*");

    /**
     * {@return the pipeline's own error (it knows the node, not the line) at the YAML node it is about}: the
     * parameter's value, the input's channel, the node
     */
    private static InputException relocate(ConfigException e, Path file, Map<String, YamlNode> byId) {
        String message = e.getMessage();
        String prefix = file + ": ";
        String rest = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        Matcher cycle = CYCLE.matcher(rest);
        if (cycle.matches() && byId.containsKey(cycle.group(1))) {
            return at(byId.get(cycle.group(1)), rest);
        }
        Matcher nodeMessage = NODE_MESSAGE.matcher(rest);
        if (!nodeMessage.matches() || !byId.containsKey(nodeMessage.group(1))) {
            return at(byId.values().iterator().next(), rest);
        }
        YamlNode node = byId.get(nodeMessage.group(1));
        String detail = nodeMessage.group(2);
        YamlNode target = node;
        Matcher part = PART.matcher(detail);
        Matcher expectedInput = EXPECTED_INPUT.matcher(detail);
        if (part.matches()) {
            String section = part.group(1).equals("parameter") ? "parameters" : "inputs";
            target = field(node, section, part.group(2)).orElse(target);
        } else if (detail.startsWith("expected a parameter of ") || detail.startsWith("expected parameter ")) {
            target = node.field("parameters").filter(p -> !p.isNull()).orElse(node);
        } else if (detail.startsWith("expected an input of ") || expectedInput.matches()) {
            target = node.field("inputs").filter(p -> !p.isNull()).orElse(node);
        } else if (detail.contains(": ")) {
            // A component's own check names its parameter first ("splits: train: ..."): point at it if it is one.
            target = field(node, "parameters", detail.substring(0, detail.indexOf(": ")))
                    .orElse(target);
        }
        Matcher choice = CHOICE.matcher(rest);
        String hint = choice.matches()
                ? CloseNames.hint(choice.group(2), List.of(choice.group(1).split(", ")))
                : "";
        return at(target, rest + hint);
    }

    private static Optional<YamlNode> field(YamlNode node, String section, String key) {
        return node.field(section)
                .filter(s -> s.kind() == YamlNode.Kind.MAPPING)
                .flatMap(s -> s.field(key));
    }

    private static InputException at(YamlNode node, String message) {
        return new InputException(ErrorCode.CONFIG_FILE_INVALID, node.where() + ": " + message);
    }

    /** {@return a message of {@link YamlNode#allowKeys} with the node named after the position} */
    private static String insertNode(String message, String what) {
        int expected = message.indexOf(": expected ");
        return expected < 0
                ? message
                : message.substring(0, expected) + ": " + what + ": " + message.substring(expected + 2);
    }

    private static Component component(ComponentRegistry registry, YamlNode componentNode, String where) {
        String name = componentNode.string();
        try {
            return registry.component(name, where);
        } catch (ConfigException e) {
            String hint = name.contains(".") ? "" : CloseNames.hint(name, registry.names());
            return throwAt(componentNode, e.getMessage() + hint);
        }
    }

    private static Component throwAt(YamlNode node, String message) {
        throw at(node, message);
    }

    private static int retries(Optional<YamlNode> value, int otherwise, String what) {
        if (value.isEmpty() || value.get().isNull()) {
            return otherwise;
        }
        YamlNode node = value.get();
        if (node.kind() != YamlNode.Kind.NUMBER || !node.string().matches("\\d{1,9}")) {
            throw node.error(what + ": a whole number >= 0");
        }
        return Integer.parseInt(node.string());
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

    private static MetadataConfig metadata(YamlNode node) {
        String location = node.string();
        if (location.isBlank()) {
            throw node.error("metadata: a SQLite file or a JDBC URL", "an empty string");
        }
        return location.startsWith("jdbc:")
                ? MetadataConfig.parse(location)
                : MetadataConfig.sqlite(path(node, "metadata"));
    }

    private static Path path(YamlNode node, String what) {
        try {
            return Path.of(node.string());
        } catch (InvalidPathException e) {
            throw node.error(what + ": a path", "one with " + e.getReason().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** {@return a duration as {@link Durations} reads it ({@code 500ms}, {@code 30s}, {@code 10m}), or seconds} */
    static Duration duration(YamlNode value, String what) {
        if (value.isNull()) {
            return Duration.ZERO;
        }
        String text = value.string().strip();
        return Durations.parse(text.matches("\\d{1,12}") ? text + "s" : text)
                .orElseThrow(() -> value.error(what + ": " + Durations.EXPECTED));
    }

    /** {@return the YAML value as plain Java: String, Long, Double, Boolean, List, ordered Map, or null} */
    private static Object plain(YamlNode value) {
        return switch (value.kind()) {
            case MAPPING -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (String key : value.keys()) {
                    map.put(key, plain(value.required(key)));
                }
                yield map;
            }
            case SEQUENCE -> {
                List<Object> list = new ArrayList<>();
                value.elements().forEach(v -> list.add(plain(v)));
                yield list;
            }
            case NUMBER -> {
                String text = value.string();
                if (text.matches("[-+]?\\d{1,18}")) {
                    yield Long.parseLong(text);
                }
                yield value.number();
            }
            case BOOLEAN -> value.bool();
            case NULL -> null;
            case STRING -> value.string();
        };
    }
}
