/**
 * TFRecord files of tf.train.Example: our own framing reader and writer (CRC32C checks, gzip) and the Example
 * codec on our own example.proto. Nothing here knows statistics.
 */
package dev.veracity.io.tfrecord;
