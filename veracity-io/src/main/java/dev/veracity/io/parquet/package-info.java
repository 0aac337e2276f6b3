/**
 * Parquet files through parquet-java on a local file (no Hadoop installation): row groups as splits, leaf columns
 * as features (dotted struct paths, lists multivalent), logical types mapped to feature types.
 */
package dev.veracity.io.parquet;
