package dev.veracity.privacy.scan;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A scan report as JSON ({@code format_version} 1): per feature its counts, shares per entity and verdict. No value
 * of the data is written.
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("pii.json"), out -> PiiScanJson.write(report, out));
 * }</pre>
 */
public final class PiiScanJson {
    private PiiScanJson() {}

    /** Writes the report to the stream (not closed). */
    public static void write(PiiScanReport report, OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("format_version", 1);
            json.writeStringField("file", report.file().toString());
            json.writeNumberField("rows", report.rows());
            json.writeNumberField("sample_size", report.sampleSize());
            json.writeNumberField("threshold", report.threshold());
            json.writeArrayFieldStart("features");
            for (FeatureVerdict feature : report.features()) {
                json.writeStartObject();
                json.writeStringField("feature", feature.feature());
                json.writeBooleanField("pii", feature.isPii());
                if (feature.isPii()) {
                    json.writeStringField(
                            "entity", feature.verdict().get().entity().name());
                }
                json.writeNumberField("values", feature.values());
                json.writeNumberField("scanned", feature.scanned());
                json.writeNumberField("fraction_with_pii", feature.fractionWithPii());
                json.writeNumberField("min_fraction", feature.minFraction());
                json.writeArrayFieldStart("entities");
                for (EntityShare share : feature.entities()) {
                    json.writeStartObject();
                    json.writeStringField("entity", share.entity().name());
                    json.writeNumberField("values", share.values());
                    json.writeNumberField("fraction", share.fraction());
                    json.writeNumberField("mean_score", share.meanScore());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }
}
