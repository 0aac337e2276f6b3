/**
 * The columnar data model: {@link dev.veracity.data.RecordBatch}es of typed {@link dev.veracity.data.Column}s that
 * readers produce and statistics consume. Nothing downstream of a reader sees text lines.
 */
package dev.veracity.data;
