package dev.veracity.labeling.project;

import static java.util.Objects.requireNonNull;

import dev.veracity.ConfigException;
import java.util.List;

/**
 * How a project labels: its label set, how many raters label each task, how raters are picked, whether raters see
 * each other's answers, how often gold questions are mixed in, and the instruction versions.
 *
 * <pre>{@code
 * ProjectConfig config = ProjectConfig.of("sentiment", List.of("neg", "neu", "pos"), 3);
 * }</pre>
 *
 * @param formatVersion the file format version (1)
 * @param name          the project name
 * @param labels        the labels a rater may choose
 * @param overlap       how many different raters label each (non-gold) task
 * @param policy        how raters are picked for open slots
 * @param blind         whether a rater's queue hides other raters' answers (else they are shown, as for review)
 * @param goldRate      the share of each rater's assignments that are gold questions, in [0, 1)
 * @param seed          seed of the gold questions' order and placement
 * @param instructions  the instruction versions, oldest first (never empty)
 */
public record ProjectConfig(
        int formatVersion,
        String name,
        List<String> labels,
        int overlap,
        AssignmentPolicy policy,
        boolean blind,
        double goldRate,
        long seed,
        List<Instructions> instructions) {
    /** The format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public ProjectConfig {
        requireNonNull(name, "name is null");
        labels = List.copyOf(labels);
        requireNonNull(policy, "policy is null");
        instructions = List.copyOf(instructions);
        if (labels.isEmpty()
                || labels.stream().anyMatch(String::isBlank)
                || labels.stream().distinct().count() != labels.size()) {
            throw new ConfigException("labels: expected distinct non-empty labels, found " + labels);
        }
        if (overlap < 1) {
            throw new ConfigException("overlap: expected at least 1 rater per task, found " + overlap);
        }
        if (!(goldRate >= 0 && goldRate < 1)) {
            throw new ConfigException("gold rate: expected a number in [0, 1), found " + goldRate);
        }
    }

    /** {@return a config with round robin, not blind, no gold questions, and empty version-1 instructions} */
    public static ProjectConfig of(String name, List<String> labels, int overlap) {
        return new ProjectConfig(
                FORMAT_VERSION,
                name,
                labels,
                overlap,
                AssignmentPolicy.ROUND_ROBIN,
                false,
                0,
                0,
                List.of(new Instructions(1, "", java.time.Instant.EPOCH.toString())));
    }

    public ProjectConfig withPolicy(AssignmentPolicy newPolicy) {
        return new ProjectConfig(formatVersion, name, labels, overlap, newPolicy, blind, goldRate, seed, instructions);
    }

    public ProjectConfig withBlind(boolean newBlind) {
        return new ProjectConfig(formatVersion, name, labels, overlap, policy, newBlind, goldRate, seed, instructions);
    }

    public ProjectConfig withGold(double newGoldRate, long newSeed) {
        return new ProjectConfig(
                formatVersion, name, labels, overlap, policy, blind, newGoldRate, newSeed, instructions);
    }

    public ProjectConfig withInstructions(List<Instructions> newInstructions) {
        return new ProjectConfig(formatVersion, name, labels, overlap, policy, blind, goldRate, seed, newInstructions);
    }

    /** {@return the current (latest) instructions} */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Instructions currentInstructions() {
        return instructions.get(instructions.size() - 1);
    }
}
