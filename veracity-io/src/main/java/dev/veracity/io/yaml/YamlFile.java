package dev.veracity.io.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML configuration file (at most 16 MiB of UTF-8, one document) into a {@link YamlNode} tree that keeps each
 * node's line and column. Every failure is an {@link InputException} naming the file, and the line and column where
 * the parser stopped.
 *
 * <pre>{@code
 * YamlNode root = YamlFile.read(Path.of("checks.yaml"), "a checks file");
 * for (YamlNode check : root.required("checks").elements()) { ... }
 * }</pre>
 */
public final class YamlFile {
    /** The largest configuration file read. */
    public static final int MAX_BYTES = 16 << 20;

    private static final int MAX_DEPTH = 100;

    private YamlFile() {}

    /**
     * {@return the root node of the file: an empty mapping for an empty file}
     *
     * @param what what the file is, for messages ({@code "a checks file"})
     * @throws InputException if the file is missing, a directory, unreadable, too large, not UTF-8 or not YAML
     */
    public static YamlNode read(Path file, String what) {
        return parse(file, readText(file, what));
    }

    /**
     * {@return the root node of YAML text said to come from {@code file}}
     *
     * @throws InputException if the text is not YAML
     */
    public static YamlNode parse(Path file, String text) {
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            try {
                JsonToken first = parser.nextToken();
                if (first == null) {
                    return YamlNode.mapping(file, 1, 1, Map.of(), Map.of());
                }
                YamlNode root = node(file, parser, 0);
                if (parser.nextToken() != null) {
                    throw syntax(file, parser.currentLocation(), "one YAML document, found another after it");
                }
                return root;
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation() != null && e.getLocation().getLineNr() > 0
                        ? e.getLocation()
                        : parser.currentLocation();
                throw syntax(file, at, "YAML, found: " + oneLine(e.getOriginalMessage()));
            }
        } catch (IOException e) {
            throw new InputException(
                    ErrorCode.CONFIG_FILE_INVALID, file + ": expected YAML, found: " + oneLine(e.getMessage()), e);
        }
    }

    private static YamlNode node(Path file, JsonParser parser, int depth) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        if (depth > MAX_DEPTH) {
            throw syntax(file, at, "YAML nested at most " + MAX_DEPTH + " levels deep, found deeper");
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode> fields = new LinkedHashMap<>();
                Map<String, YamlNode> keys = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    JsonLocation keyAt = parser.currentTokenLocation();
                    String key = parser.currentName();
                    parser.nextToken();
                    YamlNode value = node(file, parser, depth + 1);
                    if (fields.putIfAbsent(key, value) != null) {
                        throw syntax(file, keyAt, "each key once in a mapping, found \"" + key + "\" again");
                    }
                    keys.put(
                            key,
                            YamlNode.scalar(file, keyAt.getLineNr(), keyAt.getColumnNr(), YamlNode.Kind.STRING, key));
                }
                return YamlNode.mapping(file, line, column, fields, keys);
            }
            case START_ARRAY -> {
                List<YamlNode> elements = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    elements.add(node(file, parser, depth + 1));
                }
                return YamlNode.sequence(file, line, column, elements);
            }
            case VALUE_STRING -> {
                return YamlNode.scalar(file, line, column, YamlNode.Kind.STRING, parser.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return YamlNode.scalar(file, line, column, YamlNode.Kind.NUMBER, parser.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return YamlNode.scalar(file, line, column, YamlNode.Kind.BOOLEAN, parser.getText());
            }
            case VALUE_NULL -> {
                return YamlNode.scalar(file, line, column, YamlNode.Kind.NULL, "");
            }
            case VALUE_EMBEDDED_OBJECT, NOT_AVAILABLE, FIELD_NAME, END_OBJECT, END_ARRAY ->
                throw syntax(file, at, "a YAML value, found " + token);
        }
        throw syntax(file, at, "a YAML value, found " + token);
    }

    private static InputException syntax(Path file, JsonLocation at, String expected) {
        String position = at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
        return new InputException(ErrorCode.CONFIG_FILE_INVALID, file + position + ": expected " + expected);
    }

    private static String readText(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw new InputException(ErrorCode.NOT_A_REGULAR_FILE, file + ": expected " + what + ", found a directory");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new InputException(ErrorCode.FILE_NOT_FOUND, file + ": expected " + what + ", found none");
        } catch (IOException e) {
            throw new InputException(
                    ErrorCode.FILE_UNREADABLE,
                    file + ": expected " + what + " to read, found an error: " + e.getMessage(),
                    e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new InputException(
                    ErrorCode.CONFIG_FILE_INVALID,
                    file + ": expected " + what + " of at most " + (MAX_BYTES >> 20) + " MiB, found more");
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
                    ErrorCode.CONFIG_FILE_INVALID, file + ": expected UTF-8 YAML, found bytes that are not UTF-8");
        }
    }

    /**
     * {@return a parser message on one line}: SnakeYAML writes a context line, the problem, and for each a position
     * line, the offending source line and a caret; the indented lines are dropped, the rest joined
     */
    public static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "a syntax error";
        }
        String line = String.join(
                ": ",
                message.strip()
                        .lines()
                        .filter(l -> !l.isBlank() && !l.startsWith(" ") && !l.startsWith("\t"))
                        .map(String::strip)
                        .toList());
        if (line.isEmpty()) {
            line = message.strip().lines().findFirst().orElse("").strip();
        }
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
