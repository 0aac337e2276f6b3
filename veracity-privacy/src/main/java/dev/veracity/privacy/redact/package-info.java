/** Redaction operators and the one-pass writer of a redacted copy (CSV or JSON Lines, atomic). */
package dev.veracity.privacy.redact;
