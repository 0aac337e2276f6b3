package dev.veracity.selection;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The result of a selection: what the label was, how it was read, and every feature ranked.
 *
 * @param label    the label column
 * @param task     CLASSIFICATION or REGRESSION (resolved from AUTO)
 * @param rows     the rows with a present label
 * @param features the features in rank order
 * @param warnings warnings about the whole run (e.g. skipped columns)
 * @param stability per feature, the fraction of bootstrap resamples that selected it; empty without bootstrap
 */
public record SelectionReport(
        String label,
        Task task,
        long rows,
        List<FeatureResult> features,
        List<String> warnings,
        Map<String, Double> stability) {
    public SelectionReport {
        stability = Collections.unmodifiableMap(new TreeMap<>(stability));
        Objects.requireNonNull(label, "label is null");
        Objects.requireNonNull(task, "task is null");
        features = List.copyOf(features);
        warnings = List.copyOf(warnings);
    }

    /** A report without bootstrap. */
    public SelectionReport(String label, Task task, long rows, List<FeatureResult> features, List<String> warnings) {
        this(label, task, rows, features, warnings, Map.of());
    }

    /** {@return the names of the selected features, in rank order} */
    public List<String> selected() {
        return features.stream()
                .filter(FeatureResult::selected)
                .map(FeatureResult::name)
                .toList();
    }

    /** {@return whether any feature has a leakage warning} */
    public boolean hasLeakage() {
        return hasWarning(FeatureWarning.Kind.LEAKAGE);
    }

    /** {@return whether any feature has a warning of this kind} */
    public boolean hasWarning(FeatureWarning.Kind kind) {
        for (FeatureResult f : features) {
            for (FeatureWarning w : f.warnings()) {
                if (w.kind() == kind) {
                    return true;
                }
            }
        }
        return false;
    }
}
