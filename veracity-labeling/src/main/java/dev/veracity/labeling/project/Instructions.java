package dev.veracity.labeling.project;

import static java.util.Objects.requireNonNull;

/**
 * One version of the labeling instructions; annotations record the version their rater followed.
 *
 * @param version   1, 2, ...
 * @param text      the instructions
 * @param createdAt when this version was added, ISO-8601
 */
public record Instructions(int version, String text, String createdAt) {
    public Instructions {
        requireNonNull(text, "text is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
