package dev.veracity.labeling.consensus;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * The result of a consensus method: one {@link ItemConsensus} per item (in the table's item order) and, for
 * Dawid-Skene, each rater's estimated confusion matrix.
 *
 * @param method     the method's name, e.g. "majority"
 * @param labels     the label order of every posterior and matrix
 * @param items      per item, its consensus
 * @param confusions per rater, {@code [true label][given label]} probabilities (empty for votes)
 * @param iterations EM iterations run (0 for votes)
 * @param converged  whether EM stopped because no posterior moved more than the tolerance (true for votes)
 */
public record Consensus(
        String method,
        List<String> labels,
        List<ItemConsensus> items,
        Map<String, double[][]> confusions,
        int iterations,
        boolean converged) {
    public Consensus {
        requireNonNull(method, "method is null");
        labels = List.copyOf(labels);
        items = List.copyOf(items);
        confusions = Map.copyOf(confusions);
    }

    /** {@return the items without a label or whose confidence is below {@code target}, least confident first} */
    public List<ItemConsensus> adjudicationQueue(double target) {
        return items.stream()
                .filter(i -> !i.hasLabel() || i.confidence() < target)
                .sorted(java.util.Comparator.comparingDouble(ItemConsensus::confidence)
                        .thenComparing(ItemConsensus::item))
                .toList();
    }

    /** {@return per rater, the estimated probability of giving the true label (the matrix's diagonal, weighted by
     * the labels' estimated frequency); empty for votes} */
    public Map<String, Double> raterAccuracy() {
        double[] prior = new double[labels.size()];
        for (ItemConsensus item : items) {
            for (int k = 0; k < prior.length; k++) {
                prior[k] += item.posterior().get(k) / items.size();
            }
        }
        java.util.TreeMap<String, Double> accuracy = new java.util.TreeMap<>();
        confusions.forEach((rater, matrix) -> {
            double a = 0;
            for (int k = 0; k < prior.length; k++) {
                a += prior[k] * matrix[k][k];
            }
            accuracy.put(rater, a);
        });
        return accuracy;
    }
}
