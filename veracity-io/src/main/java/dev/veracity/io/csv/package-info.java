/**
 * CSV files to {@link dev.veracity.data.RecordBatch}es: a byte-level tokenizer (RFC 4180 plus the line ends, byte-order
 * mark and blank lines TFDV accepts), TFDV's column type inference, and number parsing on bytes. Belongs here: what
 * turns CSV bytes into columns. Does not belong here: statistics, schemas, or any other file format.
 */
package dev.veracity.io.csv;
