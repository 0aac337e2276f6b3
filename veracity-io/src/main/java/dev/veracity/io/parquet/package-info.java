/**
 * Parquet files through parquet-java on a local file (no Hadoop installation): row groups as splits, leaf columns
 * as features (dotted struct paths, lists multivalent), logical types mapped to feature types. Flat plain and
 * dictionary chunks (uncompressed or Snappy) are decoded by our own page reader ({@code FlatColumnChunk}), every
 * other chunk by parquet-java's column readers.
 */
package dev.veracity.io.parquet;
