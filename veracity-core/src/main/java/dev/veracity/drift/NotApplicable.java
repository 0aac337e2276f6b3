package dev.veracity.drift;

/** Why a test cannot apply to a pair of statistics; turned into a NOT_APPLICABLE {@link DriftResult}. */
final class NotApplicable extends Exception {
    NotApplicable(String reason) {
        super(reason, null, false, false);
    }
}
