package dev.veracity.schema;

import static java.util.Objects.requireNonNull;

import dev.veracity.proto.Feature;
import dev.veracity.proto.FloatDomain;
import dev.veracity.proto.IntDomain;
import dev.veracity.proto.Schema;
import dev.veracity.proto.SparseFeature;
import dev.veracity.proto.StringDomain;
import dev.veracity.proto.StructDomain;
import dev.veracity.proto.WeightedFeature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * Puts a schema in canonical order, so that a schema frozen under version control changes only where someone changed
 * it: the same content always gives the same file, whatever order inference or edits left it in.
 *
 * <pre>{@code
 * SchemaFiles.write(SchemaCanonicalizer.canonicalize(schema), Path.of("schema.pbtxt"));
 * }</pre>
 *
 * <p>Only what no reader can tell apart is reordered; every value is kept. Reordered, by name in bytewise UTF-8
 * order (TFDV's order for domain values), ties kept in place: features (and, recursively, the features and sparse
 * features of struct domains), sparse and weighted features, and the top-level string, int and float domains (features
 * refer to them by name). Environment lists ({@code default_environment}, {@code in_environment},
 * {@code not_in_environment}) lose repeated names, keeping the first, as TFDV reads them as sets. Left as they are:
 * string domain values (their order is how users read and curate them), value counts and shape dimensions (their
 * order is the nesting), index features of sparse features (their order is the dimension order), annotations, and
 * everything else.
 */
public final class SchemaCanonicalizer {
    private static final Comparator<String> BYTEWISE =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private SchemaCanonicalizer() {}

    /** {@return the schema in canonical order; canonicalizing it again gives it back} */
    public static Schema canonicalize(Schema schema) {
        requireNonNull(schema, "schema is null");
        Schema.Builder canonical = schema.toBuilder();
        List<Feature> features = canonicalFeatures(schema.getFeatureList());
        canonical.clearFeature().addAllFeature(features);
        canonical
                .clearSparseFeature()
                .addAllSparseFeature(sorted(schema.getSparseFeatureList(), SparseFeature::getName));
        canonical
                .clearWeightedFeature()
                .addAllWeightedFeature(sorted(schema.getWeightedFeatureList(), WeightedFeature::getName));
        canonical.clearStringDomain().addAllStringDomain(sorted(schema.getStringDomainList(), StringDomain::getName));
        canonical.clearIntDomain().addAllIntDomain(sorted(schema.getIntDomainList(), IntDomain::getName));
        canonical.clearFloatDomain().addAllFloatDomain(sorted(schema.getFloatDomainList(), FloatDomain::getName));
        canonical.clearDefaultEnvironment().addAllDefaultEnvironment(distinct(schema.getDefaultEnvironmentList()));
        return canonical.build();
    }

    /** {@return whether the schema is already in canonical order} */
    public static boolean isCanonical(Schema schema) {
        return canonicalize(schema).equals(schema);
    }

    private static List<Feature> canonicalFeatures(List<Feature> features) {
        List<Feature> canonical = new ArrayList<>(features.size());
        for (Feature feature : sorted(features, Feature::getName)) {
            canonical.add(canonicalFeature(feature));
        }
        return canonical;
    }

    private static Feature canonicalFeature(Feature feature) {
        Feature.Builder canonical = feature.toBuilder();
        canonical.clearInEnvironment().addAllInEnvironment(distinct(feature.getInEnvironmentList()));
        canonical.clearNotInEnvironment().addAllNotInEnvironment(distinct(feature.getNotInEnvironmentList()));
        if (feature.hasStructDomain()) {
            StructDomain struct = feature.getStructDomain();
            canonical.setStructDomain(struct.toBuilder()
                    .clearFeature()
                    .addAllFeature(canonicalFeatures(struct.getFeatureList()))
                    .clearSparseFeature()
                    .addAllSparseFeature(sorted(struct.getSparseFeatureList(), SparseFeature::getName)));
        }
        return canonical.build();
    }

    private static <T> List<T> sorted(List<T> items, Function<T, String> name) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(name, BYTEWISE));
        return sorted;
    }

    private static List<String> distinct(List<String> names) {
        return List.copyOf(new LinkedHashSet<>(names));
    }
}
