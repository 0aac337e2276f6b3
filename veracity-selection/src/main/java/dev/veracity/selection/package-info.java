/**
 * Feature selection: scores of association between each feature and a label (ANOVA F, chi-squared, mutual
 * information, Cramér's V, f_regression, Pearson, Spearman) as scipy and scikit-learn define them, computed by
 * mergeable accumulators in one pass over any table, with data-quality and leakage warnings. No terminal output.
 */
package dev.veracity.selection;
