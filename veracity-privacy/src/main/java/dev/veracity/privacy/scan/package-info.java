/** Per-feature PII verdicts from one pass over a file, and their JSON form. Reports hold counts, never values. */
package dev.veracity.privacy.scan;
