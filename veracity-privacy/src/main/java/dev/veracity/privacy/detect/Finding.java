package dev.veracity.privacy.detect;

import dev.veracity.privacy.PiiEntity;
import java.util.Objects;

/**
 * One span of a text that a recognizer takes for personal data.
 *
 * @param entity what the span looks like
 * @param start  the index of its first character in the text
 * @param end    the index after its last character
 * @param score  the confidence, in [0, 1], after context words were taken into account
 */
public record Finding(PiiEntity entity, int start, int end, double score) {
    public Finding {
        Objects.requireNonNull(entity, "entity is null");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span [" + start + ", " + end + ") is not a span");
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1]: " + score);
        }
    }

    /** {@return whether this span overlaps {@code other}} */
    public boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }
}
