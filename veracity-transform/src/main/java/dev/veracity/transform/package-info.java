/**
 * Feature engineering as TF Transform defines it: a spec of ops, analyzers computed in one full pass, the frozen
 * constants in a transform directory, and one function applied to batches and to single records at serving time.
 */
package dev.veracity.transform;
