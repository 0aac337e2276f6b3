package dev.veracity.schema;

import static java.util.Objects.requireNonNull;

import dev.veracity.proto.Anomalies;
import java.util.List;

/**
 * What a validation found: TFDV's {@code Anomalies}, and warnings about checks the schema asks for but that could
 * not apply, such as an L-infinity drift comparator on a numeric feature (TFDV records 0 there, issue #147).
 * Warnings are not anomalies: they never change the anomalies or the exit code.
 *
 * @param anomalies the anomalies, with drift and skew measurements in {@code drift_skew_info}
 * @param warnings  one line per check not applied, naming the feature, the schema field and why
 */
public record ValidationReport(Anomalies anomalies, List<String> warnings) {
    public ValidationReport {
        requireNonNull(anomalies, "anomalies is null");
        warnings = List.copyOf(warnings);
    }
}
