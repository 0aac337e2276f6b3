package dev.veracity.monitoring;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads golden.py's JSON into maps, lists, strings, doubles and booleans (tests only). */
final class Golden {
    private Golden() {}

    static List<Map<String, Object>> cases() throws IOException {
        return cases("metrics.json");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases(String file) throws IOException {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/monitoring/" + file);
                JsonParser parser = new JsonFactory().createParser(in)) {
            parser.nextToken();
            return (List<Map<String, Object>>) ((Map<String, Object>) value(parser)).get("cases");
        }
    }

    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Object> map = new LinkedHashMap<>();
            while (parser.nextToken() != JsonToken.END_OBJECT) {
                String name = parser.currentName();
                parser.nextToken();
                map.put(name, value(parser));
            }
            return map;
        }
        if (token == JsonToken.START_ARRAY) {
            List<Object> list = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                list.add(value(parser));
            }
            return list;
        }
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return parser.getBooleanValue();
        }
        return parser.getDoubleValue();
    }

    @SuppressWarnings("unchecked")
    static double[] doubles(Map<String, Object> golden, String key) {
        return ((List<Double>) golden.get(key))
                .stream().mapToDouble(Double::doubleValue).toArray();
    }

    @SuppressWarnings("unchecked")
    static double[][] matrix(Map<String, Object> golden, String key) {
        return ((List<List<Double>>) golden.get(key))
                .stream()
                        .map(row ->
                                row.stream().mapToDouble(Double::doubleValue).toArray())
                        .toArray(double[][]::new);
    }

    static int[] ints(Map<String, Object> golden, String key) {
        double[] values = doubles(golden, key);
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ints[i] = (int) values[i];
        }
        return ints;
    }
}
