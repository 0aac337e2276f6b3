/**
 * Direct labeling from process feedback: prediction events joined with the outcome events that follow them within an
 * event-time window, with a rule for which outcome counts, a grace period for late arrivals, de-duplication and an
 * explicit meaning for a missing outcome (negative or censored). Inputs larger than the memory budget are
 * hash-partitioned into spill files; the output is sorted, so it does not depend on the order events arrive in.
 */
package dev.veracity.labeling.feedback;
