package dev.veracity.cli;

import dev.veracity.io.BadRecords;
import dev.veracity.io.ComputedStatistics;
import dev.veracity.io.InputPaths;
import dev.veracity.io.OutputPaths;
import dev.veracity.io.SchemaFiles;
import dev.veracity.io.StatisticsEngine;
import dev.veracity.io.StatisticsFiles;
import dev.veracity.io.Veracity;
import dev.veracity.io.csv.CsvOptions;
import dev.veracity.privacy.PiiStatistics;
import dev.veracity.privacy.Secret;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Schema;
import dev.veracity.stats.NaturalLanguageFeature;
import dev.veracity.stats.SemanticDomains;
import dev.veracity.stats.StatisticsOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity stats}: computes TFDV's statistics of CSV or JSON Lines files and writes them in TFDV's formats. */
@Command(
        name = "stats",
        header = "Computes TFDV's statistics of CSV, JSON Lines, Parquet, Avro, TFRecord files or a query.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Computes TFDV's per-feature statistics of CSV files with a header row (plain or .gz),",
            "or of JSON Lines files (.jsonl, .ndjson, plain or .gz: one object per line; arrays are lists of",
            "values, nested objects dotted paths, null and absent keys missing, [] present and empty).",
            "Column types are inferred from the data as TFDV does (INT < FLOAT < STRING),",
            "or taken from --schema; an empty cell is missing. The output format follows the file extension:",
            "  .pb      binary protobuf, as TFX's FeatureStats.pb",
            "  .pbtxt   protobuf text format",
            "  .json    protobuf JSON mapping",
            "  .tfrecord (or .tfrecord.gz) one TFRecord record, as TFX's older StatisticsGen wrote; such files with",
            "           several records (shards) are joined on reading, as TFDV's load_sharded_statistics does",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity stats examples/runs/train.csv -o train.pb",
            "  veracity stats 'logs/2024-*.csv.gz' -o logs.pbtxt --threads 8",
            "  veracity stats runs.csv -o runs.pb --slice-by surface --slice-by surface,time_of_day",
            "  veracity stats data.csv -o data.pbtxt --top-k 50 --bad-records skip",
            "  veracity stats eval.csv --schema schema.pbtxt -o eval.pb",
            "  veracity stats clicks.csv -o clicks.pb --weight impressions --weight-override revenue=spend",
            "  veracity stats flights/ --columns dep_delay,carrier -o flights.pb",
            "  veracity stats jdbc:sqlite:runs.db --query \"SELECT * FROM runs\" -o runs.pb",
            "  veracity stats 'data/*.csv' -o data.pb --engine beam --runner flink"
        })
