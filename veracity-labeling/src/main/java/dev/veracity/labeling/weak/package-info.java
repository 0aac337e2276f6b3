/**
 * Weak supervision: labeling functions (heuristics declared in YAML or written in Java) voting on every row of a
 * table, Snorkel's LF analysis of the resulting label matrix, and a label model (Dawid-Skene EM with abstaining as an
 * outcome, shared with rater consensus) or the majority-vote baseline turning the votes, and optionally human
 * ratings, into probabilistic labels.
 */
package dev.veracity.labeling.weak;
