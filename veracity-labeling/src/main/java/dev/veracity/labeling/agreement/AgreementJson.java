package dev.veracity.labeling.agreement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veracity.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An {@link AgreementReport} as JSON (snake_case; an undefined coefficient is {@code null}), written atomically.
 *
 * <pre>{@code
 * AgreementJson.write(report, Path.of("agreement.json"));
 * }</pre>
 */
public final class AgreementJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AgreementJson() {}

    public static ObjectNode toJson(AgreementReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        summary(root.putObject("overall"), report.overall());
        var labels = root.putArray("per_label");
        for (AgreementReport.LabelAgreement l : report.perLabel()) {
            ObjectNode node = labels.addObject();
            node.put("label", l.label());
            node.put("ratings", l.ratings());
            number(node, "share", l.share());
            number(node, "fleiss_kappa", l.fleissKappa());
            number(node, "specific_agreement", l.specificAgreement());
        }
        var pairs = root.putArray("per_rater_pair");
        for (PairAgreement p : report.perPair()) {
            ObjectNode node = pairs.addObject();
            node.put("rater_a", p.raterA());
            node.put("rater_b", p.raterB());
            node.put("items", p.items());
            number(node, "percent_agreement", p.percentAgreement());
            number(node, "cohen_kappa", p.cohenKappa());
        }
        ObjectNode versions = root.putObject("per_instruction_version");
        report.perVersion().forEach((version, s) -> summary(versions.putObject(version), s));
        return root;
    }

    private static void summary(ObjectNode node, AgreementReport.Summary s) {
        node.put("items", s.items());
        node.put("pairable_items", s.pairableItems());
        node.put("ratings", s.ratings());
        node.put("raters", s.raters());
        number(node, "percent_agreement", s.percentAgreement());
        number(node, "fleiss_kappa", s.fleissKappa());
        number(node, "krippendorff_alpha", s.alpha());
        node.put("alpha_level", s.level().name().toLowerCase(Locale.ROOT));
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    public static void write(AgreementReport report, Path file) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(toJson(report));
        AtomicFiles.write(file, out -> {
            out.write(bytes);
            out.write('\n');
        });
    }
}
