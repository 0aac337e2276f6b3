/**
 * TFX-style pipelines: components with typed inputs, outputs and parameters ({@link dev.veracity.pipeline.Component}),
 * wired into a DAG that is checked when built ({@link dev.veracity.pipeline.Pipeline}). Running, caching and the
 * metadata they record live in {@code dev.veracity.pipeline.run}; the shipped components in
 * {@code dev.veracity.pipeline.components}; the YAML file format in {@code dev.veracity.pipeline.yaml}.
 */
package dev.veracity.pipeline;
