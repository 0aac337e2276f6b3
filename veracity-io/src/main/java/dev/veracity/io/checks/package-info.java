/**
 * Checks files ({@code checks.yaml}): read into core's {@link dev.veracity.validate.checks.CheckSet} with the shared
 * YAML reader (every error at its line and column), and written from suggested checks with their evidence as
 * comments; the outlier counts of {@code stats --outliers}, read in two more passes ({@link OutlierPasses}).
 */
package dev.veracity.io.checks;
