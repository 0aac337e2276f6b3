/**
 * An ML Metadata (MLMD) store over JDBC: types with properties, artifacts, executions, contexts, events with paths,
 * attributions, associations and states, as in google/ml-metadata's model (not its tables). SQLite file by default,
 * PostgreSQL for a team. Knows nothing of pipelines: {@code dev.veracity.pipeline} records into it.
 */
package dev.veracity.metadata;
