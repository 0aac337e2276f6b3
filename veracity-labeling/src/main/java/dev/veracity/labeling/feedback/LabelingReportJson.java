package dev.veracity.labeling.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veracity.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.TreeMap;

/**
 * A {@link LabelingReport} as JSON (snake_case names, times in ISO-8601 UTC, durations in seconds), written
 * atomically.
 *
 * <pre>{@code
 * LabelingReportJson.write(report, Path.of("labeling-report.json"));
 * }</pre>
 */
public final class LabelingReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LabelingReportJson() {}

    /** {@return the report as a JSON tree} */
    public static ObjectNode toJson(LabelingReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        FeedbackSpec spec = report.spec();
        ObjectNode join = root.putObject("join");
        join.put("prediction_key", spec.predictionKey());
        join.put("outcome_key", spec.outcomeKey());
        join.put("window_seconds", spec.window().toMillis() / 1000.0);
        join.put("grace_seconds", spec.grace().toMillis() / 1000.0);
        join.put("rule", spec.rule().name().toLowerCase(java.util.Locale.ROOT));
        join.put("missing_outcome", spec.missing().name().toLowerCase(java.util.Locale.ROOT));
        join.put("deduplicate", spec.deduplicate());
        join.put("as_of", Timestamps.format(report.asOfMillis()));
        LabelingReport.Predictions p = report.predictions();
        ObjectNode predictions = root.putObject("predictions");
        predictions.put("read", p.read());
        predictions.put("invalid", p.invalid());
        predictions.put("duplicates", p.duplicates());
        predictions.put("labeled", p.labeled());
        predictions.put("matched", p.matched());
        predictions.put("matched_late", p.matchedLate());
        predictions.put("negative", p.negative());
        predictions.put("censored", p.censored());
        predictions.put("pending", p.pending());
        predictions.put("match_rate", p.matchRate());
        predictions.put("mature_match_rate", p.matureMatchRate());
        LabelingReport.Outcomes o = report.outcomes();
        ObjectNode outcomes = root.putObject("outcomes");
        outcomes.put("read", o.read());
        outcomes.put("invalid", o.invalid());
        outcomes.put("duplicates", o.duplicates());
        outcomes.put("matched", o.matched());
        outcomes.put("dropped_late", o.droppedLate());
        outcomes.put("unmatched", o.unmatched());
        outcomes.put("after_as_of", o.afterAsOf());
        LabelingReport.Delays d = report.delays();
        ObjectNode delays = root.putObject("label_delay");
        delays.put("count", d.count());
        delays.put("min_seconds", d.minSeconds());
        delays.put("mean_seconds", d.meanSeconds());
        delays.put("max_seconds", d.maxSeconds());
        ArrayNode buckets = delays.putArray("histogram");
        for (LabelingReport.DelayBucket bucket : d.buckets()) {
            ObjectNode b = buckets.addObject();
            b.put("bucket", bucket.name());
            b.put("lower_seconds", bucket.lowerSeconds());
            if (bucket.upperSeconds() >= 0) {
                b.put("upper_seconds", bucket.upperSeconds());
            }
            b.put("count", bucket.count());
        }
        ObjectNode labels = root.putObject("label_distribution");
        new TreeMap<>(report.labels()).forEach(labels::put);
        ObjectNode engine = root.putObject("engine");
        engine.put("partitions", report.engine().partitions());
        engine.put("spilled_bytes", report.engine().spilledBytes());
        return root;
    }

    /** Writes the report to {@code file} atomically. */
    public static void write(LabelingReport report, Path file) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(toJson(report));
        AtomicFiles.write(file, out -> {
            out.write(bytes);
            out.write('\n');
        });
    }
}
