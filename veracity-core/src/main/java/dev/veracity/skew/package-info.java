/**
 * Feature skew by join key, TFDV's {@code DetectFeatureSkew}, as an algorithm on record batches: the layout of the
 * compared features, the encoding of a row into a key and a body, the in-memory join of one partition and the
 * counts, samples and confusion sketches of what it finds. Opens no file: reading the inputs and spilling partitions
 * to disk live in {@code dev.veracity.io.skew}.
 */
package dev.veracity.skew;
