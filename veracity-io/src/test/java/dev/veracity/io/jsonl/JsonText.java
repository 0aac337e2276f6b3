package dev.veracity.io.jsonl;

import dev.veracity.testing.Gen;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes JSON text for tests, with random whitespace between tokens and random escapes of characters that need none,
 * and notes each key path as it writes it.
 */
final class JsonText {
    /** An object written as {@code null}. */
    static final Object NULL_OBJECT = new Object();

    private static final String WHITESPACE = " \t\r";

    private final SplittableRandom random;
    private final double spaces;
    private final double escapes;

    JsonText(SplittableRandom random, double spaces, double escapes) {
        this.random = random;
        this.spaces = spaces;
        this.escapes = escapes;
    }

    /**
     * {@return an object as one line of JSON}
     *
     * @param tree   keys to nested maps (objects), {@link JsonLinesTable.Cell}s or {@link #NULL_OBJECT}
     * @param prefix the dotted path of the object, or null at the top
     * @param keys   receives each key's dotted path in order of first appearance, with whether it held an object
     */
    String object(Map<String, Object> tree, String prefix, LinkedHashMap<String, Boolean> keys) {
        StringBuilder s = new StringBuilder();
        space(s);
        s.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            if (!first) {
                space(s);
                s.append(',');
            }
            first = false;
            space(s);
            string(s, e.getKey());
            space(s);
            s.append(':');
            space(s);
            String name = prefix == null ? e.getKey() : prefix + "." + e.getKey();
            Object value = e.getValue();
            if (value instanceof Map<?, ?>) {
                keys.merge(name, true, Boolean::logicalOr);
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) value;
                s.append(object(nested, name, keys));
            } else {
                keys.merge(name, false, Boolean::logicalOr);
                if (value == NULL_OBJECT) {
                    s.append("null");
                } else {
                    cell(s, (JsonLinesTable.Cell) value);
                }
            }
        }
        space(s);
        s.append('}');
        space(s);
        return s.toString();
    }

    private void cell(StringBuilder s, JsonLinesTable.Cell cell) {
        switch (cell.kind()) {
            case ABSENT -> throw new IllegalArgumentException("an absent cell is not written");
            case NULL -> s.append("null");
            case SCALAR -> value(s, cell.values().get(0));
            case ARRAY -> {
                s.append('[');
                List<JsonLinesTable.Value> values = cell.values();
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        s.append(',');
                    }
                    space(s);
                    value(s, values.get(i));
                    space(s);
                }
                s.append(']');
            }
        }
    }

    private void value(StringBuilder s, JsonLinesTable.Value value) {
        if (value == null) {
            s.append("null");
        } else if (value.kind() == ParsedLine.STRING) {
            string(s, value.string());
        } else {
            s.append(value.text());
        }
    }

    /** Appends a JSON string: quotes, backslashes, control chars and unpaired surrogates escaped, others at random. */
    private void string(StringBuilder s, String text) {
        s.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean escape = random.nextDouble() < escapes;
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) && !pair || escape) {
                String shortForm = switch (c) {
                    case '\b' -> "\\b";
                    case '\f' -> "\\f";
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    case '/' -> "\\/";
                    default -> null;
                };
                s.append(shortForm != null && random.nextBoolean() ? shortForm : String.format("\\u%04x", (int) c));
                if (pair) {
                    s.append(String.format("\\u%04X", (int) text.charAt(++i)));
                }
            } else {
                s.append(c);
                if (pair) {
                    s.append(text.charAt(++i));
                }
            }
        }
        s.append('"');
    }

    private void space(StringBuilder s) {
        if (random.nextDouble() < spaces) {
            s.append(Gen.string(random, WHITESPACE, 1, 3));
        }
    }

    /**
     * {@return the UTF-8 bytes of a string, an unpaired surrogate encoded as its 3-byte form (generalized UTF-8, which
     * strict decoders reject)}
     */
    static byte[] generalizedUtf8(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        text.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xC0 | cp >> 6);
                out.write(0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                out.write(0xE0 | cp >> 12);
                out.write(0x80 | cp >> 6 & 0x3F);
                out.write(0x80 | cp & 0x3F);
            } else {
                out.write(0xF0 | cp >> 18);
                out.write(0x80 | cp >> 12 & 0x3F);
                out.write(0x80 | cp >> 6 & 0x3F);
                out.write(0x80 | cp & 0x3F);
            }
        });
        return out.toByteArray();
    }
}
