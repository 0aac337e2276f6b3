/**
 * Schemas: TFDV's {@code Schema} proto and what is done to it. Curating a schema by hand
 * ({@link dev.veracity.schema.SchemaEditor}), writing it in a canonical order for version control
 * ({@link dev.veracity.schema.SchemaCanonicalizer}) and comparing two versions by what they accept
 * ({@link dev.veracity.schema.SchemaDiff}). Inference, update and validation are one engine; validation also runs
 * the schema's drift and skew comparators against a previous span or serving data (metrics in
 * {@code dev.veracity.schema.metrics}). Nothing here reads or writes files.
 */
package dev.veracity.schema;
