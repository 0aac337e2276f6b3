package dev.veracity.monitoring;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link ShiftDiagnosis} compares and at which error rate.
 *
 * <pre>{@code
 * ShiftOptions options = ShiftOptions.of("completed").withFeatures(List.of("distance_km", "elevation_gain_m"));
 * }</pre>
 *
 * @param label    the label column
 * @param features the features (empty: every column but the label)
 * @param alpha    the family-wise error rate across all tests (Holm)
 * @param minRows  the fewest rows of each dataset a bin of the conditional test holds
 * @param seed     the seed of the baseline's split into training and held-out rows of the model check
 */
public record ShiftOptions(String label, List<String> features, double alpha, int minRows, long seed) {
    /** The default family-wise error rate. */
    public static final double DEFAULT_ALPHA = 0.01;

    /** The default fewest rows per bin. */
    public static final int DEFAULT_MIN_ROWS = 30;

    public ShiftOptions {
        Objects.requireNonNull(label, "label is null");
        features = List.copyOf(features);
        if (!(alpha > 0 && alpha < 1) || minRows < 1) {
            throw new IllegalArgumentException("expected 0 < alpha < 1 and minRows >= 1");
        }
    }

    /** {@return the defaults for a label} */
    public static ShiftOptions of(String label) {
        return new ShiftOptions(label, List.of(), DEFAULT_ALPHA, DEFAULT_MIN_ROWS, 42);
    }

    /** {@return these options with the given features} */
    public ShiftOptions withFeatures(List<String> chosen) {
        return new ShiftOptions(label, chosen, alpha, minRows, seed);
    }

    /** {@return these options with another seed} */
    public ShiftOptions withSeed(long other) {
        return new ShiftOptions(label, features, alpha, minRows, other);
    }
}
