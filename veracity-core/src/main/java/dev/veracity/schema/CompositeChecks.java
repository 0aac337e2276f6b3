package dev.veracity.schema;

import static dev.veracity.proto.AnomalyInfo.Type.SPARSE_FEATURE_LENGTH_MISMATCH;
import static dev.veracity.proto.AnomalyInfo.Type.SPARSE_FEATURE_MISSING_INDEX;
import static dev.veracity.proto.AnomalyInfo.Type.SPARSE_FEATURE_MISSING_VALUE;
import static dev.veracity.proto.AnomalyInfo.Type.SPARSE_FEATURE_NAME_COLLISION;
import static dev.veracity.proto.AnomalyInfo.Type.WEIGHTED_FEATURE_LENGTH_MISMATCH;
import static dev.veracity.proto.AnomalyInfo.Type.WEIGHTED_FEATURE_MISSING_VALUE;
import static dev.veracity.proto.AnomalyInfo.Type.WEIGHTED_FEATURE_MISSING_WEIGHT;
import static dev.veracity.proto.AnomalyInfo.Type.WEIGHTED_FEATURE_NAME_COLLISION;

import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.Feature;
import dev.veracity.proto.LifecycleStage;
import dev.veracity.proto.RankHistogram;
import dev.veracity.proto.SparseFeature;
import dev.veracity.proto.WeightedFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks of the schema's sparse and weighted features against the custom statistics TFDV's composite generators
 * compute ({@code missing_value}, {@code missing_index}, {@code max_length_diff}, {@code min_length_diff};
 * {@code missing_weight}, {@code min_weight_length_diff}, {@code max_weight_length_diff}), and of their names
 * against the features', in TFDV's order ({@code Schema::UpdateFeature}): a weighted feature first, then a sparse
 * one, then the plain feature. A composite with an anomaly is deprecated: that is the relaxation.
 */
final class CompositeChecks {
    private CompositeChecks() {}

    /** {@return whether a sparse feature is skipped, as TFDV skips a deprecated or not yet live one} */
    @SuppressWarnings("deprecation")
    static boolean isDeprecated(SparseFeature.Builder sparse) {
        return sparse.getDeprecated() || isDeprecated(sparse.getLifecycleStage());
    }

    /** {@return whether a weighted feature is skipped} */
    static boolean isDeprecated(WeightedFeature.Builder weighted) {
        return isDeprecated(weighted.getLifecycleStage());
    }

    private static boolean isDeprecated(LifecycleStage stage) {
        return switch (stage) {
            case PLANNED, ALPHA, DEPRECATED, DEBUG_ONLY, DISABLED -> true;
            case UNKNOWN_STAGE, BETA, PRODUCTION, VALIDATION_DERIVED -> false;
        };
    }

    /**
     * {@return the findings for statistics at a path the schema names a weighted or sparse feature (or both), or
     * empty when the plain feature of that path is to be checked instead (its sparse feature is deprecated)}
     *
     * @param feature  the plain feature of the same path, or null
     * @param sparse   the sparse feature of the path, or null
     * @param weighted the weighted feature of the path, or null
     */
    static Optional<List<Description>> check(
            Feature.Builder feature, SparseFeature.Builder sparse, WeightedFeature.Builder weighted, FeatureView view) {
        if (weighted != null) {
            if ((feature != null || sparse != null) && !isDeprecated(weighted)) {
                weighted.setLifecycleStage(LifecycleStage.DEPRECATED);
                if (feature != null) {
                    FeatureRules.deprecate(feature);
                }
                if (sparse != null) {
                    sparse.setLifecycleStage(LifecycleStage.DEPRECATED);
                }
                return Optional.of(List.of(new Description(
                        WEIGHTED_FEATURE_NAME_COLLISION,
                        "Weighted feature name collision",
                        "Weighted feature name collision.")));
            }
            return Optional.of(checkWeighted(view, weighted));
        }
        if (sparse != null && !isDeprecated(sparse)) {
            if (feature != null && !FeatureRules.isDeprecated(feature)) {
                sparse.setLifecycleStage(LifecycleStage.DEPRECATED);
                FeatureRules.deprecate(feature);
                return Optional.of(List.of(new Description(
                        SPARSE_FEATURE_NAME_COLLISION,
                        "Sparse feature name collision",
                        "Sparse feature name collision.")));
            }
            return Optional.of(checkSparse(view, sparse));
        }
        return Optional.empty();
    }

