package dev.veracity.labeling.project;

import java.util.List;
import java.util.Map;

/**
 * A task in a rater's queue, as the rater may see it: never whether it is gold, and other raters' labels only when
 * the project is not blind.
 *
 * @param task               the task id
 * @param data               what to label
 * @param instructionVersion the instructions in force
 * @param otherLabels        other raters' labels so far (empty in blind mode)
 */
public record QueuedTask(String task, Map<String, Object> data, int instructionVersion, List<String> otherLabels) {
    public QueuedTask {
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
        otherLabels = List.copyOf(otherLabels);
    }
}
