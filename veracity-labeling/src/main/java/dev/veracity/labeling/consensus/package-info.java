/**
 * One label per item from several raters' labels: majority vote with a tie policy, weighted vote, and Dawid-Skene
 * EM with per-rater confusion matrices. Each item carries its posterior; items below a confidence target form the
 * adjudication queue (or are sent out for another rating). The EM core ({@code DawidSkene.fit} over a {@code VoteList})
 * also serves weak supervision, where a labeling function is a rater that sees every item and may abstain.
 */
package dev.veracity.labeling.consensus;