    private static List<Description> checkSparse(FeatureView view, SparseFeature.Builder sparse) {
        List<Description> found = new ArrayList<>();
        for (CustomStatistic custom : view.stats().getCustomStatsList()) {
            String name = custom.getName();
            if (name.equals("missing_value") && custom.getNum() != 0) {
                found.add(new Description(
                        SPARSE_FEATURE_MISSING_VALUE,
                        "Missing value feature",
                        "Found " + Numbers.sixDigits(custom.getNum()) + " examples missing value feature"));
            } else if (name.equals("missing_index")) {
                for (RankHistogram.Bucket bucket : custom.getRankHistogram().getBucketsList()) {
                    long count = (long) bucket.getSampleCount();
                    if (count != 0) {
                        found.add(new Description(
                                SPARSE_FEATURE_MISSING_INDEX,
                                "Missing index feature",
                                "Found " + count + " examples missing index feature: " + bucket.getLabel()));
                    }
                }
            } else if (name.equals("max_length_diff") || name.equals("min_length_diff")) {
                for (RankHistogram.Bucket bucket : custom.getRankHistogram().getBucketsList()) {
                    long difference = (long) bucket.getSampleCount();
                    if (difference != 0) {
                        found.add(new Description(
                                SPARSE_FEATURE_LENGTH_MISMATCH,
                                "Length mismatch between value and index feature",
                                "Mismatch between index feature: " + bucket.getLabel() + " and value column, with "
                                        + name + " = " + difference));
                    }
                }
            }
            // other custom statistics are not checked, for forward compatibility (as TFDV)
        }
        if (!found.isEmpty()) {
            sparse.setLifecycleStage(LifecycleStage.DEPRECATED);
        }
        return found;
    }

    private static List<Description> checkWeighted(FeatureView view, WeightedFeature.Builder weighted) {
        List<Description> found = new ArrayList<>();
        long minDiff = 0;
        long maxDiff = 0;
        for (CustomStatistic custom : view.stats().getCustomStatsList()) {
            String name = custom.getName();
            if (name.equals("missing_value") && custom.getNum() != 0) {
                found.add(new Description(
                        WEIGHTED_FEATURE_MISSING_VALUE,
                        "Missing value feature",
                        "Found " + Numbers.sixDigits(custom.getNum()) + " examples missing value feature."));
            } else if (name.equals("missing_weight") && custom.getNum() != 0) {
                found.add(new Description(
                        WEIGHTED_FEATURE_MISSING_WEIGHT,
                        "Missing weight feature",
                        "Found " + Numbers.sixDigits(custom.getNum()) + " examples missing weight feature."));
            } else if (name.equals("min_weight_length_diff")) {
                minDiff = (long) custom.getNum();
            } else if (name.equals("max_weight_length_diff")) {
                maxDiff = (long) custom.getNum();
            }
        }
        if (minDiff != 0 || maxDiff != 0) {
            found.add(new Description(
                    WEIGHTED_FEATURE_LENGTH_MISMATCH,
                    "Length mismatch between value and weight feature",
                    "Mismatch between weight and value feature with min_weight_length_diff = " + minDiff
                            + " and max_weight_length_diff = " + maxDiff + "."));
        }
        if (!found.isEmpty()) {
            weighted.setLifecycleStage(LifecycleStage.DEPRECATED);
        }
        return found;
    }
}
