package dev.veracity.io.yaml;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.format.CloseNames;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One node of a YAML configuration file with its position: a mapping, a sequence or a scalar. The typed accessors
 * throw an {@link InputException} {@code FILE:LINE:COLUMN: expected ..., found ...} at the node that is wrong, so a
 * reader of a configuration file states what it expects and the message names the place.
 *
 * <pre>{@code
 * YamlNode check = ...;
 * check.allowKeys(Set.of("feature", "metric", "min", "max"));
 * String metric = check.required("metric").string();
 * double min = check.field("min").map(YamlNode::number).orElse(Double.NEGATIVE_INFINITY);
 * }</pre>
 */
public final class YamlNode {
    /** What a node is; a scalar's kind is how YAML resolved it (a quoted {@code "5"} is a string). */
    public enum Kind {
        MAPPING,
        SEQUENCE,
        STRING,
        NUMBER,
        BOOLEAN,
        NULL
    }

    private final Path file;
    private final int line;
    private final int column;
    private final Kind kind;
    private final String text;
    private final Map<String, YamlNode> fields;
    private final Map<String, YamlNode> keys;
    private final List<YamlNode> elements;

    private YamlNode(
            Path file,
            int line,
            int column,
            Kind kind,
            String text,
            Map<String, YamlNode> fields,
            Map<String, YamlNode> keys,
            List<YamlNode> elements) {
        this.file = file;
        this.line = line;
        this.column = column;
        this.kind = kind;
        this.text = text;
        this.fields = fields;
        this.keys = keys;
        this.elements = elements;
    }

    static YamlNode mapping(Path file, int line, int column, Map<String, YamlNode> fields, Map<String, YamlNode> keys) {
        return new YamlNode(
                file,
                line,
                column,
                Kind.MAPPING,
                "",
                Collections.unmodifiableMap(new LinkedHashMap<>(fields)),
                Map.copyOf(keys),
                List.of());
    }

    static YamlNode sequence(Path file, int line, int column, List<YamlNode> elements) {
        return new YamlNode(file, line, column, Kind.SEQUENCE, "", Map.of(), Map.of(), List.copyOf(elements));
    }

    static YamlNode scalar(Path file, int line, int column, Kind kind, String text) {
        return new YamlNode(file, line, column, kind, text, Map.of(), Map.of(), List.of());
    }

    /** {@return what this node is} */
    public Kind kind() {
        return kind;
    }

    /** {@return the 1-based line the node starts on} */
    public int line() {
        return line;
    }

    /** {@return the 1-based column the node starts at} */
    public int column() {
        return column;
    }

    /** {@return {@code FILE:LINE:COLUMN} of this node, the prefix of its messages} */
    public String where() {
        return file + ":" + line + ":" + column;
    }

    /** {@return whether this is a scalar of kind NULL (a key with no value, {@code ~} or {@code null})} */
    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /** {@return the value of {@code key} in this mapping, if present} */
    public Optional<YamlNode> field(String key) {
        return Optional.ofNullable(mappingFields().get(key));
    }

    /**
     * {@return the value of {@code key} in this mapping}
     *
     * @throws InputException at this mapping if the key is absent
     */
    public YamlNode required(String key) {
        YamlNode value = mappingFields().get(key);
        if (value == null) {
            throw error("the key \"" + key + "\"", "none");
        }
        return value;
    }

    /** {@return the keys of this mapping, in file order} */
    public Set<String> keys() {
        return mappingFields().keySet();
    }

    /**
     * Refuses a key of this mapping not in {@code allowed}, at the key's position, naming the close allowed ones.
     *
     * @throws InputException at the first unknown key
     */
    public void allowKeys(Collection<String> allowed) {
        for (String key : mappingFields().keySet()) {
            if (!allowed.contains(key)) {
                YamlNode at = keys.get(key);
                String hint = CloseNames.hint(key, allowed);
                throw at.error(
                        hint.isEmpty()
                                ? "one of "
                                        + String.join(
                                                ", ", allowed.stream().sorted().toList())
                                : "a known key",
                        "\"" + key + "\"" + hint);
            }
        }
    }

    /**
     * {@return the elements of this sequence}
     *
     * @throws InputException if this is not a sequence
     */
    public List<YamlNode> elements() {
        if (kind != Kind.SEQUENCE) {
            throw error("a list", found());
        }
        return elements;
    }

    /**
     * {@return the text of this scalar: a string, number or boolean as written}
     *
     * @throws InputException if this is a mapping, a sequence or null
     */
    public String string() {
        if (kind == Kind.MAPPING || kind == Kind.SEQUENCE || kind == Kind.NULL) {
            throw error("a text value", found());
        }
        return text;
    }

    /**
     * {@return this scalar as a whole number}
     *
     * @throws InputException if it is not one
     */
    public long integer() {
        if (kind == Kind.NUMBER) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                // A float, or an integer out of range: refused below.
            }
        }
        throw error("a whole number", found());
    }

    /**
     * {@return this scalar as a whole number between {@code min} and {@code max} inclusive}
     *
     * @throws InputException if it is not one
     */
    public int integer(int min, int max) {
        long value = integer();
        if (value < min || value > max) {
            throw error("a whole number from " + min + " to " + max, text);
        }
        return (int) value;
    }

    /**
     * {@return this scalar as a number; {@code .inf}, {@code -.inf} and {@code .nan} as YAML writes them}
     *
     * @throws InputException if it is not a number
     */
    public double number() {
        if (kind == Kind.NUMBER) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                // Refused below.
            }
        }
        if (kind == Kind.STRING || kind == Kind.NUMBER) {
            switch (text) {
                case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-.inf", "-.Inf", "-.INF" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                case ".nan", ".NaN", ".NAN" -> {
                    return Double.NaN;
                }
                default -> {
                    // Not a number: refused below.
                }
            }
        }
        throw error("a number", found());
    }

    /**
     * {@return this scalar as a boolean}
     *
     * @throws InputException if it is not {@code true} or {@code false}
     */
    public boolean bool() {
        if (kind != Kind.BOOLEAN) {
            throw error("true or false", found());
        }
        return Boolean.parseBoolean(text);
    }

    /**
     * {@return the texts of this sequence of scalars; a single scalar is a list of one}
     *
     * @throws InputException if an element is not a scalar
     */
    public List<String> strings() {
        if (kind != Kind.SEQUENCE) {
            return List.of(string());
        }
        return elements.stream().map(YamlNode::string).toList();
    }

    /** {@return an input error at this node: {@code FILE:LINE:COLUMN: expected EXPECTED, found FOUND}} */
    public InputException error(String expected, String found) {
        return new InputException(
                ErrorCode.CONFIG_FILE_INVALID, where() + ": expected " + expected + ", found " + found);
    }

    /** {@return an input error at this node, describing what the node holds as what was found} */
    public InputException error(String expected) {
        return error(expected, found());
    }

    /** {@return what this node holds, for messages: a quoted scalar (cut at 60 characters) or its kind} */
    public String found() {
        return switch (kind) {
            case MAPPING -> "a mapping";
            case SEQUENCE -> "a list";
            case NULL -> "nothing";
            case STRING, NUMBER, BOOLEAN -> "\"" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "\"";
        };
    }

    private Map<String, YamlNode> mappingFields() {
        if (kind != Kind.MAPPING) {
            throw error("a mapping", found());
        }
        return fields;
    }

    @Override
    public String toString() {
        return where() + " " + kind;
    }
}
