package dev.veracity.stats;

import dev.veracity.proto.Feature;
import dev.veracity.proto.Schema;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The features TFDV treats as bytes ({@code schema_util.get_bytes_features}): the schema's leaf features with an
 * {@code image_domain}, named as readers name their columns (a struct's fields joined by dots).
 *
 * <pre>{@code
 * StatisticsOptions options = StatisticsOptions.DEFAULT.withBytesFeatures(BytesFeatures.of(schema));
 * }</pre>
 */
public final class BytesFeatures {
    private BytesFeatures() {}

    /** {@return the column names of the schema's features with an {@code image_domain}} */
    public static Set<String> of(Schema schema) {
        Set<String> names = new HashSet<>();
        collect(schema.getFeatureList(), "", names);
        return Set.copyOf(names);
    }

    private static void collect(List<Feature> features, String prefix, Set<String> names) {
        for (Feature feature : features) {
            if (feature.hasStructDomain()) {
                collect(feature.getStructDomain().getFeatureList(), prefix + feature.getName() + ".", names);
            } else if (feature.hasImageDomain()) {
                names.add(prefix + feature.getName());
            }
        }
    }
}
