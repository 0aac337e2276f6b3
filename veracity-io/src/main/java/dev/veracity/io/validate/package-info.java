/**
 * Per-example validation of whole files ({@code veracity validate-examples}): every row checked by
 * {@link dev.veracity.validate.example.RecordValidator}, rows read in input order and validated on all cores, with
 * TFDV's result (statistics of the anomalous examples, one dataset per anomaly reason), the anomalous rows as JSON
 * Lines, and a quarantine that splits the input into clean and anomalous rows in its own format.
 */
package dev.veracity.io.validate;
