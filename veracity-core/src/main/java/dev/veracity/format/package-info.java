/**
 * TFDV-compatible encodings (binary, text and JSON protobuf) of the messages in {@code dev.veracity.proto}, on
 * streams and bytes only; choosing and opening files is the io module's job.
 */
package dev.veracity.format;
