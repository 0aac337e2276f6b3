package dev.veracity.pipeline;

import dev.veracity.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The parameter values of one node, checked against the component's {@link ParameterSpec}s: a String, Long,
 * Double, Boolean, {@code List<String>} or ordered {@code Map<String, String>} per name.
 *
 * <pre>{@code
 * Parameters p = Parameters.of(spec, Map.of("partition_feature", "runner"), "node gen");
 * String feature = p.string("partition_feature").orElse("");
 * }</pre>
 */
public final class Parameters {
    private final Map<String, Object> values;

    private Parameters(Map<String, Object> values) {
        this.values = values;
    }

    /** {@return no parameters} */
    public static Parameters empty() {
        return new Parameters(Map.of());
    }

    /**
     * {@return the values, converted to their declared types}
     *
     * @param where names the node in error messages
     * @throws ConfigException if a name is not declared, a required one is missing or a value has the wrong type
     */
    public static Parameters of(ComponentSpec spec, Map<String, ?> raw, String where) {
        Map<String, Object> values = new TreeMap<>();
        for (Map.Entry<String, ?> entry : raw.entrySet()) {
            ParameterSpec parameter = spec.parameter(entry.getKey())
                    .orElseThrow(() -> new ConfigException(where
                            + ": expected a parameter of " + spec.type() + " ("
                            + spec.parameters().stream()
                                    .map(ParameterSpec::name)
                                    .collect(Collectors.joining(", ")) + "), found \""
                            + entry.getKey() + "\""));
            if (entry.getValue() != null) {
                values.put(parameter.name(), convert(parameter, entry.getValue(), where));
            }
        }
        for (ParameterSpec parameter : spec.parameters()) {
            if (parameter.required() && !values.containsKey(parameter.name())) {
                throw new ConfigException(where + ": expected parameter " + parameter.name() + " ("
                        + parameter.description() + "), found none");
            }
        }
        return new Parameters(values);
    }

    private static Object convert(ParameterSpec parameter, Object value, String where) {
        String expected = where + ": parameter " + parameter.name() + ": expected " + parameter.type();
        switch (parameter.type()) {
            case STRING:
                if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                    return value.toString();
                }
                break;
            case INT:
                if (value instanceof Integer || value instanceof Long) {
                    return ((Number) value).longValue();
                }
                if (value instanceof String s && s.strip().matches("-?\\d+")) {
                    return Long.parseLong(s.strip());
                }
                break;
            case DOUBLE:
                if (value instanceof Number n) {
                    return n.doubleValue();
                }
                break;
            case BOOLEAN:
                if (value instanceof Boolean) {
                    return value;
                }
                break;
            case LIST:
                if (value instanceof List<?> list) {
                    List<String> strings = new ArrayList<>();
                    for (Object element : list) {
                        if (element instanceof Map || element instanceof List || element == null) {
                            throw new ConfigException(expected + " of strings, found " + element);
                        }
                        strings.add(element.toString());
                    }
                    return List.copyOf(strings);
                }
                if (value instanceof String s) {
                    return List.of(s);
                }
                break;
            case MAP:
                if (value instanceof Map<?, ?> map) {
                    Map<String, String> strings = new LinkedHashMap<>();
                    for (Map.Entry<?, ?> entry : map.entrySet()) {
                        if (entry.getValue() instanceof Map || entry.getValue() instanceof List) {
                            throw new ConfigException(expected + " of strings, found " + entry.getValue());
                        }
                        strings.put(String.valueOf(entry.getKey()), String.valueOf(entry.getValue()));
                    }
                    return java.util.Collections.unmodifiableMap(strings);
                }
                break;
        }
        throw new ConfigException(
                expected + ", found " + value + " (" + value.getClass().getSimpleName() + ")");
    }

    /** {@return the string value, if set} */
    public Optional<String> string(String name) {
        return Optional.ofNullable((String) values.get(name));
    }

    /** {@return the integer value, if set} */
    public Optional<Long> integer(String name) {
        return Optional.ofNullable((Long) values.get(name));
    }

    /** {@return the double value, if set} */
    public Optional<Double> decimal(String name) {
        return Optional.ofNullable((Double) values.get(name));
    }

    /** {@return the boolean value, or {@code otherwise}} */
    public boolean bool(String name, boolean otherwise) {
        Object value = values.get(name);
        return value == null ? otherwise : (Boolean) value;
    }

    /** {@return the list value, empty if unset} */
    @SuppressWarnings("unchecked")
    public List<String> list(String name) {
        return (List<String>) values.getOrDefault(name, List.of());
    }

    /** {@return the map value in its order, empty if unset} */
    @SuppressWarnings("unchecked")
    public Map<String, String> map(String name) {
        return (Map<String, String>) values.getOrDefault(name, Map.of());
    }

    /** {@return whether the parameter is set} */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * {@return a canonical text of the values for cache keys: names sorted, maps in their (meaningful) order, JSON
     * syntax}
     */
    public String canonical() {
        StringBuilder text = new StringBuilder("{");
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            if (text.length() > 1) {
                text.append(',');
            }
            text.append(quote(entry.getKey())).append(':').append(canonical(entry.getValue()));
        }
        return text.append('}').toString();
    }

    private static String canonical(Object value) {
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Parameters::canonical).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(e -> "[" + quote(e.getKey().toString()) + ","
                            + quote(e.getValue().toString()) + "]")
                    .collect(Collectors.joining(",", "[", "]"));
        }
        return String.valueOf(value);
    }

    static String quote(String s) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    /** {@return the values by name, sorted} */
    public Map<String, Object> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Parameters p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }

    @Override
    public String toString() {
        return canonical();
    }
}
