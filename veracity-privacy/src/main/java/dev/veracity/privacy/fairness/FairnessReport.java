package dev.veracity.privacy.fairness;

import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Group sizes, shares and label balance of one grouping, with the thresholds it crossed.
 *
 * @param file             the dataset
 * @param groupBy          the group-by features
 * @param label            the label feature
 * @param positive         the positive label value, if the label is binary
 * @param rows             rows read
 * @param rowsWithoutGroup rows missing a group-by feature (in no group)
 * @param groups           per group, largest first
 * @param thresholds       the thresholds applied
 * @param findings         the thresholds crossed
 */
public record FairnessReport(
        Path file,
        List<String> groupBy,
        String label,
        Optional<String> positive,
        long rows,
        long rowsWithoutGroup,
        List<GroupMetrics> groups,
        FairnessThresholds thresholds,
        List<FairnessFinding> findings) {
    public FairnessReport {
        Objects.requireNonNull(file, "file is null");
        groupBy = List.copyOf(groupBy);
        groups = List.copyOf(groups);
        findings = List.copyOf(findings);
    }

    /**
     * {@return the findings as TFDV's Anomalies message, so that {@code show}, the report and pipelines read them
     * like the validator's}: one entry per feature concerned, one reason per finding. TFDV's anomaly types name
     * schema problems only, so reasons have type UNKNOWN_TYPE and say what they are in the short description
     * ("Under-represented group", "Label rate gap", "Label distribution gap", "Missing values gap"); severity ERROR.
     */
    public Anomalies toAnomalies() {
        Map<String, AnomalyInfo.Builder> byFeature = new LinkedHashMap<>();
        for (FairnessFinding finding : findings) {
            AnomalyInfo.Builder info = byFeature.computeIfAbsent(
                    finding.feature(), f -> AnomalyInfo.newBuilder().setSeverity(AnomalyInfo.Severity.ERROR));
            info.addReason(AnomalyInfo.Reason.newBuilder()
                    .setType(AnomalyInfo.Type.UNKNOWN_TYPE)
                    .setShortDescription(finding.kind())
                    .setDescription(String.join("|", groupBy) + "=" + finding.group() + ": " + finding.description()));
        }
        Anomalies.Builder anomalies = Anomalies.newBuilder();
        byFeature.forEach((feature, info) -> {
            AnomalyInfo.Builder built = info;
            if (info.getReasonCount() > 1) {
                built.setShortDescription("Multiple errors")
                        .setDescription(info.getReasonList().stream()
                                .map(AnomalyInfo.Reason::getDescription)
                                .reduce((a, b) -> a + " " + b)
                                .orElse(""));
            } else {
                built.setShortDescription(info.getReason(0).getShortDescription())
                        .setDescription(info.getReason(0).getDescription());
            }
            anomalies.putAnomalyInfo(feature, built.build());
        });
        return anomalies.build();
    }
}
