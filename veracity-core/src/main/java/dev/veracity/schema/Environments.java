package dev.veracity.schema;

import dev.veracity.proto.Feature;
import dev.veracity.proto.Schema;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which environments a feature is validated in, as TFDV decides it (schema.cc {@code IsFeatureInEnvironment}): with
 * environment E, a feature is in if E is in its {@code in_environment}, else out if E is in its
 * {@code not_in_environment}, else in if E is in the schema's {@code default_environment}, else out. Without an
 * environment every feature is in, so that case never changes between schemas.
 */
final class Environments {
    private Environments() {}

    /** {@return every environment either schema names; in any other environment every feature is out in both} */
    static Set<String> named(Schema before, Schema after) {
        Set<String> names = new TreeSet<>();
        for (Schema schema : List.of(before, after)) {
            names.addAll(schema.getDefaultEnvironmentList());
            addFeatureEnvironments(schema.getFeatureList(), names);
        }
        return names;
    }

    private static void addFeatureEnvironments(List<Feature> features, Set<String> names) {
        for (Feature feature : features) {
            names.addAll(feature.getInEnvironmentList());
            names.addAll(feature.getNotInEnvironmentList());
            if (feature.hasStructDomain()) {
                addFeatureEnvironments(feature.getStructDomain().getFeatureList(), names);
            }
        }
    }

    /**
     * {@return whether moving between memberships can invalidate a valid dataset: leaving an environment does (TFDV
     * reports a feature present outside its environment as a new column), and so does entering one while required
     * (valid data in that environment lacked the feature)}
     */
    static boolean isBreaking(
            Feature before,
            List<String> beforeDefaults,
            Feature after,
            List<String> afterDefaults,
            Set<String> environments,
            boolean requiredAfter) {
        for (String environment : environments) {
            boolean wasIn = FeatureRules.isInEnvironment(before, environment, beforeDefaults);
            boolean isIn = FeatureRules.isInEnvironment(after, environment, afterDefaults);
            if (wasIn && !isIn || !wasIn && isIn && requiredAfter) {
                return true;
            }
        }
        return false;
    }

    /** {@return the feature's own environment lists as sorted sets, e.g. {@code not_in: SERVING}} */
    static String describe(Feature feature) {
        StringBuilder text = new StringBuilder();
        if (feature.getInEnvironmentCount() > 0) {
            text.append("in: ").append(String.join(", ", new TreeSet<>(feature.getInEnvironmentList())));
        }
        if (feature.getNotInEnvironmentCount() > 0) {
            text.append(text.isEmpty() ? "" : "; ")
                    .append("not_in: ")
                    .append(String.join(", ", new TreeSet<>(feature.getNotInEnvironmentList())));
        }
        return text.toString();
    }
}
