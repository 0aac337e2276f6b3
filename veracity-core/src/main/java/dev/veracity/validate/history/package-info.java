/**
 * Anomaly detection on the history of a metric (one value per span), as Deequ's strategies: absolute change, relative
 * change, online normal (mean +- k standard deviations) and additive Holt-Winters with a weekly season. Pure functions
 * on arrays of values; storing the history belongs to {@code veracity-metadata}.
 */
package dev.veracity.validate.history;
