package dev.veracity.io.skew;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.veracity.io.AtomicFiles;
import dev.veracity.skew.ConfusionCount;
import dev.veracity.skew.FeatureSkew;
import dev.veracity.skew.FeatureSkewReport;
import dev.veracity.skew.MatchStats;
import dev.veracity.skew.SkewOptions;
import dev.veracity.skew.SkewPair;
import dev.veracity.skew.ValueList;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link FeatureSkewReport} as one JSON document whose field names are TFDV's ({@code feature_skew},
 * {@code match_stats}, {@code skew_pairs}, {@code confusion_counts} with their proto fields in snake case). Examples
 * in skew pairs are {@code {"feature": [values]}} objects rather than tf.Example JSON; confusion values are plain
 * strings. The first field, {@code format_version}, changes when a field changes meaning.
 *
 * <pre>{@code
 * SkewReportJson.write(report, Path.of("skew.json"));
 * }</pre>
 */
public final class SkewReportJson {
    /** The version written in {@code format_version}. */
    public static final int FORMAT_VERSION = 1;

    private static final JsonFactory FACTORY = new JsonFactory();

    private SkewReportJson() {}

    /** Writes {@code report} to {@code file} atomically. */
    public static void write(FeatureSkewReport report, SkewOptions options, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(report, options, out));
    }

    /** Writes {@code report} to {@code out} as UTF-8, pretty-printed, and leaves {@code out} open. */
    public static void write(FeatureSkewReport report, SkewOptions options, OutputStream out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("format_version", FORMAT_VERSION);
            writeStrings(json, "identifier_features", options.identifierFeatures());
            writeStrings(json, "features_to_ignore", options.featuresToIgnore());
            if (options.roundsFloats()) {
                json.writeNumberField("float_round_ndigits", options.floatRoundDigits());
            }
            json.writeBooleanField("allow_duplicate_identifiers", false);
            writeMatchStats(json, report.matchStats());
            json.writeArrayFieldStart("feature_skew");
            for (FeatureSkew skew : report.featureSkew()) {
                json.writeStartObject();
                json.writeStringField("feature_name", skew.featureName());
                json.writeNumberField("base_count", skew.baseCount());
                json.writeNumberField("test_count", skew.testCount());
                json.writeNumberField("match_count", skew.matchCount());
                json.writeNumberField("base_only", skew.baseOnly());
                json.writeNumberField("test_only", skew.testOnly());
                json.writeNumberField("mismatch_count", skew.mismatchCount());
                json.writeNumberField("diff_count", skew.diffCount());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("skew_pairs");
            for (SkewPair pair : report.skewPairs()) {
                writePair(json, pair);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("confusion_counts");
            for (ConfusionCount count : report.confusionCounts()) {
                json.writeStartObject();
                json.writeStringField("feature_name", count.featureName());
                json.writeStringField("base", count.base());
                json.writeStringField("test", count.test());
                json.writeNumberField("count", count.count());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("confusion_maximum_error");
            for (var e : new java.util.TreeMap<>(report.confusionMaximumError()).entrySet()) {
                json.writeNumberField(e.getKey(), e.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("partitions", report.partitions());
            json.writeEndObject();
        }
        out.write('\n');
    }

    private static void writeMatchStats(JsonGenerator json, MatchStats stats) throws IOException {
        json.writeObjectFieldStart("match_stats");
        json.writeNumberField("base_with_id_count", stats.baseWithIdCount());
        json.writeNumberField("test_with_id_count", stats.testWithIdCount());
        json.writeNumberField("identifiers_count", stats.identifiersCount());
        json.writeNumberField("ids_missing_in_base_count", stats.idsMissingInBaseCount());
        json.writeNumberField("ids_missing_in_test_count", stats.idsMissingInTestCount());
        json.writeNumberField("matching_pairs_count", stats.matchingPairsCount());
        json.writeNumberField("duplicate_id_count", stats.duplicateIdCount());
        json.writeNumberField("base_missing_id_count", stats.baseMissingIdCount());
        json.writeNumberField("test_missing_id_count", stats.testMissingIdCount());
        json.writeEndObject();
    }

    private static void writePair(JsonGenerator json, SkewPair pair) throws IOException {
        json.writeStartObject();
        writeStrings(json, "identifier", pair.identifier());
        writeExample(json, "base", pair.base());
        writeExample(json, "test", pair.test());
        writeStrings(json, "base_only_features", pair.baseOnlyFeatures());
        writeStrings(json, "test_only_features", pair.testOnlyFeatures());
        writeStrings(json, "matched_features", pair.matchedFeatures());
        writeStrings(json, "mismatched_features", pair.mismatchedFeatures());
        json.writeEndObject();
    }

    private static void writeExample(JsonGenerator json, String name, Map<String, ValueList> example)
            throws IOException {
        json.writeObjectFieldStart(name);
        for (var e : example.entrySet()) {
            json.writeArrayFieldStart(e.getKey());
            ValueList values = e.getValue();
            for (int i = 0; i < values.size(); i++) {
                if (values instanceof ValueList.Ints ints) {
                    json.writeNumber(ints.values()[i]);
                } else if (values instanceof ValueList.Floats floats && Double.isFinite(floats.values()[i])) {
                    json.writeNumber(floats.values()[i]);
                } else {
                    json.writeString(values.text(i)); // strings, and NaN and infinities, which JSON lacks
                }
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void writeStrings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
