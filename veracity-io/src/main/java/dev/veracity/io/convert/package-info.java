/**
 * Writers of record batches (CSV, JSON Lines, Parquet, TFRecord of tf.Example) and the Converter behind veracity convert.
 * Readers live in their format packages.
 */
package dev.veracity.io.convert;
