/**
 * Per-example validation, as TFDV's {@code validate_instance} / {@code IdentifyAnomalousExamples}: each record is
 * checked against a schema as a dataset of one, with the same reasons {@code validate} gives that dataset. A
 * compiled, allocation-light screen passes the clean records; a record it cannot pass is described by the statistics
 * accumulators and validated by {@link dev.veracity.schema.Validator}, so the reasons are the batch validator's own.
 * No file I/O here: readers and writers of whole files live in veracity-io ({@code dev.veracity.io.validate}).
 */
package dev.veracity.validate.example;
