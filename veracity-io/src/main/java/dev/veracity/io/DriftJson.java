package dev.veracity.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.veracity.drift.DriftReport;
import dev.veracity.drift.DriftResult;
import java.io.IOException;
import java.io.Writer;

/**
 * A drift report as JSON for dashboards: {@code {"spans", "baseline", "alarms", "slices": [{"dataset", "features":
 * [{"feature", "test", "threshold", "alarm", "spans": [{"index", "span", "previous", "baseline"}]}]}]}}, each result
 * {@code {"status", "statistic", "pValue", "threshold", "drift", "errorBound", "reason", "baselineInfinite",
 * "currentInfinite"}} (the last two: infinite values left out of each side's distribution); a number that does not
 * apply (NaN) is {@code null}. {@code veracity drift -o} and the pipeline's DriftCheck both write it here.
 *
 * <pre>{@code
 * DriftJson.write(DriftSeries.of(List.of(monday, tuesday)).run(), writer);
 * }</pre>
 */
public final class DriftJson {
    private DriftJson() {}

    /** Writes the report as JSON, pretty-printed, ending with a line separator; does not close {@code out}. */
    public static void write(DriftReport report, Writer out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("spans");
            for (String span : report.spans()) {
                json.writeString(span);
            }
            json.writeEndArray();
            json.writeStringField("baseline", report.baseline());
            json.writeNumberField("alarms", report.alarms().size());
            json.writeArrayFieldStart("slices");
            for (DriftReport.SliceDrift slice : report.slices()) {
                json.writeStartObject();
                json.writeStringField("dataset", slice.dataset());
                json.writeArrayFieldStart("features");
                for (DriftReport.FeatureSeries feature : slice.features()) {
                    writeFeature(json, report, feature);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw(System.lineSeparator());
        }
    }

    private static void writeFeature(JsonGenerator json, DriftReport report, DriftReport.FeatureSeries feature)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("feature", feature.feature());
        json.writeStringField("test", feature.metric());
        number(json, "threshold", feature.threshold());
        json.writeBooleanField("alarm", feature.hasAlarm());
        json.writeArrayFieldStart("spans");
        for (DriftReport.SpanDrift span : feature.spans()) {
            json.writeStartObject();
            json.writeNumberField("index", span.span());
            json.writeStringField("span", report.spans().get(span.span()));
            json.writeFieldName("previous");
            result(json, span.previous());
            json.writeFieldName("baseline");
            result(json, span.baseline());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void result(JsonGenerator json, DriftResult result) throws IOException {
        json.writeStartObject();
        json.writeStringField("status", result.status().name());
        number(json, "statistic", result.statistic());
        number(json, "pValue", result.pValue());
        number(json, "threshold", result.threshold());
        json.writeBooleanField("drift", result.drift());
        number(json, "errorBound", result.errorBound());
        json.writeStringField("reason", result.reason());
        number(json, "baselineInfinite", result.baselineInfinite());
        number(json, "currentInfinite", result.currentInfinite());
        json.writeEndObject();
    }

    private static void number(JsonGenerator json, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumberField(name, value);
        } else {
            json.writeNullField(name);
        }
    }
}
