/** Group sizes, label balance and missing values per group, and the thresholds that turn them into anomalies. */
package dev.veracity.privacy.fairness;
