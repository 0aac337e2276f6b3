package dev.veracity.monitoring;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Writes a {@link ShiftReport} as JSON: {@code {"verdict", "prior_shift", "marginal": {feature: {"drift", ...}},
 * "conditional": {feature: {"drift", ..., "bins"}}, "model", ...}}. Never NaN; same report, same bytes.
 *
 * <pre>{@code
 * AtomicFiles.write(path, out -> ShiftJson.write(report, out));
 * }</pre>
 */
public final class ShiftJson {
    private ShiftJson() {}

    /** Writes the report as pretty-printed UTF-8 JSON, ending with a newline; the stream stays open. */
    public static void write(ShiftReport report, OutputStream out) throws IOException {
        try (JsonGenerator json = JsonFactory.builder().build().createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("verdict", report.verdict().text());
            json.writeBooleanField("prior_shift", report.prior().test().drift());
            json.writeStringField("concept_decided_by", report.decidedBy());
            json.writeStringField("label", report.options().label());
            json.writeNumberField("alpha", report.options().alpha());
            json.writeStringField("correction", "holm");
            json.writeNumberField("min_rows_per_bin", report.options().minRows());
            json.writeObjectFieldStart("rows");
            json.writeNumberField("baseline", report.baselineRows());
            json.writeNumberField("current", report.currentRows());
            json.writeEndObject();
            json.writeObjectFieldStart("prior");
            test(json, report.prior().test());
            shares(json, "baseline", report.prior().baseline());
            shares(json, "current", report.prior().current());
            json.writeEndObject();
            json.writeObjectFieldStart("marginal");
            for (Map.Entry<String, ShiftReport.Test> e : report.marginal().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .toList()) {
                json.writeObjectFieldStart(e.getKey());
                test(json, e.getValue());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeObjectFieldStart("conditional");
            for (Map.Entry<String, ShiftReport.Conditional> e : report.conditional().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .toList()) {
                json.writeObjectFieldStart(e.getKey());
                test(json, e.getValue().test());
                json.writeNumberField("rows_left_out", e.getValue().dropped());
                json.writeArrayFieldStart("bins");
                for (ShiftReport.Bin bin : e.getValue().bins()) {
                    json.writeStartObject();
                    json.writeStringField("bin", bin.bin());
                    json.writeNumberField("baseline_rows", bin.baselineRows());
                    json.writeNumberField("current_rows", bin.currentRows());
                    json.writeNumberField("baseline_rate", bin.baselineRate());
                    json.writeNumberField("current_rate", bin.currentRate());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndObject();
            ShiftReport.ModelCheck model = report.model();
            json.writeObjectFieldStart("model");
            if (!model.computable().isEmpty()) {
                json.writeStringField("not_computable", model.computable());
            } else {
                json.writeBooleanField("conclusive", model.conclusive());
                test(json, model.test());
                evaluation(json, "held_out_baseline", model.heldOut());
                evaluation(json, "current", model.current());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        out.write('\n');
    }

    private static void test(JsonGenerator json, ShiftReport.Test test) throws IOException {
        json.writeBooleanField("drift", test.drift());
        json.writeStringField("test", test.test());
        json.writeNumberField("statistic", test.statistic());
        if (test.dof() > 0) {
            json.writeNumberField("dof", test.dof());
        }
        json.writeNumberField("p_value", test.pValue());
        json.writeNumberField("adjusted_p_value", test.adjusted());
    }

    private static void shares(JsonGenerator json, String name, Map<String, Double> shares) throws IOException {
        json.writeObjectFieldStart(name);
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            json.writeNumberField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
    }

    private static void evaluation(JsonGenerator json, String name, ShiftReport.Evaluation e) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeNumberField("rows", e.rows());
        json.writeNumberField("accuracy", e.accuracy());
        json.writeNumberField("log_loss", e.logLoss());
        if (e.classes().isEmpty()) {
            json.writeNumberField("mean_predicted", e.meanPredicted());
            json.writeNumberField("observed_rate", e.observedRate());
            json.writeNumberField("hosmer_lemeshow", e.hosmerLemeshow());
            json.writeNumberField("hosmer_lemeshow_dof", e.dof());
            json.writeNumberField("hosmer_lemeshow_p_value", e.pValue());
            json.writeEndObject();
            return;
        }
        json.writeNumberField("brier", e.brier());
        json.writeNumberField("classwise_ece", e.classwiseEce());
        json.writeStringField(
                "calibration",
                "per class one-vs-rest: Hosmer-Lemeshow over 10 groups by the class's probability, Bonferroni across"
                        + " classes; ECE over 10 equal-width bins [0, 0.1), ..., [0.9, 1]");
        json.writeNumberField("hosmer_lemeshow", e.hosmerLemeshow());
        json.writeNumberField("hosmer_lemeshow_dof", e.dof());
        json.writeNumberField("hosmer_lemeshow_p_value", e.pValue());
        json.writeObjectFieldStart("classes");
        for (ShiftReport.ClassCalibration c : e.classes()) {
            json.writeObjectFieldStart(c.name());
            json.writeNumberField("mean_predicted", c.meanPredicted());
            json.writeNumberField("observed_rate", c.observedRate());
            json.writeNumberField("ece", c.ece());
            json.writeNumberField("hosmer_lemeshow", c.hosmerLemeshow());
            json.writeNumberField("hosmer_lemeshow_dof", c.dof());
            json.writeNumberField("hosmer_lemeshow_p_value", c.pValue());
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
    }
}
