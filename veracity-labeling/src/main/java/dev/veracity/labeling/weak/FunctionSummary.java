package dev.veracity.labeling.weak;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One labeling function's row of Snorkel's {@code LFAnalysis.lf_summary}: its polarity, coverage, overlaps and
 * conflicts as fractions of all rows, and, on the rows with a gold label, its correct and incorrect votes and the
 * rows it got wrong.
 *
 * @param name          the function's name
 * @param polarity      the labels it voted, in label order
 * @param coverage      the fraction of rows it voted on
 * @param overlaps      the fraction of rows it voted on that another function also voted on
 * @param conflicts     the fraction of rows it voted on where two functions voted different labels
 * @param correct       on rows with a gold label, its votes equal to it (0 without gold)
 * @param incorrect     on rows with a gold label, its votes different from it (0 without gold)
 * @param incorrectRows the rows (0-based, in reading order) of the incorrect votes
 */
public record FunctionSummary(
        String name,
        List<String> polarity,
        double coverage,
        double overlaps,
        double conflicts,
        long correct,
        long incorrect,
        List<Integer> incorrectRows) {
    public FunctionSummary {
        requireNonNull(name, "name is null");
        polarity = List.copyOf(polarity);
        incorrectRows = List.copyOf(incorrectRows);
    }

    /**
     * {@return correct / (correct + incorrect), Snorkel's {@code lf_empirical_accuracies}; NaN when the function
     * voted on no row with a gold label (Snorkel's {@code nan_to_num} makes that 0)}
     */
    public double empiricalAccuracy() {
        long voted = correct + incorrect;
        return voted == 0 ? Double.NaN : (double) correct / voted;
    }
}
