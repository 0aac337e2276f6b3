package dev.veracity.skew;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.FeatureType;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The features the join compares, numbered the same way for both inputs: the union of both inputs' features minus
 * the identifiers and the ignored ones, by name.
 *
 * <pre>{@code
 * SkewLayout layout = SkewLayout.of(new SkewLayout.Side("a.csv", names, types), servingSide, options);
 * }</pre>
 */
public final class SkewLayout {
    private final List<String> identifierFeatures;
    private final List<String> features;
    private final boolean[] categorical;

    private SkewLayout(List<String> identifierFeatures, List<String> features, boolean[] categorical) {
        this.identifierFeatures = identifierFeatures;
        this.features = features;
        this.categorical = categorical;
    }

    /**
     * {@return the layout of a join of two inputs, each given by its name (for messages), feature names and types}
     *
     * @throws InputException SKEW_IDENTIFIER_NOT_FOUND if an identifier feature is not in one of the inputs
     */
    public static SkewLayout of(Side base, Side test, SkewOptions options) {
        for (Side input : List.of(base, test)) {
            for (String key : options.identifierFeatures()) {
                if (!input.names().contains(key)) {
                    throw new InputException(
                            ErrorCode.SKEW_IDENTIFIER_NOT_FOUND,
                            input.name() + ": expected identifier feature '" + key + "' (--key), found only "
                                    + input.names());
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
            categorical[f] = base.isString(features.get(f)) || test.isString(features.get(f));
        }
        return new SkewLayout(options.identifierFeatures(), List.copyOf(features), categorical);
    }

    /**
     * One input of the join as the layout needs it.
     *
     * @param name  the input's name for messages (its file)
     * @param names its feature names
     * @param types their types, in the same order
     */
    public record Side(String name, List<String> names, List<FeatureType> types) {
        public Side {
            java.util.Objects.requireNonNull(name, "name is null");
            names = List.copyOf(names);
            types = List.copyOf(types);
            if (names.size() != types.size()) {
                throw new IllegalArgumentException("expected a type per name, found " + names + " and " + types);
            }
        }

        boolean isString(String feature) {
            int i = names.indexOf(feature);
            return i >= 0 && types.get(i) == FeatureType.STRING;
        }
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
