/**
 * The offline HTML report: one self-contained page (data, script and style inlined; no network at view time) that
 * shows statistics of several datasets side by side with their schema, anomalies and drift. Summaries, capped top
 * values and distances are computed here, distances with the validator's metrics
 * ({@code dev.veracity.schema.metrics}); the page's script only draws. Escaping of data into the page happens in one
 * place, {@link dev.veracity.report.ScriptJson}. Must not: read raw data, compute statistics, or build HTML from data.
 */
package dev.veracity.report;
