package dev.veracity.transform;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.data.BatchSource;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.AtomicFiles;
import dev.veracity.io.DataFormat;
import dev.veracity.io.FeatureTypes;
import dev.veracity.io.FormatDetection;
import dev.veracity.io.InputSplit;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.Readers;
import dev.veracity.io.StatisticsFiles;
import dev.veracity.io.Workers;
import dev.veracity.io.convert.BatchWriter;
import dev.veracity.io.convert.CsvBatchWriter;
import dev.veracity.io.convert.JsonLinesBatchWriter;
import dev.veracity.io.convert.ParquetBatchWriter;
import dev.veracity.io.convert.ParquetColumn;
import dev.veracity.io.convert.TfRecordBatchWriter;
import dev.veracity.io.csv.CsvChunkedRead;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Feature;
import dev.veracity.proto.Schema;
import dev.veracity.stats.DatasetAccumulator;
import dev.veracity.stats.StatisticsOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

/**
 * Applies a fitted transform to data files and writes the transformed rows, in input order, as CSV, JSON Lines,
 * Parquet or TFRecord of tf.Example (by the output's extension; {@code .gz} compresses all but Parquet), atomically.
 * Batches are transformed on all cores while one thread reads and writes; memory is a few batches per core.
 *
 * <pre>{@code
 * TransformApply.Applied done = TransformApply.apply(fn, inputSchema, files, ReadOptions.DEFAULT,
 *         Path.of("train_t.parquet"), Optional.empty());
 * }</pre>
 */
public final class TransformApply {
    private TransformApply() {}

    /** What an apply wrote. @param examples rows written @param skippedRecords malformed records skipped */
    public record Applied(long examples, long skippedRecords) {}

    /**
     * Transforms the files into {@code target} and, if given, writes the transformed rows' statistics.
     *
     * @param inputSchema the transform's input schema (its value counts say which columns hold lists, for Parquet)
     * @throws ConfigException INVALID_OPTION if the target's extension names no format that can be written
     */
    public static Applied apply(
            TransformFn fn,
            Schema inputSchema,
            List<Path> files,
            ReadOptions read,
            Path target,
            Optional<Path> statisticsTarget)
            throws IOException {
        return apply(
                fn,
                inputSchema,
                files,
                read,
                target,
                statisticsTarget,
                Math.max(1, Runtime.getRuntime().availableProcessors()),
                0);
    }

