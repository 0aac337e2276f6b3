package dev.veracity.selection;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link SelectionReport} as the ranking JSON contract: label, task, rows, then per feature its name, kind,
 * rank, selected, strength, complete rows, stability (with bootstrap), redundant_with (name and r or V, only when redundant), scores by method name (statistic, p_value where defined, dof for chi2,
 * eta_squared for anova_f) and warnings. Never NaN or infinity; same report, same bytes.
 */
public final class SelectionJson {
    private SelectionJson() {}

    /** Writes the report as pretty-printed UTF-8 JSON, ending with a newline; the stream stays open. */
    public static void write(SelectionReport report, OutputStream out) throws IOException {
        JsonFactory factory = JsonFactory.builder().build();
        try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("label", report.label());
            json.writeStringField("task", report.task().name().toLowerCase(Locale.ROOT));
            json.writeNumberField("rows", report.rows());
            json.writeArrayFieldStart("features");
            for (FeatureResult feature : report.features()) {
                feature(json, feature, report.stability());
            }
            json.writeEndArray();
            json.writeArrayFieldStart("warnings");
            for (String warning : report.warnings()) {
                json.writeString(warning);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }

    private static void feature(JsonGenerator json, FeatureResult feature, Map<String, Double> stability)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("name", feature.name());
        json.writeStringField("kind", feature.kind().name().toLowerCase(Locale.ROOT));
        json.writeNumberField("rank", feature.rank());
        json.writeBooleanField("selected", feature.selected());
        json.writeNumberField("strength", feature.strength());
        json.writeNumberField("complete_rows", feature.completeRows());
        Double stable = stability.get(feature.name());
        if (stable != null) {
            json.writeNumberField("stability", stable);
        }
        if (feature.redundantWith().isPresent()) {
            FeatureResult.Redundant with = feature.redundantWith().get();
            json.writeObjectFieldStart("redundant_with");
            json.writeStringField("name", with.name());
            json.writeNumberField("value", with.value());
            json.writeEndObject();
        }
        json.writeObjectFieldStart("scores");
        for (Score score : feature.scores()) {
            json.writeObjectFieldStart(score.method().jsonName());
            if (score.method() == Method.MUTUAL_INFORMATION) {
                json.writeNumberField("value", score.statistic());
            } else {
                json.writeNumberField("statistic", score.statistic());
            }
            if (score.hasPValue()) {
                json.writeNumberField("p_value", score.pValue());
            }
            if (score.method() == Method.CHI2) {
                json.writeNumberField("dof", score.dof());
            }
            if (score.method() == Method.ANOVA_F) {
                json.writeNumberField("eta_squared", score.strength());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeArrayFieldStart("warnings");
        for (FeatureWarning warning : feature.warnings()) {
            json.writeString(warning.text());
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
