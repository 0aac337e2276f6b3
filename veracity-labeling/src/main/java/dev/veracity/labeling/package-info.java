/**
 * Labels for machine-learning data: from process feedback ({@code feedback}: predictions joined with later outcomes),
 * from human raters ({@code project}), merged into one label per item ({@code consensus}) and checked for agreement
 * between raters ({@code agreement}). Reads and writes files through veracity-io; nothing here prints to a terminal.
 */
package dev.veracity.labeling;
