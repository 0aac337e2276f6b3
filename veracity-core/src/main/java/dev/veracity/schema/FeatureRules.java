package dev.veracity.schema;

import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureOrBuilder;
import dev.veracity.proto.LifecycleStage;
import java.util.List;

/**
 * TFDV's rules about a schema feature's status: deprecated, in an environment, required.
 *
 * <pre>{@code
 * boolean required = FeatureRules.isRequired(label, "SERVING", schema.getDefaultEnvironmentList());
 * }</pre>
 */
public final class FeatureRules {
    private FeatureRules() {}

    /** {@return whether validation skips the feature: deprecated, or in a stage that is not yet or no longer live} */
    @SuppressWarnings("deprecation")
    public static boolean isDeprecated(FeatureOrBuilder feature) {
        if (feature.getDeprecated()) {
            return true;
        }
        return switch (feature.getLifecycleStage()) {
            case PLANNED, ALPHA, DEPRECATED, DEBUG_ONLY, DISABLED -> true;
            default -> false;
        };
    }

    /**
     * {@return whether the feature belongs to {@code environment}} With no environment every feature does; else
     * {@code in_environment} wins, then {@code not_in_environment}, then the schema's default environments.
     */
    public static boolean isInEnvironment(FeatureOrBuilder feature, String environment, List<String> defaults) {
        if (environment == null) {
            return true;
        }
        if (feature.getInEnvironmentList().contains(environment)) {
            return true;
        }
        if (feature.getNotInEnvironmentList().contains(environment)) {
            return false;
        }
        return defaults.contains(environment);
    }

    /** {@return whether data must contain the feature: live, in the environment, with a positive presence bound} */
    public static boolean isRequired(FeatureOrBuilder feature, String environment, List<String> defaults) {
        return !isDeprecated(feature)
                && isInEnvironment(feature, environment, defaults)
                && feature.hasPresence()
                && (feature.getPresence().getMinCount() > 0
                        || feature.getPresence().getMinFraction() > 0);
    }

    /** Marks the feature deprecated, as TFDV's fixes do. */
    static void deprecate(Feature.Builder feature) {
        feature.setLifecycleStage(LifecycleStage.DEPRECATED);
    }
}
