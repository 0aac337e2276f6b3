package dev.veracity.privacy.fairness;

import java.util.Map;
import java.util.Objects;

/**
 * The representation and label balance of one group d against the rest of the rows a (SageMaker Clarify's
 * pre-training bias metrics). Rates are NaN where they cannot be computed (no labelled row, or a label that is not
 * binary for the positive rate and DPL).
 *
 * @param group            the group's value (values joined by | for several group-by features)
 * @param rows             rows of the group
 * @param share            rows / rows with a group
 * @param referenceShare   the expected share, NaN if none was given
 * @param classImbalance   (n_max - n_d) / (n_max + n_d) against the largest group (0 for the largest)
 * @param positiveRate     share of the group's labelled rows with the positive label
 * @param dpl              difference in positive proportions: positive rate of the rest - the group's
 * @param kl               KL(P_rest || P_group) of the label distributions, nats
 * @param js               Jensen-Shannon divergence of the label distributions, nats
 * @param tvd              total variation distance of the label distributions
 * @param labelMissingRate share of the group's rows without a label
 * @param labels           label counts of the group
 * @param missingRates     per feature, the share of the group's rows missing it
 * @param missingGaps      per feature, missing rate of the group - missing rate of the rest
 */
public record GroupMetrics(
        String group,
        long rows,
        double share,
        double referenceShare,
        double classImbalance,
        double positiveRate,
        double dpl,
        double kl,
        double js,
        double tvd,
        double labelMissingRate,
        Map<String, Long> labels,
        Map<String, Double> missingRates,
        Map<String, Double> missingGaps) {
    public GroupMetrics {
        Objects.requireNonNull(group, "group is null");
        labels = Map.copyOf(labels);
        missingRates = Map.copyOf(missingRates);
        missingGaps = Map.copyOf(missingGaps);
    }
}
