package dev.veracity.report;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A feature's schema as the report shows it, each part a short phrase.
 *
 * @param type     the schema type (INT, FLOAT, BYTES, STRUCT)
 * @param presence e.g. "required" or "min fraction 0.9", "" when the schema says nothing
 * @param valency  e.g. "exactly 1 value" or "1 to 3 values", "" when the schema says nothing
 * @param domain   e.g. "4 values: road, trail, track, treadmill" or "[0, 100]", "" when the feature has none
 * @param notes    lifecycle, environments and comparator thresholds, one phrase each
 */
public record FeatureSchema(String type, String presence, String valency, String domain, List<String> notes) {
    public FeatureSchema {
        requireNonNull(type, "type is null");
        requireNonNull(presence, "presence is null");
        requireNonNull(valency, "valency is null");
        requireNonNull(domain, "domain is null");
        notes = List.copyOf(requireNonNull(notes, "notes is null"));
    }
}
