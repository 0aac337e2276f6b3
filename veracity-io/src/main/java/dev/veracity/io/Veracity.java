package dev.veracity.io;

import dev.veracity.ConfigException;
import dev.veracity.data.FeatureType;
import dev.veracity.io.csv.CsvOptions;
import dev.veracity.io.csv.CsvStatistics;
import dev.veracity.io.jdbc.JdbcQuery;
import dev.veracity.io.jdbc.JdbcSplit;
import dev.veracity.io.jsonl.JsonLinesOptions;
import dev.veracity.io.jsonl.JsonLinesStatistics;
import dev.veracity.proto.Schema;
import dev.veracity.stats.PiiProtection;
import dev.veracity.stats.Sampling;
import dev.veracity.stats.SlicedStatistics;
import dev.veracity.stats.Slicing;
import dev.veracity.stats.StatisticsOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Java entry point for files: describe a dataset with TFDV's statistics. CSV files or JSON Lines files
 * ({@code .jsonl}, {@code .ndjson}), plain or gzip, one or many, are read on all cores.
 *
 * <pre>{@code
 * DatasetFeatureStatisticsList stats = Veracity.statistics(Path.of("train.csv")).sliceBy("country").compute()
 *         .statistics();
 * StatisticsFiles.write(stats, Path.of("train.pb"));
 * }</pre>
 */
public final class Veracity {
    private Veracity() {}

    /**
     * {@return a statistics computation over CSV or JSON Lines files (plain or .gz) as one dataset, with TFDV's
     * defaults}
     */
    public static StatisticsRequest statistics(Path first, Path... more) {
        List<Path> inputs = new ArrayList<>();
        inputs.add(first);
        inputs.addAll(List.of(more));
        return statistics(inputs);
    }

    /**
     * {@return a statistics computation over the results of database queries as one dataset, streamed with each
     * query's fetch size, with TFDV's defaults}
     */
    public static StatisticsRequest statistics(JdbcQuery query, JdbcQuery... more) {
        List<JdbcQuery> queries = new ArrayList<>();
        queries.add(query);
        queries.addAll(List.of(more));
        StatisticsRequest request = statistics(List.of());
        return request.withReadOptions(request.read().withQueries(queries));
    }

    /**
     * {@return a statistics computation over files of any format Veracity reads (CSV, JSON Lines, Parquet, Avro,
     * TFRecord; see {@link DataFormat}) as one dataset, with TFDV's defaults}
     */
    public static StatisticsRequest statistics(List<Path> inputs) {
        return new StatisticsRequest(
                inputs,
                StatisticsOptions.DEFAULT,
                CsvOptions.DEFAULT,
                "",
                Progress.NONE,
                Math.min(StatisticsRequest.MAX_THREADS, Runtime.getRuntime().availableProcessors()),
                List.of(),
                SlicedStatistics.DEFAULT_MAX_SLICES,
                Sampling.ALL,
                Schema.getDefaultInstance(),
                ReadOptions.DEFAULT,
                PiiProtection.SUPPRESS);
    }

