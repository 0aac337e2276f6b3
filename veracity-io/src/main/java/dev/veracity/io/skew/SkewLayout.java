package dev.veracity.io.skew;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.FeatureType;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The features the join compares, numbered the same way for both inputs: the union of both inputs' features minus
 * the identifiers and the ignored ones, by name.
 */
final class SkewLayout {
    private final List<String> identifierFeatures;
    private final List<String> features;
    private final boolean[] categorical;

    private SkewLayout(List<String> identifierFeatures, List<String> features, boolean[] categorical) {
        this.identifierFeatures = identifierFeatures;
        this.features = features;
        this.categorical = categorical;
    }

    /**
     * @throws InputException SKEW_IDENTIFIER_NOT_FOUND if an identifier feature is not in one of the inputs
     */
    static SkewLayout of(SkewInput base, SkewInput test, SkewOptions options) {
        for (SkewInput input : List.of(base, test)) {
            for (String key : options.identifierFeatures()) {
                if (!input.names().contains(key)) {
                    throw new InputException(ErrorCode.SKEW_IDENTIFIER_NOT_FOUND, input.file()
                            + ": expected identifier feature '" + key + "' (--key), found only " + input.names());
                }
            }
        }
        TreeSet<String> names = new TreeSet<>(base.names());
        names.addAll(test.names());
        names.removeAll(options.identifierFeatures());
        options.featuresToIgnore().forEach(names::remove);
        List<String> features = new ArrayList<>(names);
        boolean[] categorical = new boolean[features.size()];
        for (int f = 0; f < features.size(); f++) {
            categorical[f] = isString(base, features.get(f)) || isString(test, features.get(f));
        }
        return new SkewLayout(options.identifierFeatures(), List.copyOf(features), categorical);
    }

    private static boolean isString(SkewInput input, String feature) {
        int i = input.names().indexOf(feature);
        return i >= 0 && input.types().get(i) == FeatureType.STRING;
    }

    List<String> identifierFeatures() {
        return identifierFeatures;
    }

    /** {@return the compared features, by name; a feature's index here numbers it in spill records} */
    List<String> features() {
        return features;
    }

    /** {@return whether feature {@code f} is a string in either input, so gets confusion counts} */
    boolean isCategorical(int f) {
        return categorical[f];
    }
}
