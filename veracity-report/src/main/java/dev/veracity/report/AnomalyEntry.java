package dev.veracity.report;

import static java.util.Objects.requireNonNull;

import dev.veracity.proto.AnomalyInfo;
import java.util.List;

/**
 * An anomaly as the report lists it: TFDV's {@code AnomalyInfo} of a feature or of the dataset.
 *
 * @param severity         ERROR, WARNING or UNKNOWN
 * @param shortDescription the anomaly's short description
 * @param description      its long description
 * @param reasons          its reasons: TFDV type names and their descriptions
 */
public record AnomalyEntry(String severity, String shortDescription, String description, List<Reason> reasons) {
    /**
     * One reason of an anomaly.
     *
     * @param type             TFDV's anomaly type, e.g. {@code ENUM_TYPE_UNEXPECTED_STRING_VALUES}
     * @param shortDescription the reason's short description
     * @param description      the reason's description
     */
    public record Reason(String type, String shortDescription, String description) {
        public Reason {
            requireNonNull(type, "type is null");
            requireNonNull(shortDescription, "shortDescription is null");
            requireNonNull(description, "description is null");
        }
    }

    public AnomalyEntry {
        requireNonNull(severity, "severity is null");
        requireNonNull(shortDescription, "shortDescription is null");
        requireNonNull(description, "description is null");
        reasons = List.copyOf(requireNonNull(reasons, "reasons is null"));
    }

    /** {@return the entry of a TFDV anomaly} */
    public static AnomalyEntry of(AnomalyInfo info) {
        return new AnomalyEntry(
                info.getSeverity().name(),
                info.getShortDescription(),
                info.getDescription(),
                info.getReasonList().stream()
                        .map(r -> new Reason(r.getType().name(), r.getShortDescription(), r.getDescription()))
                        .toList());
    }
}
