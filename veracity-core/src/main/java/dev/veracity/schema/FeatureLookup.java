package dev.veracity.schema;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.format.CloseNames;
import dev.veracity.proto.Feature;
import dev.veracity.proto.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a feature of a schema builder by name or serialized path ({@code address.city} for a struct child), and
 * names the closest features when there is none.
 */
final class FeatureLookup {
    private FeatureLookup() {}

    /**
     * {@return the builder of the feature named {@code nameOrPath}: a top-level feature of exactly that name first
     * (so a name holding a dot needs no quotes), else the feature at that path}
     *
     * @throws ConfigException {@link ErrorCode#SCHEMA_FEATURE_NOT_FOUND} naming up to three close names
     */
    static Feature.Builder find(Schema.Builder schema, String nameOrPath) {
        for (Feature.Builder feature : schema.getFeatureBuilderList()) {
            if (feature.getName().equals(nameOrPath)) {
                return feature;
            }
        }
        return walk(schema.getFeatureBuilderList(), PathNames.parse(nameOrPath), 0)
                .orElseThrow(() -> notFound(schema, nameOrPath));
    }

    private static Optional<Feature.Builder> walk(List<Feature.Builder> features, List<String> steps, int index) {
        for (Feature.Builder feature : features) {
            if (!feature.getName().equals(steps.get(index))) {
                continue;
            }
            if (index == steps.size() - 1) {
                return Optional.of(feature);
            }
            if (feature.hasStructDomain()) {
                return walk(feature.getStructDomainBuilder().getFeatureBuilderList(), steps, index + 1);
            }
        }
        return Optional.empty();
    }

    private static ConfigException notFound(Schema.Builder schema, String nameOrPath) {
        List<String> paths = new ArrayList<>();
        collectPaths(schema.getFeatureList(), "", paths);
        String hint = CloseNames.of(nameOrPath, paths).isEmpty()
                ? " (the schema has " + paths.size() + " features)"
                : CloseNames.hint(nameOrPath, paths);
        return new ConfigException(
                ErrorCode.SCHEMA_FEATURE_NOT_FOUND,
                "feature \"" + nameOrPath + "\": expected a feature of the schema, found none" + hint);
    }

    /** Adds the serialized path of every feature, struct children included. */
    static void collectPaths(List<Feature> features, String parent, List<String> paths) {
        for (Feature feature : features) {
            String path = PathNames.child(parent, feature.getName());
            paths.add(path);
            if (feature.hasStructDomain()) {
                collectPaths(feature.getStructDomain().getFeatureList(), path, paths);
            }
        }
    }
}
