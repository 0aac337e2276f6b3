/**
 * Active learning's query step: from one model's or a committee's class probabilities for unlabeled items, the items
 * raters should label next (uncertainty, committee disagreement, k-center diversity, or a seeded random baseline),
 * written as a queue that {@code label project assign --from-queue} hands to raters. No model training lives here.
 */
package dev.veracity.labeling.active;
