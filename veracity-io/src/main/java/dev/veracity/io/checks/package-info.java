/**
 * Checks files ({@code checks.yaml}): read into core's {@link dev.veracity.validate.checks.CheckSet} with the shared
 * YAML reader (every error at its line and column), and written from suggested checks with their evidence as
 * comments.
 */
package dev.veracity.io.checks;
