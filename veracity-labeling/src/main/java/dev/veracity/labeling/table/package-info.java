/** Table files (CSV or JSON Lines) read through veracity-io as record batches, and their cells as text. */
package dev.veracity.labeling.table;
