/**
 * Responsible data: the PII entities ({@link dev.veracity.privacy.PiiEntity}), the schema tag that marks a feature
 * as PII ({@link dev.veracity.privacy.PiiTags}), the one step that removes raw PII from statistics
 * ({@link dev.veracity.privacy.PiiStatistics}) and the secret of keyed hashing. Sub-packages: recognizers
 * ({@code detect}), per-feature verdicts ({@code scan}), redaction ({@code redact}), k-anonymity ({@code kanon}),
 * group representation and label balance ({@code fairness}), reading files as text ({@code table}).
 */
package dev.veracity.privacy;
