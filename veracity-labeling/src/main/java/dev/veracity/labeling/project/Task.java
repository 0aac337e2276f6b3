package dev.veracity.labeling.project;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A thing to label.
 *
 * @param id   the task id, unique in the project
 * @param data what the rater sees (Label Studio's {@code data}), e.g. {@code {"text": "..."}}
 * @param gold the known right label of a gold question, "" for an ordinary task
 */
public record Task(String id, Map<String, Object> data, String gold) {
    public Task {
        requireNonNull(id, "id is null");
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
        requireNonNull(gold, "gold is null");
    }

    /** {@return whether this is a gold question} */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isGold() {
        return !gold.isEmpty();
    }
}
