package dev.veracity.cli;

import dev.veracity.io.validate.ExampleValidationResult;
import dev.veracity.io.validate.ValidatedBatch;
import dev.veracity.proto.AnomalyInfo;
import java.util.Locale;
import java.util.Map;

/** The rows per anomaly reason of {@code validate-examples}, as a table for the terminal. */
final class ValidateExamplesTable {
    private ValidateExamplesTable() {}

    /** {@return the table: feature, reason, rows; then the total} */
    static String render(ExampleValidationResult result) {
        StringBuilder text = new StringBuilder();
        if (!result.counts().isEmpty()) {
            int featureWidth = "feature".length();
            int reasonWidth = "reason".length();
            for (String key : result.counts().keySet()) {
                String[] split = split(key);
                featureWidth = Math.max(featureWidth, split[0].length());
                reasonWidth = Math.max(reasonWidth, split[1].length());
            }
            String row = "%-" + featureWidth + "s  %-" + reasonWidth + "s  %10s%n";
            text.append(String.format(Locale.ROOT, row, "feature", "reason", "rows"));
            for (Map.Entry<String, Long> entry : result.counts().entrySet()) {
                String[] split = split(entry.getKey());
                text.append(
                        String.format(Locale.ROOT, row, split[0], split[1], String.format("%,d", entry.getValue())));
            }
        }
        text.append(String.format(
                Locale.ROOT,
                "%,d of %,d rows anomalous (%.2f%%)%n",
                result.anomalousRows(),
                result.rows(),
                result.rows() == 0 ? 0.0 : 100.0 * result.anomalousRows() / result.rows()));
        return text.toString();
    }

    /** {@return a slice key {@code feature_TYPE} as {feature, TYPE}}, finding the longest known type name at its end */
    static String[] split(String key) {
        String best = null;
        for (AnomalyInfo.Type type : AnomalyInfo.Type.values()) {
            if (key.endsWith("_" + type.name()) && (best == null || type.name().length() > best.length())) {
                best = type.name();
            }
        }
        if (best == null && key.endsWith("_" + ValidatedBatch.CUSTOM_VALIDATION)) {
            best = ValidatedBatch.CUSTOM_VALIDATION;
        }
        if (best == null) {
            return new String[] {key, ""};
        }
        return new String[] {key.substring(0, key.length() - best.length() - 1), best};
    }
}
