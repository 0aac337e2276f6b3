/**
 * Feature skew by join key on files: reads training and serving inputs as {@link dev.veracity.io.table.Table}s,
 * partitions inputs larger than memory by a hash of the key into spill files and joins one partition at a time with
 * core's {@code dev.veracity.skew}; writes the report as JSON.
 */
package dev.veracity.io.skew;