    /**
     * What to compute statistics of, and how. Immutable: each {@code with} method returns a new request.
     *
     * @param inputs     the files, one dataset: CSV files with the same header, or JSON Lines files (not both)
     * @param options    what to compute
     * @param csvOptions how to read the files
     * @param name       the dataset name to record
     * @param progress   receives the progress of reading
     * @param threads    how many threads parse and accumulate
     * @param slicings   the slicings whose slices get statistics too (as extra datasets)
     * @param maxSlices  the cap on slices per slicing
     * @param sampling   which rows to describe (all by default)
     * @param schema     the schema whose types and categorical domains apply (see {@link #withSchema}); the empty
     *                   schema, by default, for none
     * @param read       the format (detected by default), column projection and Avro reader schema; its CSV
     *                   settings are replaced by {@code csvOptions}
     * @param piiProtection how the statistics of features the schema marks as PII lose their raw values (removed
     *                   by default; see {@link #withPiiProtection})
     */
    public record StatisticsRequest(
            List<Path> inputs,
            StatisticsOptions options,
            CsvOptions csvOptions,
            String name,
            Progress progress,
            int threads,
            List<Slicing> slicings,
            int maxSlices,
            Sampling sampling,
            Schema schema,
            ReadOptions read,
            PiiProtection piiProtection) {
        public StatisticsRequest {
            Objects.requireNonNull(read, "read is null");
            inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs is null"));
            slicings = List.copyOf(Objects.requireNonNull(slicings, "slicings is null"));
            Objects.requireNonNull(options, "options is null");
            Objects.requireNonNull(csvOptions, "csvOptions is null");
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(progress, "progress is null");
            Objects.requireNonNull(sampling, "sampling is null");
            Objects.requireNonNull(schema, "schema is null");
            Objects.requireNonNull(piiProtection, "piiProtection is null");
            bounded("threads", threads, MAX_THREADS);
            bounded("max slices", maxSlices, SlicedStatistics.MAX_SLICES);
        }

        private static void bounded(String what, int value, int max) {
            if (value < 1 || value > max) {
                throw new ConfigException(
                        what + ": expected " + (value < 1 ? "at least 1" : "at most " + max) + ", found " + value);
            }
        }

        /** The most threads of a request: each holds a copy of all statistics, so memory grows with them. */
        public static final int MAX_THREADS = 1024;

        /** {@return this request with other statistics options} */
        public StatisticsRequest withOptions(StatisticsOptions newOptions) {
            return new StatisticsRequest(
                    inputs,
                    newOptions,
                    csvOptions,
                    name,
                    progress,
                    threads,
                    slicings,
                    maxSlices,
                    sampling,
                    schema,
                    read,
                    piiProtection);
        }

        /** {@return this request reading with these options (format, projected columns, Avro reader schema)} */
        public StatisticsRequest withReadOptions(ReadOptions newRead) {
            return new StatisticsRequest(
                    inputs,
                    options,
                    csvOptions,
                    name,
                    progress,
                    threads,
                    slicings,
                    maxSlices,
                    sampling,
                    schema,
                    newRead,
                    piiProtection);
        }

        /** {@return this request with other CSV options} */
        public StatisticsRequest withCsvOptions(CsvOptions newCsvOptions) {
            return new StatisticsRequest(
                    inputs,
                    options,
                    newCsvOptions,
                    name,
                    progress,
                    threads,
                    slicings,
                    maxSlices,
                    sampling,
                    schema,
                    read,
                    piiProtection);
        }

        /** {@return this request recording another dataset name} */
        public StatisticsRequest named(String newName) {
            return new StatisticsRequest(
                    inputs,
                    options,
                    csvOptions,
                    newName,
                    progress,
                    threads,
                    slicings,
                    maxSlices,
                    sampling,
                    schema,
                    read,
                    piiProtection);
        }

        /** {@return this request reporting its progress to {@code newProgress}} */
        public StatisticsRequest withProgress(Progress newProgress) {
            return new StatisticsRequest(
                    inputs,
                    options,
                    csvOptions,
                    name,
                    newProgress,
                    threads,
                    slicings,
                    maxSlices,
                    sampling,
                    schema,
                    read,
                    piiProtection);
        }

        /** {@return this request on {@code newThreads} threads} */
        public StatisticsRequest withThreads(int newThreads) {
            return new StatisticsRequest(
                    inputs,
                    options,
                    csvOptions,
                    name,
                    progress,
                    newThreads,
                    slicings,
                    maxSlices,
                    sampling,
                    schema,
                    read,
                    piiProtection);
        }

        /** {@return this request also describing each slice by the values of {@code features} (crossed if several)} */
        public StatisticsRequest sliceBy(String... features) {
            List<Slicing> more = new ArrayList<>(slicings);
            more.add(Slicing.of(features));
            return new StatisticsRequest(
                    inputs,
                    options,
                    csvOptions,
                    name,
                    progress,
                    threads,
                    more,
                    maxSlices,
                    sampling,
                    schema,
                    read,
                    piiProtection);
        }

        /** {@return this request keeping at most {@code newMaxSlices} slices per slicing} */
        public StatisticsRequest withMaxSlices(int newMaxSlices) {
            return new StatisticsRequest(
                    inputs,
                    options,
                    csvOptions,
                    name,
                    progress,
                    threads,
                    slicings,
                    newMaxSlices,
                    sampling,
                    schema,
                    read,
                    piiProtection);
        }

        /** {@return this request describing a seeded per-row sample of {@code rate} of the rows} */
        public StatisticsRequest sample(double rate, long seed) {
            return new StatisticsRequest(
                    inputs,
                    options,
                    csvOptions,
                    name,
                    progress,
                    threads,
                    slicings,
                    maxSlices,
                    new Sampling(rate, seed),
                    schema,
                    read,
                    piiProtection);
        }

        /**
         * {@return this request reading and describing features as {@code newSchema} says} (TFDV's
         * {@code infer_type_from_schema} and categorical domains):
         * <ul>
         * <li>A CSV column named by a schema feature takes its type (BYTES is STRING, INT is INT, FLOAT is FLOAT)
         *     instead of an inferred one; a non-empty cell that does not parse as that type (an INT beyond int64
         *     too) is an {@link dev.veracity.InputException} CSV_VALUE_NOT_OF_SCHEMA_TYPE naming the file, line and
         *     column, or with {@link BadRecords#SKIP} skips its whole record, counted with the other skipped records.
         *     Empty cells stay missing. Columns the schema does not name are inferred as usual; if it names every
         *     column, the inference pass over the data is skipped.</li>
         * <li>An INT feature with {@code int_domain { is_categorical: true }} or a {@code bool_domain}, and a FLOAT
         *     feature with {@code float_domain { is_categorical: true }}, get {@code string_stats} instead of
         *     {@code num_stats}, keeping their type, as in TFDV.</li>
         * <li>A feature it marks {@code veracity:pii} keeps its counts and distributions but no raw value: its top
         *     values, rank histogram, min, median, max and histograms are removed or hashed
         *     ({@link #withPiiProtection}), on every engine, before any statistics leave the library.</li>
         * </ul>
         * STRUCT features, and schema features that are not columns of the input, are ignored. JSON Lines,
         * Parquet, Avro, TFRecord and query results keep the types their values carry; for them the schema only
         * marks categorical numbers.
         */
        public StatisticsRequest withSchema(Schema newSchema) {
            return new StatisticsRequest(
                    inputs,
                    options,
                    csvOptions,
                    name,
                    progress,
                    threads,
                    slicings,
                    maxSlices,
                    sampling,
                    newSchema,
                    read,
                    piiProtection);
        }

        /**
         * {@return this request labelling the values of PII features with their keyed hash, or removing them}
         * Whatever the protection, the statistics of a feature that {@link #schema} marks {@code veracity:pii} never
         * hold a raw value of it ({@link PiiProtection}), and slicing by such a feature is refused.
         */
        public StatisticsRequest withPiiProtection(PiiProtection newPiiProtection) {
            return new StatisticsRequest(
                    inputs,
                    options,
                    csvOptions,
                    name,
                    progress,
                    threads,
                    slicings,
                    maxSlices,
                    sampling,
                    schema,
                    read,
                    newPiiProtection);
        }

        /** {@return the computed statistics as this request's schema lets them out: PII features protected} */
        public ComputedStatistics protect(ComputedStatistics computed) {
            return new ComputedStatistics(
                    piiProtection.protect(computed.statistics(), schema),
                    computed.skippedRecords(),
                    computed.rowsNotSliced());
        }

        /**
         * Refuses slicings by a feature the schema marks as PII (slice names would hold its values).
         *
         * @throws ConfigException naming the feature
         */
        public void checkSlicings() {
            for (Slicing slicing : slicings) {
                PiiProtection.checkSlicing(schema, slicing.features());
            }
        }

        /**
         * {@return the statistics, with the number of malformed records skipped}
         *
         * @throws dev.veracity.InputException if an input is missing or malformed (and not skipped)
         * @throws ConfigException              if the inputs mix CSV and JSON Lines files, or a slicing uses a PII
         *                                      feature
         */
        public ComputedStatistics compute() throws IOException {
            checkSlicings();
            return protect(computeRaw());
        }

        private ComputedStatistics computeRaw() throws IOException {
            StatisticsOptions described = SchemaTypes.describing(options, schema);
            CsvOptions read = csvOptions;
            if (schema.getFeatureCount() > 0) {
                Map<String, FeatureType> types = new HashMap<>(csvOptions.columnTypes());
                types.putAll(SchemaTypes.columnTypes(schema));
                read = csvOptions.withColumnTypes(types).withPrivateColumns(PiiProtection.features(schema));
            }
            if (!this.read.queries().isEmpty()) {
                if (!inputs.isEmpty()) {
                    throw new ConfigException("inputs: expected files or database queries, found both");
                }
                FeatureTypes types = new FeatureTypes();
                List<InputSplit> splits = new ArrayList<>();
                for (JdbcQuery query : this.read.queries()) {
                    splits.add(new JdbcSplit(query, csvOptions.batchSize()));
                }
                return new SplitStatistics(described, slicings, maxSlices, sampling, progress, threads)
                        .compute(splits, types, name);
            }
            DataFormat format = Readers.formatOf(inputs, this.read);
            if (format != DataFormat.CSV && format != DataFormat.JSONL) {
                FeatureTypes types = new FeatureTypes();
                List<InputSplit> splits = Readers.splits(inputs, format, this.read.withCsv(read), types);
                return new SplitStatistics(described, slicings, maxSlices, sampling, progress, threads)
                        .compute(splits, types, name);
            }
            if (!this.read.columns().isEmpty()) {
                throw new ConfigException("--columns: column projection applies to Parquet, Avro and TFRecord "
                        + "input, found " + format + " input");
            }
            if (format == DataFormat.JSONL) {
                // JSON values carry their own types: the schema only marks categorical numbers, as for Parquet.
                return new JsonLinesStatistics(
                                new JsonLinesOptions(csvOptions.badRecords(), csvOptions.batchSize()),
                                described,
                                slicings,
                                maxSlices,
                                sampling,
                                progress,
                                threads)
                        .compute(inputs, name);
            }
            return new CsvStatistics(read, described, threads)
                    .withProgress(progress)
                    .withSlicings(slicings, maxSlices)
                    .withSampling(sampling)
                    .compute(inputs, name);
        }
    }
}
