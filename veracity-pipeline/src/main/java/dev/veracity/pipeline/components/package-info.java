/**
 * The shipped components: ExampleGen (span patterns, hash-bucket splits), StatisticsGen, SchemaGen, ExampleValidator,
 * Importer and Resolver, adapters over veracity-io and veracity-core (they compute nothing themselves), and the
 * registry that names them in pipeline files.
 */
package dev.veracity.pipeline.components;
