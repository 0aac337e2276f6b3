package dev.veracity.monitoring;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link PerformanceReport} as JSON: the options that shape it, per span and slice the metrics (a value with
 * its interval, or {@code not_computable} with the reason), the confusion matrix, the alarms and the detectors. Never
 * NaN; same report, same bytes.
 *
 * <pre>{@code
 * AtomicFiles.write(path, out -> PerformanceJson.write(report, out));
 * }</pre>
 */
public final class PerformanceJson {
    /** The binning of the expected calibration error, stated in the output. */
    public static final String ECE_BINNING = "10 equal-width bins of the score: [0, 0.1), [0.1, 0.2), ..., [0.9, 1]";

    private PerformanceJson() {}

    /** Writes the report as pretty-printed UTF-8 JSON, ending with a newline; the stream stays open. */
    public static void write(PerformanceReport report, OutputStream out) throws IOException {
        try (JsonGenerator json = JsonFactory.builder().build().createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            PerformanceOptions options = report.options();
            json.writeStartObject();
            json.writeStringField("label", options.label());
            json.writeStringField("task", report.task().name().toLowerCase(Locale.ROOT));
            if (!options.score().isEmpty()) {
                json.writeStringField("score", options.score());
                json.writeStringField("positive", report.positive());
                json.writeNumberField("threshold", options.threshold());
                json.writeStringField("ece_binning", ECE_BINNING);
            } else {
                json.writeStringField("prediction", options.prediction());
            }
            if (!options.probabilities().isEmpty()) {
                json.writeObjectFieldStart("probabilities");
                for (Map.Entry<String, String> column : options.probabilities().entrySet()) {
                    json.writeStringField(column.getKey(), column.getValue());
                }
                json.writeEndObject();
            }
            if (report.task() == Task.CLASSIFICATION) {
                json.writeArrayFieldStart("classes");
                for (String c : report.classes()) {
                    json.writeString(c);
                }
                json.writeEndArray();
            }
            json.writeStringField("time", options.time());
            json.writeStringField(
                    "span",
                    options.time().isEmpty() ? "all" : options.span().name().toLowerCase(Locale.ROOT));
            json.writeStringField("slice_by", options.sliceBy());
            json.writeNumberField("rows", report.rows());
            json.writeNumberField("labeled", report.labeled());
            json.writeObjectFieldStart("bootstrap");
            json.writeNumberField("resamples", options.resamples());
            json.writeNumberField("seed", options.seed());
            json.writeNumberField("level", QualityMetrics.LEVEL);
            json.writeEndObject();
            json.writeObjectFieldStart("baseline");
            json.writeStringField("source", report.baseline());
            json.writeNumberField("max_drop", options.maxDrop());
            json.writeArrayFieldStart("slices");
            for (PerformanceReport.SpanQuality quality : report.baselines().values().stream()
                    .sorted(java.util.Comparator.comparing(PerformanceReport.SpanQuality::slice))
                    .toList()) {
                quality(json, quality);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeArrayFieldStart("spans");
            for (PerformanceReport.SpanQuality quality : report.spans()) {
                quality(json, quality);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("alarms");
            for (PerformanceReport.Alarm alarm : report.alarms()) {
                json.writeStartObject();
                json.writeStringField("span", alarm.span());
                json.writeStringField("slice", alarm.slice());
                json.writeStringField("rule", alarm.rule());
                json.writeStringField("metric", alarm.metric());
                if (Double.isFinite(alarm.baseline())) {
                    json.writeNumberField("baseline", alarm.baseline());
                    json.writeNumberField("value", alarm.value());
                }
                json.writeStringField("detail", alarm.detail());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("detectors");
            for (PerformanceReport.DetectorRun run : report.detectors()) {
                detector(json, run);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }

    private static void quality(JsonGenerator json, PerformanceReport.SpanQuality quality) throws IOException {
        json.writeStartObject();
        json.writeStringField("span", quality.span());
        json.writeStringField("slice", quality.slice());
        json.writeNumberField("rows", quality.rows());
        json.writeNumberField("labeled", quality.labeled());
        json.writeNumberField("label_rate", quality.rows() == 0 ? 0 : (double) quality.labeled() / quality.rows());
        json.writeObjectFieldStart("metrics");
        for (Map.Entry<String, Metric> e : quality.metrics().entrySet()) {
            Metric metric = e.getValue();
            json.writeObjectFieldStart(e.getKey());
            if (metric.computable()) {
                json.writeNumberField("value", metric.value());
                if (metric.interval().isPresent()) {
                    json.writeArrayFieldStart("ci");
                    json.writeNumber(metric.interval().get().low());
                    json.writeNumber(metric.interval().get().high());
                    json.writeEndArray();
                }
            } else {
                json.writeStringField("not_computable", metric.reason());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
        if (quality.confusion().length > 0) {
            json.writeArrayFieldStart("confusion_matrix");
            for (long[] row : quality.confusion()) {
                json.writeArray(row, 0, row.length);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void detector(JsonGenerator json, PerformanceReport.DetectorRun run) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", run.name());
        json.writeStringField("stream", run.stream());
        json.writeBooleanField("raises_alarm", run.raisesAlarm());
        json.writeObjectFieldStart("parameters");
        for (Map.Entry<String, Double> p : run.parameters().entrySet()) {
            json.writeNumberField(p.getKey(), p.getValue());
        }
        json.writeEndObject();
        if (!run.applicable().isEmpty()) {
            json.writeStringField("not_applicable", run.applicable());
        }
        json.writeArrayFieldStart("detections");
        for (PerformanceReport.Detection d : run.detections()) {
            json.writeStartObject();
            json.writeNumberField("index", d.index());
            json.writeStringField("row", d.row());
            json.writeStringField("span", d.span());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
