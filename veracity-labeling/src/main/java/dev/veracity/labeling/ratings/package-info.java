/**
 * Ratings: which rater gave which item which label under which instruction version, read from CSV or JSON Lines and
 * indexed for consensus and agreement.
 */
package dev.veracity.labeling.ratings;
