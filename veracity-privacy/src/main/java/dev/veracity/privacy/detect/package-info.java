/** PII recognizers on text: patterns, checksums, context words and their confidence scores. No files. */
package dev.veracity.privacy.detect;
