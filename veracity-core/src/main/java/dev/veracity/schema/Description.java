package dev.veracity.schema;

import dev.veracity.proto.AnomalyInfo;

/**
 * One finding about a feature or the dataset: what would have to change in the schema for the statistics to
 * conform. Validation reports it as an anomaly reason; update applies the change.
 *
 * @param type             TFDV's anomaly type
 * @param shortDescription a few words, e.g. {@code "Column dropped"}
 * @param description      a sentence naming the field, the expected and the observed value
 */
public record Description(AnomalyInfo.Type type, String shortDescription, String description) {}
