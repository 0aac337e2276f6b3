package dev.veracity.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.veracity.schema.metrics.Comparison;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a {@link ReportModel} as the JSON document the page's script reads ({@code "version": 1}). Histograms are
 * flat arrays of {@code low, high, count} triples and top values of {@code value, count} pairs, to keep pages small.
 *
 * <pre>{@code
 * ReportJson.write(model, writer);
 * }</pre>
 */
public final class ReportJson {
    /** The version of the document; the script refuses others. */
    public static final int VERSION = 1;

    private ReportJson() {}

    /** Writes the model as script-safe JSON (see {@link ScriptJson}). */
    public static void write(ReportModel model, Writer writer) throws IOException {
        try (JsonGenerator json = ScriptJson.generator(writer)) {
            json.writeStartObject();
            json.writeNumberField("version", VERSION);
            json.writeStringField("title", model.title());
            json.writeNumberField("maxTopValues", model.maxTopValues());
            json.writeArrayFieldStart("datasets");
            for (ReportDataset dataset : model.datasets()) {
                json.writeStartObject();
                json.writeStringField("name", dataset.name());
                json.writeStringField("source", dataset.source());
                json.writeStringField("slice", dataset.slice());
                json.writeFieldName("examples");
                ScriptJson.number(json, dataset.statistics().getNumExamples());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("features");
            for (FeatureRow row : model.features()) {
                feature(json, row);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("datasetAnomalies");
            for (AnomalyEntry anomaly : model.datasetAnomalies()) {
                anomaly(json, anomaly);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("driftSkew");
            for (DriftSkewEntry entry : model.driftSkew()) {
                json.writeStartObject();
                json.writeStringField("feature", entry.feature());
                json.writeStringField("kind", entry.kind());
                json.writeStringField("metric", entry.metric());
                json.writeFieldName("value");
                ScriptJson.number(json, entry.value());
                json.writeFieldName("threshold");
                ScriptJson.number(json, entry.threshold());
                json.writeEndObject();
            }
            json.writeEndArray();
            if (!model.history().isEmpty()) { // absent, not empty, so older pages' data stays byte-identical
                json.writeArrayFieldStart("history");
                for (MetricHistory series : model.history()) {
                    history(json, series);
                }
                json.writeEndArray();
            }
            if (model.quality().isPresent()) {
                quality(json, model.quality().get());
            }
            json.writeEndObject();
        }
    }

    private static void history(JsonGenerator json, MetricHistory series) throws IOException {
        json.writeStartObject();
        json.writeStringField("feature", series.feature());
        json.writeStringField("metric", series.metric());
        json.writeStringField("strategy", series.strategy());
        json.writeArrayFieldStart("spans");
        for (MetricHistory.Point point : series.points()) {
            json.writeString(point.span());
        }
        json.writeEndArray();
        json.writeArrayFieldStart("values");
        for (MetricHistory.Point point : series.points()) {
            ScriptJson.number(json, point.value());
        }
        json.writeEndArray();
        json.writeArrayFieldStart("anomalies"); // index, low, high triples
        for (int i = 0; i < series.points().size(); i++) {
            MetricHistory.Point point = series.points().get(i);
            if (point.anomalous()) {
                json.writeNumber(i);
                ScriptJson.number(json, point.low());
                ScriptJson.number(json, point.high());
            }
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void quality(JsonGenerator json, ModelQuality quality) throws IOException {
        json.writeObjectFieldStart("quality");
        json.writeStringField("source", quality.source());
        json.writeStringField("task", quality.task());
        json.writeArrayFieldStart("spans");
        for (String span : quality.spans()) {
            json.writeString(span);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("series");
        for (ModelQuality.Series series : quality.series()) {
            json.writeStartObject();
            json.writeStringField("slice", series.slice());
            json.writeStringField("metric", series.metric());
            numbers(json, "values", series.values());
            numbers(json, "low", series.low());
            numbers(json, "high", series.high());
            json.writeFieldName("baseline");
            ScriptJson.number(json, series.baseline());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("alarms");
        for (ModelQuality.Alarm alarm : quality.alarms()) {
            json.writeStartObject();
            json.writeStringField("span", alarm.span());
            json.writeStringField("slice", alarm.slice());
            json.writeStringField("rule", alarm.rule());
            json.writeStringField("metric", alarm.metric());
            json.writeStringField("detail", alarm.detail());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("detections");
        for (ModelQuality.Detection detection : quality.detections()) {
            json.writeStartObject();
            json.writeStringField("detector", detection.detector());
            json.writeStringField("span", detection.span());
            json.writeNumberField("index", detection.index());
            json.writeStringField("row", detection.row());
            json.writeBooleanField("alarm", detection.raisesAlarm());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void numbers(JsonGenerator json, String name, List<Double> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (double value : values) {
            ScriptJson.number(json, value);
        }
        json.writeEndArray();
    }

    private static void feature(JsonGenerator json, FeatureRow row) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", row.name());
        json.writeStringField("kind", row.kind().name().toLowerCase(Locale.ROOT));
        json.writeArrayFieldStart("stats");
        for (Optional<FeatureSummary> summary : row.summaries()) {
            if (summary.isPresent()) {
                summary(json, summary.get());
            } else {
                json.writeNull();
            }
        }
        json.writeEndArray();
        json.writeArrayFieldStart("distances");
        for (Optional<Distance> distance : row.distances()) {
            if (distance.isPresent()) {
                json.writeStartObject();
                comparison(json, "linf", distance.get().lInfinity());
                comparison(json, "js", distance.get().jensenShannon());
                json.writeEndObject();
            } else {
                json.writeNull();
            }
        }
        json.writeEndArray();
        if (row.schema().isPresent()) {
            FeatureSchema schema = row.schema().get();
            json.writeObjectFieldStart("schema");
            json.writeStringField("type", schema.type());
            json.writeStringField("presence", schema.presence());
            json.writeStringField("valency", schema.valency());
            json.writeStringField("domain", schema.domain());
            strings(json, "notes", schema.notes());
            json.writeEndObject();
        }
        json.writeArrayFieldStart("anomalies");
        for (AnomalyEntry anomaly : row.anomalies()) {
            anomaly(json, anomaly);
        }
        json.writeEndArray();
        if (row.privacy().isPresent()) {
            json.writeStringField("pii", row.privacy().get());
        }
        if (row.parent().isPresent()) {
            json.writeStringField("parent", row.parent().get());
        }
        if (row.details().stream().anyMatch(Optional::isPresent)) {
            json.writeArrayFieldStart("details");
            for (Optional<FeatureDetails> details : row.details()) {
                if (details.isPresent()) {
                    details(json, details.get());
                } else {
                    json.writeNull();
                }
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void details(JsonGenerator json, FeatureDetails details) throws IOException {
        json.writeStartObject();
        if (!details.domain().isEmpty()) {
            json.writeStringField("domain", details.domain());
        }
        if (!Double.isNaN(details.domainMatch())) {
            field(json, "domainMatch", details.domainMatch());
        }
        if (!Double.isNaN(details.coverage())) {
            field(json, "coverage", details.coverage());
            field(json, "avgTokenLength", details.avgTokenLength());
        }
        if (!details.tokenLength().isEmpty()) {
            buckets(json, "tokenLength", details.tokenLength());
        }
        if (!details.sequenceLength().isEmpty()) {
            buckets(json, "sequenceLength", details.sequenceLength());
        }
        if (!details.imageFormats().isEmpty()) {
            values(json, "imageFormats", details.imageFormats());
            field(json, "imageMaxWidth", details.imageMaxWidth());
            field(json, "imageMaxHeight", details.imageMaxHeight());
        }
        if (!details.unit().isEmpty()) {
            json.writeStringField("unit", details.unit());
            values(json, "unitStatistics", details.unitStatistics());
        }
        json.writeEndObject();
    }

    private static void values(JsonGenerator json, String name, List<ValueCount> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (ValueCount value : values) {
            json.writeString(value.value());
            ScriptJson.number(json, value.count());
        }
        json.writeEndArray();
    }

    private static void summary(JsonGenerator json, FeatureSummary summary) throws IOException {
        json.writeStartObject();
        json.writeNumberField("count", summary.count());
        json.writeFieldName("missing");
        ScriptJson.number(json, summary.missingFraction());
        json.writeFieldName("nonUniformity");
        ScriptJson.number(json, summary.nonUniformity());
        if (summary instanceof NumericSummary n) {
            field(json, "mean", n.mean());
            field(json, "stdDev", n.stdDev());
            field(json, "zeros", n.zerosFraction());
            field(json, "min", n.min());
            field(json, "median", n.median());
            field(json, "max", n.max());
            field(json, "nan", n.numNan());
            buckets(json, "standard", n.standard());
            buckets(json, "quantiles", n.quantiles());
        } else if (summary instanceof CategoricalSummary c) {
            json.writeNumberField("unique", c.unique());
            field(json, "totalValues", c.totalValues());
            field(json, "avgLength", c.avgLength());
            json.writeNumberField("valuesKnown", c.valuesKnown());
            json.writeArrayFieldStart("top");
            for (ValueCount value : c.topValues()) {
                json.writeString(value.value());
                ScriptJson.number(json, value.count());
            }
            json.writeEndArray();
        }
        // a PresenceSummary has only the count and missing fraction written above
        json.writeEndObject();
    }

    private static void buckets(JsonGenerator json, String name, List<Bucket> buckets) throws IOException {
        json.writeArrayFieldStart(name);
        for (Bucket bucket : buckets) {
            ScriptJson.number(json, bucket.low());
            ScriptJson.number(json, bucket.high());
            ScriptJson.number(json, bucket.count());
        }
        json.writeEndArray();
    }

    private static void comparison(JsonGenerator json, String name, Comparison comparison) throws IOException {
        if (comparison instanceof Comparison.Value value) {
            json.writeFieldName(name);
            ScriptJson.number(json, value.value());
            if (!value.label().isEmpty()) {
                json.writeStringField(name + "Label", value.label());
            }
        } else if (comparison instanceof Comparison.Unavailable unavailable) {
            json.writeStringField(name + "Unavailable", unavailable.reason());
        }
    }

    private static void anomaly(JsonGenerator json, AnomalyEntry anomaly) throws IOException {
        json.writeStartObject();
        json.writeStringField("severity", anomaly.severity());
        json.writeStringField("short", anomaly.shortDescription());
        json.writeStringField("description", anomaly.description());
        json.writeArrayFieldStart("reasons");
        for (AnomalyEntry.Reason reason : anomaly.reasons()) {
            json.writeStartObject();
            json.writeStringField("type", reason.type());
            json.writeStringField("short", reason.shortDescription());
            json.writeStringField("description", reason.description());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void field(JsonGenerator json, String name, double value) throws IOException {
        json.writeFieldName(name);
        ScriptJson.number(json, value);
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