    /**
     * As {@link #apply(TransformFn, Schema, List, ReadOptions, Path, Optional)} on this many threads, cutting CSV
     * into chunks of this size (0: by the file's size); the output is the same for any of them (tests).
     */
    static Applied apply(
            TransformFn fn,
            Schema inputSchema,
            List<Path> files,
            ReadOptions read,
            Path target,
            Optional<Path> statisticsTarget,
            int threads,
            long chunkBytes)
            throws IOException {
        Objects.requireNonNull(fn, "fn is null");
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gzip = name.endsWith(".gz");
        DataFormat format = FormatDetection.byExtension(target)
                .filter(f -> f != DataFormat.AVRO)
                .orElseThrow(() -> new ConfigException(
                        ErrorCode.INVALID_OPTION,
                        "-o " + target + ": expected a .csv, .jsonl, .parquet or .tfrecord name (.gz to compress), "
                                + "found " + target.getFileName()));
        if (gzip && format == DataFormat.PARQUET) {
            throw new ConfigException(
                    ErrorCode.INVALID_OPTION,
                    "-o " + target + ": expected no .gz on Parquet (it compresses its pages), found .gz");
        }
        DatasetAccumulator statistics =
                statisticsTarget.isPresent() ? new DatasetAccumulator(StatisticsOptions.DEFAULT) : null;
        long[] counts = new long[2];
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("veracity-transform-apply"));
        ExecutorService writing = Executors.newSingleThreadExecutor(daemon("veracity-transform-write"));
        ReadOptions once = CsvTyping.forApply(fn, files, read);
        try {
            AtomicFiles.write(target, raw -> {
                GZIPOutputStream compressed =
                        gzip && format != DataFormat.TFRECORD ? new GZIPOutputStream(raw, 1 << 16) : null;
                OutputStream out = compressed != null ? compressed : raw;
                BatchWriter writer = writer(fn, inputSchema, format, out, gzip);
                if (chunked(files, once)) {
                    // one file on all cores: chunks parsed and transformed on the pool, written here in order
                    CsvChunkedRead.Totals totals = new CsvChunkedRead(once.csv(), pool, threads, chunkBytes)
                            .keeping(fn.spec().inputs())
                            .read(files, (batches, chunk) -> transformChunk(fn, batches, chunk), done -> {
                                for (RecordBatch batch : done) {
                                    writer.write(batch);
                                    if (statistics != null) {
                                        statistics.add(batch);
                                    }
                                }
                            });
                    counts[0] = totals.records();
                    counts[1] = totals.skipped();
                    writer.finish();
                    if (compressed != null) {
                        compressed.finish();
                    }
                    return;
                }
                // read here, transform on the pool, write on one thread, in order: the three overlap
                ArrayDeque<Future<Integer>> pending = new ArrayDeque<>();
                DataFormat inputFormat = Readers.formatOf(files, once);
                WrongTypes wrongTypes = new WrongTypes(fn, inputFormat, once.badRecords());
                FeatureTypes seen = new FeatureTypes(); // of the batches transformed, after WrongTypes
                long first = 1;
                boolean returned = false;
                for (InputSplit split : Readers.splits(files, inputFormat, once, new FeatureTypes())) {
                    long inSplit = 0;
                    try (BatchSource source = split.open()) {
                        for (Optional<RecordBatch> b = source.next(); b.isPresent(); b = source.next()) {
                            long rows = b.get().rowCount();
                            if (rows == 0 && returned) {
                                continue;
                            }
                            RecordBatch batch = wrongTypes.filter(
                                    b.get(), split.description(), Path.of(split.description()), inSplit);
                            inSplit += rows;
                            for (dev.veracity.data.Column column : batch.columns()) {
                                seen.check(column.name(), column.type(), split.description());
                            }
                            returned = true;
                            long at = first;
                            first += batch.rowCount();
                            Future<RecordBatch> transformed = pool.submit(() -> fn.apply(batch, at));
                            pending.add(writing.submit(() -> write(transformed, writer, statistics)));
                            while (pending.size() > 2 * threads) {
                                counts[0] += Workers.join(pending.poll());
                            }
                        }
                        counts[1] += source.skippedRecords();
                    }
                }
                while (!pending.isEmpty()) {
                    counts[0] += Workers.join(pending.poll());
                }
                counts[1] += wrongTypes.skipped();
                writer.finish();
                if (compressed != null) {
                    compressed.finish();
                }
            });
        } finally {
            pool.shutdownNow();
            writing.shutdownNow();
        }
        if (statistics != null) {
            DatasetFeatureStatisticsList list = DatasetFeatureStatisticsList.newBuilder()
                    .addDatasets(statistics.result(""))
                    .build();
            StatisticsFiles.write(list, statisticsTarget.get());
        }
        return new Applied(counts[0], counts[1]);
    }

    /** {@return whether the input is plain CSV files read in chunks on all cores (every column's type is fixed)} */
    static boolean chunked(List<Path> files, ReadOptions read) throws IOException {
        return read.queries().isEmpty()
                && read.columns().isEmpty()
                && Readers.formatOf(files, read) == DataFormat.CSV
                && CsvChunkedRead.splittable(files);
    }

    private static List<RecordBatch> transformChunk(TransformFn fn, BatchSource batches, CsvChunkedRead.Chunk chunk)
            throws IOException {
        List<RecordBatch> out = new ArrayList<>();
        long at = chunk.firstRow() + 1;
        for (Optional<RecordBatch> b = batches.next(); b.isPresent(); b = batches.next()) {
            if (b.get().rowCount() > 0) {
                out.add(fn.apply(b.get(), at));
                at += b.get().rowCount();
            }
        }
        return out;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static int write(Future<RecordBatch> next, BatchWriter writer, DatasetAccumulator statistics)
            throws IOException {
        RecordBatch batch = Workers.join(next);
        writer.write(batch);
        if (statistics != null) {
            statistics.add(batch);
        }
        return batch.rowCount();
    }

    private static BatchWriter writer(
            TransformFn fn, Schema inputSchema, DataFormat format, OutputStream out, boolean gzip) throws IOException {
        return switch (format) {
            case CSV -> new CsvBatchWriter(out, fn.outputNames());
            case JSONL -> new JsonLinesBatchWriter(out);
            case TFRECORD -> new TfRecordBatchWriter(out, gzip);
            case PARQUET -> new ParquetBatchWriter(out, parquetColumns(fn, inputSchema));
            case AVRO -> throw new IllegalStateException("refused above");
        };
    }

    /**
     * {@return the Parquet columns of the output}: a LIST where an op writes lists (one_hot, cross, n-grams, tfidf)
     * or where an input column held lists in the analyzed data, else one optional value
     */
    static List<ParquetColumn> parquetColumns(TransformFn fn, Schema inputSchema) {
        Map<String, Long> maxCounts = new HashMap<>();
        for (Feature feature : inputSchema.getFeatureList()) {
            maxCounts.put(
                    feature.getName(),
                    feature.hasValueCount() ? feature.getValueCount().getMax() : 1L);
        }
        List<ParquetColumn> columns = new ArrayList<>();
        List<FeatureType> types = fn.outputTypes();
        List<String> names = fn.outputNames();
        int c = 0;
        for (StepFunction f : fn.functions()) {
            Step step = f.step();
            boolean lists = switch (step.op()) {
                case ONE_HOT, CROSS, NGRAMS, BAG_OF_WORDS, TFIDF -> true;
                case SCALE_TO_Z_SCORE,
                        SCALE_TO_0_1,
                        SCALE_BY_MIN_MAX,
                        LOG1P,
                        CLIP,
                        IMPUTE,
                        BUCKETIZE,
                        APPLY_BUCKETS,
                        COMPUTE_AND_APPLY_VOCABULARY,
                        HASH_STRINGS,
                        HOUR,
                        DAY_OF_WEEK,
                        MONTH,
                        CYCLIC -> maxCounts.getOrDefault(step.input(), 1L) != 1;
            };
            for (int o = 0; o < step.outputs().size(); o++, c++) {
                columns.add(new ParquetColumn(names.get(c), types.get(c), lists));
            }
        }
        for (String kept : fn.spec().keep()) {
            columns.add(new ParquetColumn(names.get(c), types.get(c), maxCounts.getOrDefault(kept, 1L) != 1));
            c++;
        }
        return columns;
    }
}
