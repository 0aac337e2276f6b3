/**
 * Avro object container files: records flattened to dotted features, arrays to lists, with an optional reader
 * schema resolved the Avro way.
 */
package dev.veracity.io.avro;
