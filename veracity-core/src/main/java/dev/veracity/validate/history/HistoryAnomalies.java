package dev.veracity.validate.history;

import dev.veracity.data.ValueText;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.schema.PathNames;

/**
 * Reports a {@link HistoryAnomaly} in TFDV's anomalies format, as {@code validate} reports a failed custom check: a
 * {@code CUSTOM_VALIDATION} reason (severity ERROR) on the feature's {@code anomaly_info}, or on
 * {@code dataset_anomaly_info} for a dataset metric.
 *
 * <pre>{@code
 * anomalies = HistoryAnomalies.add(anomalies, "fare", "mean", "2024-05-03", found, strategy);
 * }</pre>
 */
public final class HistoryAnomalies {
    private HistoryAnomalies() {}

    /** {@return the anomalies with one more reason for {@code anomaly} of a metric on a span} */
    public static Anomalies add(
            Anomalies anomalies,
            String feature,
            String metric,
            String span,
            HistoryAnomaly anomaly,
            HistoryStrategy strategy) {
        String measured = feature.isEmpty() ? metric : metric + " of " + feature;
        AnomalyInfo.Reason reason = AnomalyInfo.Reason.newBuilder()
                .setType(AnomalyInfo.Type.CUSTOM_VALIDATION)
                .setShortDescription("Metric history anomaly: " + measured)
                .setDescription("History of " + measured + ": expected a value in [" + ValueText.of(anomaly.low())
                        + ", " + ValueText.of(anomaly.high()) + "] by " + strategy.describe() + ", found "
                        + ValueText.of(anomaly.value()) + " on span " + span + ".")
                .build();
        Anomalies.Builder builder =
                anomalies.toBuilder().setAnomalyNameFormat(Anomalies.AnomalyNameFormat.SERIALIZED_PATH);
        if (feature.isEmpty()) {
            builder.setDatasetAnomalyInfo(
                    add(builder.hasDatasetAnomalyInfo() ? builder.getDatasetAnomalyInfo() : null, reason));
        } else {
            AnomalyInfo existing = builder.getAnomalyInfoMap().get(feature);
            AnomalyInfo info = add(existing, reason);
            if (existing == null) {
                info = info.toBuilder()
                        .setPath(PathNames.of(PathNames.parse(feature).toArray(String[]::new)))
                        .build();
            }
            builder.putAnomalyInfo(feature, info);
        }
        return builder.build();
    }

    private static AnomalyInfo add(AnomalyInfo existing, AnomalyInfo.Reason reason) {
        if (existing == null) {
            return AnomalyInfo.newBuilder()
                    .setSeverity(AnomalyInfo.Severity.ERROR)
                    .setShortDescription(reason.getShortDescription())
                    .setDescription(reason.getDescription())
                    .addReason(reason)
                    .build();
        }
        return existing.toBuilder()
                .setSeverity(AnomalyInfo.Severity.ERROR)
                .setShortDescription("Multiple errors")
                .setDescription(existing.getDescription() + " " + reason.getDescription())
                .addReason(reason)
                .build();
    }
}
