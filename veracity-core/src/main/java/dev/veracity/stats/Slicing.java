package dev.veracity.stats;

import dev.veracity.ConfigException;
import java.util.List;

/**
 * One way to slice a dataset: by the values of one feature, or by the combinations of values of several (a cross).
 * Slices are named as TFDV's feature-value slicer names them: {@code country_DE}, crossed {@code country_DE_device_ios}.
 * An example missing a slicing feature belongs to no slice of it; a multivalent example to the slice of each value.
 *
 * <pre>{@code
 * Slicing byCountry = Slicing.of("country");
 * Slicing byCountryAndDevice = Slicing.of("country", "device");
 * }</pre>
 *
 * @param features the features whose values define the slices; at least one, no duplicates
 */
public record Slicing(List<String> features) {
    public Slicing {
        features = List.copyOf(features);
        if (features.isEmpty() || features.stream().anyMatch(String::isEmpty)) {
            throw new ConfigException("slicing: expected one or more feature names, found " + features);
        }
        if (features.stream().distinct().count() != features.size()) {
            throw new ConfigException("slicing: expected distinct features, found " + features);
        }
    }

    /** {@return the slicing by these features, crossed} */
    public static Slicing of(String... features) {
        return new Slicing(List.of(features));
    }

    /** {@return the features joined by commas, as on the command line} */
    @Override
    public String toString() {
        return String.join(",", features);
    }
}
