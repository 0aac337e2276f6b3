package dev.veracity.selection;

import java.util.Locale;
import java.util.Objects;

/**
 * Why a feature was not scored by some method, or why it should not be selected.
 *
 * @param kind    what kind of warning
 * @param message what was found, with the figures
 */
public record FeatureWarning(Kind kind, String message) {
    public FeatureWarning {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(message, "message is null");
    }

    /** {@return the warning as one line of the JSON, e.g. "leakage: ..."} */
    public String text() {
        return kind.name().toLowerCase(Locale.ROOT) + ": " + message;
    }

    /** {@return whether the warning keeps the feature out of the selection} */
    public boolean blocksSelection() {
        return switch (kind) {
            case TOO_FEW_ROWS, SAMPLED, MOSTLY_MISSING -> false;
            case CONSTANT, NEAR_CONSTANT, ID_LIKE, LEAKAGE, ABSENT_IN_SERVING, REDUNDANT -> true;
        };
    }

    /** The kinds of warning. */
    public enum Kind {
        /** A method had too few complete rows (or classes) to give a score. */
        TOO_FEW_ROWS,
        /** A score was estimated on a sample of the complete rows. */
        SAMPLED,
        /** The feature is present in fewer than half of the rows. */
        MOSTLY_MISSING,
        /** The feature has one value on every complete row. */
        CONSTANT,
        /** One value covers at least 99% of the complete rows. */
        NEAR_CONSTANT,
        /** A categorical or INT feature with a different value on (almost) every row. */
        ID_LIKE,
        /** The feature predicts the label almost perfectly: check it is known at prediction time. */
        LEAKAGE,
        /**
         * The feature is not available when serving (out of the schema's serving environment, or missing or mostly
         * missing in the serving statistics): selecting it would leak information a model cannot have.
         */
        ABSENT_IN_SERVING,
        /** The feature is strongly associated with a feature ranked before it (--max-redundancy). */
        REDUNDANT
    }
}
