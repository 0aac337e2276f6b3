/**
 * Veracity's core: the user-facing error family and, in sub-packages, the data model ({@code data}), statistics
 * ({@code stats}) and TFDV-compatible formats ({@code format}). Nothing here opens a file, prints to a terminal or
 * renders HTML.
 */
package dev.veracity;