final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "INPUT",
            description = "Files, directories of part files or quoted globs ('data/part-*.parquet'), described "
                    + "together as one dataset, all of one format: CSV (plain or .gz, same header), JSON Lines "
                    + "(features are the union of their keys), Parquet, Avro or TFRecord of tf.Example (plain or "
                    + ".gz); or a jdbc: URL with --query.")
    List<String> inputs;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "FILE",
            description = "Where to write the statistics: a .pb, .pbtxt or .json file, written atomically.")
    Path output;

    @Option(
            names = "--top-k",
            paramLabel = "N",
            defaultValue = "20",
            description = "Most frequent values kept per string feature (default: ${DEFAULT-VALUE}, as TFDV).")
    int topK;

    @Option(
            names = "--histogram-buckets",
            paramLabel = "N",
            defaultValue = "10",
            description = "Buckets of the numeric STANDARD and QUANTILES histograms (default: ${DEFAULT-VALUE}).")
    int histogramBuckets;

    @Option(
            names = "--max-exact-distinct",
            paramLabel = "N",
            defaultValue = "10000",
            description = "Distinct values per string feature counted exactly; beyond, sketched with a stated "
                    + "error bound (default: ${DEFAULT-VALUE}).")
    int maxExactDistinct;

    @Option(
            names = "--bad-records",
            paramLabel = "POLICY",
            defaultValue = "fail",
            description = "What to do with a malformed row (or a JSON line with a type conflict): fail (exit 2 "
                    + "naming file, line and column) or skip (count it, report the count on stderr). "
                    + "Default: ${DEFAULT-VALUE}.")
    BadRecords badRecords;

    @Option(
            names = "--delimiter",
            paramLabel = "CHAR",
            defaultValue = ",",
            description = "Field delimiter, one ASCII character; \\t for tab (default: '${DEFAULT-VALUE}').")
    String delimiter;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Threads that parse and accumulate (default: all cores, here ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(
            names = "--slice-by",
            paramLabel = "F[,G...]",
            description = "Also describe each slice by the values of feature F (repeatable: one slicing each; "
                    + "F,G crosses them). Slices are extra datasets named as TFDV names them (F_value); rows "
                    + "missing F belong to no slice.")
    List<String> sliceBy = List.of();

    @Option(
            names = "--max-slices",
            paramLabel = "N",
            defaultValue = "100",
            description = "Slices kept per slicing (default: ${DEFAULT-VALUE}); rows of further slices are not "
                    + "sliced, and stderr says how many.")
    int maxSlices;

    @Option(
            names = "--weight",
            paramLabel = "F",
            description = "Numeric feature with one value per example, used as its weight: adds TFDV's weighted "
                    + "statistics (weighted_num_examples, weighted common, numeric and string statistics).")
    String weight = "";

    @Option(
            names = "--weight-override",
            paramLabel = "FEATURE=WEIGHT",
            description = "Weight FEATURE's weighted statistics by the numeric feature WEIGHT instead of --weight "
                    + "(TFDV's per_feature_weight_override; repeatable; with or without --weight). Local engine only.")
    Map<String, String> weightOverrides = new LinkedHashMap<>();

    @Option(
            names = "--sample-rate",
            paramLabel = "R",
            defaultValue = "1.0",
            description = "Describe a random sample of this fraction of the rows, in (0, 1]; the statistics "
                    + "describe the sample (default: ${DEFAULT-VALUE}, every row).")
    double sampleRate;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "0",
            description = "Chooses the sample; the same seed gives the same rows whatever --threads "
                    + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--schema",
            paramLabel = "FILE",
            description = "Read CSV columns with this schema's types (.pbtxt, .pb or .json; BYTES is STRING) "
                    + "instead of inferring them: a value that does not parse as its type fails (exit 2, naming "
                    + "file, line and column) or, with --bad-records skip, skips its record. INT/FLOAT features "
                    + "with is_categorical domains get string statistics, as in TFDV. Other formats keep the types their "
                    + "values carry; the schema marks categorical numbers and PII features. Its sparse_feature and "
                    + "weighted_feature declarations get TFDV's custom statistics (missing_value, missing_index, "
                    + "min_length_diff, ...).")
    Path schema;

    @Option(
            names = "--pii-secret-file",
            paramLabel = "FILE",
            description = "With --schema: label the top values of features the schema marks veracity:pii with "
                    + "their keyed hash (HMAC-SHA256 under the secret in FILE) instead of removing them.")
    Path piiSecretFile;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            defaultValue = "",
            description = "Dataset name recorded in the statistics (default: empty, as TFDV).")
    String name;

    @Option(
            names = "--outliers",
            description = "Add outlier counts per numeric feature as custom statistics (outliers_tukey_1_5, "
                    + "outliers_tukey_3, outliers_robust_z): two more passes over the files.")
    boolean outliers;

    @Option(
            names = "--outlier-z",
            paramLabel = "K",
            description = "With --outliers: the modified z-score (0.6745 |x - median| / MAD) beyond which a value "
                    + "counts in outliers_robust_z (default: ${DEFAULT-VALUE}).")
    double outlierZ = dev.veracity.stats.OutlierStatistics.DEFAULT_K;

    @Option(
            names = "--newest-time",
            description = "Add time_max (the newest ISO-8601 time, epoch seconds) to string features of times, for "
                    + "freshness checks: one more pass over the files.")
    boolean newestTime;

    @Mixin
    EngineOptions engine;

    @Option(
            names = "--semantic-domain-stats",
            description = "Also compute TFDV's semantic-domain statistics (enable_semantic_domain_stats): image formats"
                    + " and sizes (from the headers) of string features whose values are mostly images, and"
                    + " the domain_info of features that are mostly images, text or times (infer-schema"
                    + " gives them image, natural-language and time domains); with --schema, nl_statistics"
                    + " for features whose natural_language_domain names a vocabulary or excluded or"
                    + " out-of-vocabulary tokens.")
    boolean semanticDomainStats;

    @Option(
            names = "--vocab",
            paramLabel = "NAME=FILE",
            description = "With --semantic-domain-stats: the vocabulary a natural_language_domain names, one token per "
                    + "line, line i being token i (TFDV's vocab_paths; repeatable).")
    Map<String, Path> vocabularies = new LinkedHashMap<>();

    @Mixin
    ReadingOptions reading;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        StatisticsFiles.checkName(output);
        StatisticsOptions options = StatisticsOptions.DEFAULT
                .withNumTopValues(topK)
                .withNumHistogramBuckets(histogramBuckets)
                .withMaxExactDistinct(maxExactDistinct)
                .withWeightFeature(weight)
                .withWeightOverrides(weightOverrides);
        CsvOptions csv = CsvDelimiter.options(delimiter).withBadRecords(badRecords);
        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        TerminalProgress progress = TerminalProgress.forTerminal(err);
        boolean local = engine.isLocal();
        StatisticsEngine other = local ? null : StatisticsEngines.find(engine.name);
        boolean database = ReadingOptions.isDatabase(inputs);
        List<Path> files = local && !database ? InputPaths.expand(inputs) : List.of();
        List<Path> read = new ArrayList<>(Inputs.of(inputs, files, schema, piiSecretFile));
        read.addAll(vocabularies.values());
        OutputPaths.refuseOverwrite(read, List.of(output));
        Schema readSchema = schema == null ? Schema.getDefaultInstance() : SchemaFiles.read(schema);
        if (semanticDomainStats) {
            if (schema == null && !vocabularies.isEmpty()) {
                throw new ParameterException(
                        spec.commandLine(), "--vocab is for the domains of a schema: give --schema");
            }
            Map<String, List<String>> tokens = new LinkedHashMap<>();
            for (Map.Entry<String, Path> vocabulary : vocabularies.entrySet()) {
                tokens.put(vocabulary.getKey(), VocabularyFile.read(vocabulary.getValue()));
            }
            options = options.withSemanticDomains(
                    new SemanticDomains(NaturalLanguageFeature.of(readSchema, tokens), true));
        }
        Veracity.StatisticsRequest request = Veracity.statistics(files)
                .withOptions(options)
                .withCsvOptions(csv)
                .named(name)
                .withThreads(threads)
                .withProgress(progress)
                .withMaxSlices(maxSlices)
                .sample(sampleRate, seed)
                .withReadOptions(reading.readOptions(inputs));
        if (schema != null) {
            request = request.withSchema(readSchema);
        }
        for (String slicing : sliceBy) {
            request = request.sliceBy(slicing.split(",", -1));
            PiiStatistics.checkSlicing(readSchema, List.of(slicing.split(",", -1)));
        }
        Optional<Secret> piiSecret =
                piiSecretFile == null ? Optional.empty() : Optional.of(Secret.fromFile(piiSecretFile));
        // Features the schema marks veracity:pii keep counts but no raw values: the library protects them.
        request = request.withPiiProtection(PiiStatistics.protection(readSchema, piiSecret));
        ComputedStatistics computed;
        try {
            computed = local ? request.compute() : other.compute(request, engine.run(inputs, threads));
        } finally {
            progress.finish();
        }
        DatasetFeatureStatisticsList statistics = computed.statistics();
        if (outliers) {
            if (!local || database || !(outlierZ > 0)) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(),
                        "--outliers: expected local files and --outlier-z above 0, found "
                                + (local && !database ? "--outlier-z " + outlierZ : "another input"));
            }
            statistics = dev.veracity.io.checks.OutlierPasses.add(
                    statistics,
                    files,
                    dev.veracity.io.table.TableOptions.of(reading.readOptions(inputs))
                            .withCsv(csv),
                    outlierZ);
        }
        if (newestTime) {
            if (!local || database) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(), "--newest-time: expected local files, found another input");
            }
            statistics = dev.veracity.io.checks.NewestTimePass.add(
                    statistics,
                    files,
                    dev.veracity.io.table.TableOptions.of(reading.readOptions(inputs))
                            .withCsv(csv));
        }
        StatisticsFiles.write(statistics, output);
        DatasetFeatureStatistics dataset = statistics.getDatasets(0);
        if (computed.skippedRecords() > 0) {
            err.printf(
                    "veracity: skipped %,d malformed record(s) in %s%n",
                    computed.skippedRecords(),
                    !local
                            ? String.join(" ", inputs)
                            : database ? "the query" : files.size() == 1 ? files.get(0) : files.size() + " files");
        }
        computed.rowsNotSliced().forEach((slicing, rows) -> {
            if (rows > 0) {
                err.printf(
                        "veracity: slicing by %s kept the first %d slices; %,d rows of further slices were not "
                                + "sliced (raise --max-slices)%n",
                        slicing, maxSlices, rows);
            }
        });
        int slices = statistics.getDatasetsCount() - 1;
        err.printf(
                "veracity: %,d examples, %d features%s -> %s (%.1f s)%n",
                dataset.getNumExamples(),
                dataset.getFeaturesCount(),
                slices > 0 ? ", " + slices + " slices" : "",
                output,
                (System.nanoTime() - start) / 1e9);
        err.flush();
        return ExitCodes.OK;
    }
}
