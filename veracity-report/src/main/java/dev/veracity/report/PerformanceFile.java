package dev.veracity.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON that {@code veracity performance -o perf.json} (and the pipeline's ModelMonitor) writes into a
 * {@link ModelQuality}. The report reads the file rather than the monitoring module's objects, so it stays a leaf
 * that depends on core and io only.
 *
 * <pre>{@code
 * ModelQuality quality = PerformanceFile.read(Path.of("perf.json"));
 * }</pre>
 */
public final class PerformanceFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PerformanceFile() {}

    /**
     * {@return the quality over spans the file holds}
     *
     * @throws InputException if the file is missing, is not JSON, or lacks the spans of a performance report
     */
    public static ModelQuality read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.toString(), in);
        } catch (NoSuchFileException e) {
            throw new InputException(ErrorCode.FILE_NOT_FOUND, file + ": expected a performance JSON file, found none");
        }
    }

    /**
     * {@return the quality over spans of a performance JSON document}
     *
     * @param source the document's name in messages and in the report
     * @throws InputException if it is not JSON or lacks the spans of a performance report
     */
    public static ModelQuality parse(String source, InputStream in) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw invalid(
                    source + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr()),
                    "JSON",
                    e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("spans").isArray()) {
            throw invalid(
                    source, "a performance report (an object with \"spans\")", root == null ? "nothing" : kind(root));
        }
        List<String> spans = new ArrayList<>(new LinkedHashSet<>(texts(root.path("spans"), "span")));
        Map<String, Map<String, Double>> baselines = new LinkedHashMap<>();
        for (JsonNode quality : root.path("baseline").path("slices")) {
            Map<String, Double> values = new LinkedHashMap<>();
            quality.path("metrics").fields().forEachRemaining(e -> values.put(e.getKey(), value(e.getValue())));
            baselines.put(quality.path("slice").asText(), values);
        }
        // slice -> metric -> [values, low, high] over the spans
        Map<String, Map<String, List<List<Double>>>> bySlice = new LinkedHashMap<>();
        for (JsonNode quality : root.path("spans")) {
            int at = spans.indexOf(quality.path("span").asText());
            String slice = quality.path("slice").asText("all");
            Map<String, List<List<Double>>> metrics = bySlice.computeIfAbsent(slice, s -> new LinkedHashMap<>());
            Iterator<Map.Entry<String, JsonNode>> fields =
                    quality.path("metrics").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                List<List<Double>> series = metrics.computeIfAbsent(field.getKey(), m -> nans(spans.size()));
                JsonNode metric = field.getValue();
                series.get(0).set(at, value(metric));
                JsonNode ci = metric.path("ci");
                if (ci.isArray() && ci.size() == 2) {
                    series.get(1).set(at, ci.get(0).asDouble());
                    series.get(2).set(at, ci.get(1).asDouble());
                }
            }
        }
        List<ModelQuality.Series> series = new ArrayList<>();
        bySlice.forEach((slice, metrics) -> metrics.forEach((metric, lists) -> series.add(new ModelQuality.Series(
                slice,
                metric,
                lists.get(0),
                lists.get(1),
                lists.get(2),
                baselines.getOrDefault(slice, Map.of()).getOrDefault(metric, Double.NaN)))));
        List<ModelQuality.Alarm> alarms = new ArrayList<>();
        for (JsonNode alarm : root.path("alarms")) {
            alarms.add(new ModelQuality.Alarm(
                    alarm.path("span").asText(),
                    alarm.path("slice").asText(),
                    alarm.path("rule").asText(),
                    alarm.path("metric").asText(),
                    alarm.path("detail").asText()));
        }
        List<ModelQuality.Detection> detections = new ArrayList<>();
        for (JsonNode detector : root.path("detectors")) {
            for (JsonNode d : detector.path("detections")) {
                detections.add(new ModelQuality.Detection(
                        detector.path("name").asText(),
                        d.path("span").asText(),
                        d.path("index").asLong(),
                        d.path("row").asText(),
                        detector.path("raises_alarm").asBoolean()));
            }
        }
        String name = Path.of(source).getFileName() == null
                ? source
                : Path.of(source).getFileName().toString();
        return new ModelQuality(name, root.path("task").asText(""), spans, series, alarms, detections);
    }

    private static double value(JsonNode metric) {
        JsonNode value = metric.path("value");
        return value.isNumber() ? value.asDouble() : Double.NaN;
    }

    private static List<List<Double>> nans(int n) {
        List<List<Double>> lists = new ArrayList<>(3);
        for (int k = 0; k < 3; k++) {
            List<Double> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(Double.NaN);
            }
            lists.add(list);
        }
        return lists;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.path(field).asText()));
        return out;
    }

    private static String kind(JsonNode node) {
        return node.isObject()
                ? "an object without \"spans\""
                : "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static InputException invalid(String where, String expected, String found) {
        return new InputException(
                ErrorCode.STATISTICS_FILE_INVALID, where + ": expected " + expected + ", found " + found);
    }
}
