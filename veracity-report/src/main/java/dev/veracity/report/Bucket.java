package dev.veracity.report;

/**
 * One bucket of a numeric histogram as the page draws it.
 *
 * @param low   the lower bound
 * @param high  the upper bound
 * @param count values in the bucket (weighted statistics can make it fractional)
 */
public record Bucket(double low, double high, double count) {}
