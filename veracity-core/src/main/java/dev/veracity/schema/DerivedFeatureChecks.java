package dev.veracity.schema;

import static dev.veracity.proto.AnomalyInfo.Type.DERIVED_FEATURE_BAD_LIFECYCLE;
import static dev.veracity.proto.AnomalyInfo.Type.DERIVED_FEATURE_INVALID_SOURCE;

import dev.veracity.proto.Feature;
import dev.veracity.proto.LifecycleStage;
import java.util.ArrayList;
import java.util.List;

/**
 * TFDV's checks of derived features (features a deriver computes from others, whose statistics carry a
 * {@code validation_derived_source}): the schema must record that source, and a feature with a source must be in
 * the {@code VALIDATION_DERIVED} lifecycle stage. They run last, after the comparators, as in TFDV's
 * {@code UpdateFeatureInternal}; the relaxation records the source and sets the stage.
 */
final class DerivedFeatureChecks {
    private DerivedFeatureChecks() {}

    /** Marks a feature derived from the source its statistics name, as TFDV's {@code MarkFeatureDerived}. */
    static void markDerived(Feature.Builder feature, FeatureView view) {
        feature.setLifecycleStage(LifecycleStage.VALIDATION_DERIVED)
                .setValidationDerivedSource(view.stats().getValidationDerivedSource());
    }

    /** {@return what had to change in {@code feature} for its derivation to match its statistics} */
    static List<Description> check(Feature.Builder feature, FeatureView view) {
        List<Description> found = new ArrayList<>();
        if (view.stats().hasValidationDerivedSource() && !feature.hasValidationDerivedSource()) {
            markDerived(feature, view);
            found.add(new Description(
                    DERIVED_FEATURE_INVALID_SOURCE,
                    "Derived source not set in schema.",
                    "Derived source not set in schema."));
        }
        if (feature.hasValidationDerivedSource()
                && feature.getLifecycleStage() != LifecycleStage.VALIDATION_DERIVED
                && !FeatureRules.isDeprecated(feature)) {
            feature.setLifecycleStage(LifecycleStage.VALIDATION_DERIVED);
            found.add(new Description(
                    DERIVED_FEATURE_BAD_LIFECYCLE,
                    "Derived feature has wrong lifecycle.",
                    "Derived feature has wrong lifecycle."));
        }
        return found;
    }
}
