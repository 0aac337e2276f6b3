/**
 * Configuration files in YAML (checks, transform specs, labeling functions) read into a tree whose every node knows
 * its file, line and column, so a semantic error names where it is, as a syntax error does.
 */
package dev.veracity.io.yaml;
