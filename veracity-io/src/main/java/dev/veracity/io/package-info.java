/**
 * Files: the {@link dev.veracity.io.Veracity} facade, statistics files in TFDV's formats
 * ({@link dev.veracity.io.StatisticsFiles}), atomic writes ({@link dev.veracity.io.AtomicFiles}) and, in
 * sub-packages, one reader per input format.
 */
package dev.veracity.io;
