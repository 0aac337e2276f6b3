package dev.veracity.privacy.fairness;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * A fairness report as JSON ({@code format_version} 1): per group its counts, shares and metrics, then the findings.
 * NaN (not computable) is written as null.
 */
public final class FairnessJson {
    private FairnessJson() {}

    /** Writes the report to the stream (not closed). */
    public static void write(FairnessReport report, OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("format_version", 1);
            json.writeStringField("file", report.file().toString());
            json.writeArrayFieldStart("group_by");
            for (String feature : report.groupBy()) {
                json.writeString(feature);
            }
            json.writeEndArray();
            json.writeStringField("label", report.label());
            if (report.positive().isPresent()) {
                json.writeStringField("positive_label", report.positive().get());
            }
            json.writeNumberField("rows", report.rows());
            json.writeNumberField("rows_without_group", report.rowsWithoutGroup());
            json.writeArrayFieldStart("groups");
            for (GroupMetrics g : report.groups()) {
                json.writeStartObject();
                json.writeStringField("group", g.group());
                json.writeNumberField("rows", g.rows());
                number(json, "share", g.share());
                number(json, "reference_share", g.referenceShare());
                number(json, "class_imbalance", g.classImbalance());
                number(json, "positive_rate", g.positiveRate());
                number(json, "dpl", g.dpl());
                number(json, "kl", g.kl());
                number(json, "js", g.js());
                number(json, "tvd", g.tvd());
                number(json, "label_missing_rate", g.labelMissingRate());
                json.writeObjectFieldStart("labels");
                for (Map.Entry<String, Long> label : new java.util.TreeMap<>(g.labels()).entrySet()) {
                    json.writeNumberField(label.getKey(), label.getValue());
                }
                json.writeEndObject();
                json.writeObjectFieldStart("missing_rates");
                for (Map.Entry<String, Double> missing : new java.util.TreeMap<>(g.missingRates()).entrySet()) {
                    number(json, missing.getKey(), missing.getValue());
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("findings");
            for (FairnessFinding finding : report.findings()) {
                json.writeStartObject();
                json.writeStringField("feature", finding.feature());
                json.writeStringField("group", finding.group());
                json.writeStringField("kind", finding.kind());
                json.writeStringField("description", finding.description());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }

    private static void number(JsonGenerator json, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumberField(name, value);
        } else {
            json.writeNullField(name);
        }
    }
}
