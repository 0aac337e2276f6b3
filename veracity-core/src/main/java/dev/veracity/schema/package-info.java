/**
 * Schemas: TFDV's {@code Schema} proto and what is done to it. Curating a schema by hand
 * ({@link dev.veracity.schema.SchemaEditor}), writing it in a canonical order for version control
 * ({@link dev.veracity.schema.SchemaCanonicalizer}) and comparing two versions by what they accept
 * ({@link dev.veracity.schema.SchemaDiff}). Nothing here reads or writes files.
 */
package dev.veracity.schema;
