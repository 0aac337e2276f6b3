/**
 * {@code veracity transform fit --engine beam}: the fit's analysis as a Beam pipeline, each input file analyzed by a
 * worker with the local fit's readers and analyzers, the analyses combined in file order so the constants are the
 * local fit's.
 */
package dev.veracity.beam.transform;
