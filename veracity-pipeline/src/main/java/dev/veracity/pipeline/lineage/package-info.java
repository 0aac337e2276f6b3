/** OpenLineage run events for pipeline executions, from the metadata store, so Marquez and other tools see runs. */
package dev.veracity.pipeline.lineage;
