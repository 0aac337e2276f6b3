package dev.veracity.pipeline.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a node's outputs depend on, content-addressed: component type and code version, canonical parameters, and
 * the content digests of its input artifacts and external files (never ids or times, so a re-made artifact with the
 * same content gives the same key: early cutoff). Its {@link #material()} is one {@code name=value} line per part,
 * which {@link #diff} compares to explain a miss.
 *
 * <pre>{@code
 * CacheKey key = CacheKey.of(Map.of("component", "StatisticsGen", "input.examples[0]", digest));
 * String id = key.digest();
 * }</pre>
 *
 * @param parts the parts by name, sorted
 */
public record CacheKey(SortedMap<String, String> parts) {
    public CacheKey {
        parts = new TreeMap<>(Objects.requireNonNull(parts, "parts is null"));
    }

    /** {@return a key of these parts} */
    public static CacheKey of(Map<String, String> parts) {
        return new CacheKey(new TreeMap<>(parts));
    }

    /** {@return the key read back from its material} */
    public static CacheKey parse(String material) {
        SortedMap<String, String> parts = new TreeMap<>();
        for (String line : material.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                parts.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return new CacheKey(parts);
    }

    /** {@return one line per part, sorted by name} */
    public String material() {
        StringBuilder text = new StringBuilder();
        parts.forEach((k, v) ->
                text.append(k).append('=').append(v.replace('\n', ' ')).append('\n'));
        return text.toString();
    }

    /** {@return the hex SHA-256 of the material: the key} */
    public String digest() {
        return Digests.ofText(material());
    }

    /** {@return what differs from {@code before}, one line per part: changed, added or removed} */
    public List<String> diff(CacheKey before) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> part : parts.entrySet()) {
            String old = before.parts.get(part.getKey());
            if (old == null) {
                lines.add(part.getKey() + ": added " + shorten(part.getValue()));
            } else if (!old.equals(part.getValue())) {
                lines.add(part.getKey() + ": " + shorten(old) + " -> " + shorten(part.getValue()));
            }
        }
        for (String name : before.parts.keySet()) {
            if (!parts.containsKey(name)) {
                lines.add(name + ": removed (was " + shorten(before.parts.get(name)) + ")");
            }
        }
        return lines;
    }

    private static String shorten(String value) {
        return value.matches("[0-9a-f]{64}") ? value.substring(0, 12) : value;
    }
}
