package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.io.DataFormat;
import dev.veracity.io.InputFiles;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.jdbc.JdbcQuery;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by commands that read data files: the format, column projection, an Avro reader schema. */
final class ReadingOptions {
    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "Format of every input: csv, jsonl, parquet, avro or tfrecord (default: detected per file "
                    + "from its first bytes and its extension).")
    String format = "";

    @Option(
            names = "--columns",
            paramLabel = "F[,G...]",
            split = ",",
            description = "Read only these features (Parquet reads only their columns from disk); a struct name "
                    + "selects its fields. Parquet, Avro and TFRecord input.")
    List<String> columns = List.of();

    @Option(
            names = "--avro-schema",
            paramLabel = "FILE",
            description = "Avro reader schema (.avsc JSON): records are resolved to it the Avro way (new fields take "
                    + "their defaults, removed ones are dropped).")
    Path avroSchema;

    @Option(
            names = "--query",
            paramLabel = "SQL",
            description = "With a jdbc: INPUT (jdbc:sqlite:FILE, jdbc:postgresql://HOST/DB), the SELECT whose result "
                    + "to read; streamed with --fetch-size rows per round trip.")
    String query = "";

    @Option(
            names = "--fetch-size",
            paramLabel = "N",
            defaultValue = "10000",
            description = "Rows fetched per database round trip (default: ${DEFAULT-VALUE}).")
    int fetchSize;

    @Option(
            names = "--db-user",
            paramLabel = "USER",
            description = "Database user; the password is read from the environment variable VERACITY_DB_PASSWORD.")
    String dbUser = "";

    /** {@return whether the arguments name a database (a jdbc: URL) rather than files} */
    static boolean isDatabase(List<String> inputs) {
        return inputs.stream().anyMatch(input -> input.startsWith("jdbc:"));
    }

    /**
     * {@return the read options these flags describe, for database {@code inputs} (jdbc: URLs) or files}
     *
     * @throws ConfigException if jdbc: URLs come without --query or mixed with files, or --query without one
     */
    ReadOptions readOptions(List<String> inputs) throws IOException {
        if (!isDatabase(inputs)) {
            if (!query.isEmpty()) {
                throw new ConfigException("--query: expected a jdbc: URL as INPUT, found files");
            }
            return readOptions();
        }
        if (query.isEmpty()) {
            throw new ConfigException("INPUT " + inputs.get(0) + ": expected --query \"SELECT ...\" with a jdbc: URL");
        }
        List<JdbcQuery> queries = new ArrayList<>();
        String password = System.getenv().getOrDefault("VERACITY_DB_PASSWORD", "");
        for (String input : inputs) {
            if (!input.startsWith("jdbc:")) {
                throw new ConfigException("INPUT: expected only jdbc: URLs or only files, found both (" + input + ")");
            }
            queries.add(new JdbcQuery(input, query, dbUser, password, fetchSize));
        }
        return readOptions().withQueries(queries);
    }

    /** {@return the read options these flags describe, for files} */
    ReadOptions readOptions() throws IOException {
        ReadOptions options = ReadOptions.DEFAULT.withColumns(columns);
        if (!format.isEmpty()) {
            options = options.withFormat(DataFormat.named(format));
        }
        if (avroSchema != null) {
            try (InputStream in = InputFiles.open(avroSchema)) {
                options = options.withAvroReaderSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return options;
    }
}
