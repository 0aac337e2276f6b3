/**
 * One way to open a table: a data file of any format {@link dev.veracity.io.Readers} reads, with its column names and
 * types known before the first batch and every batch holding those columns in that order. Commands that read rows
 * (skew, labeling, privacy) open files here; values become text through {@link dev.veracity.data.ValueText}. Nothing
 * here parses a format itself.
 */
package dev.veracity.io.table;
