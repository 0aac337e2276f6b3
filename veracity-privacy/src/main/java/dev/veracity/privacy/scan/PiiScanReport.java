package dev.veracity.privacy.scan;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The verdicts of a scan, in feature order. It holds counts and shares only: no value of the data.
 *
 * @param file       the file scanned
 * @param rows       the rows read
 * @param sampleSize the cap on values scanned per feature
 * @param threshold  the least confidence of a finding that counts
 * @param features   one verdict per feature
 */
public record PiiScanReport(Path file, long rows, int sampleSize, double threshold, List<FeatureVerdict> features) {
    public PiiScanReport {
        Objects.requireNonNull(file, "file is null");
        features = List.copyOf(features);
    }

    /** {@return the verdicts of the features that hold personal data} */
    public List<FeatureVerdict> piiFeatures() {
        return features.stream().filter(FeatureVerdict::isPii).toList();
    }
}
