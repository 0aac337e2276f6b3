/**
 * The local runner: topological order with independent nodes in parallel, retries with backoff, per-node timeouts,
 * partial runs, resume after a crash, content-addressed caching with early cutoff, atomic artifact directories, and
 * the ML Metadata it records (contexts pipeline / pipeline_run / node, executions, artifacts, events).
 */
package dev.veracity.pipeline.run;
