package dev.veracity.cli;

import dev.veracity.io.BadRecords;
import dev.veracity.io.DataFormat;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.table.TableOptions;
import picocli.CommandLine.Option;

/**
 * The options of every command that reads data files as tables (skew, labeling, privacy): the format, the CSV
 * delimiter and what to do with a malformed record. Files themselves stay the command's own parameters.
 *
 * <pre>{@code
 * @Mixin TableInputOptions input;   // then: Table.open(file, input.tableOptions())
 * }</pre>
 */
final class TableInputOptions {
    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "Format of every input: csv, jsonl, parquet, avro or tfrecord (default: detected per file "
                    + "from its first bytes and its extension).")
    String format = "";

    @Option(
            names = "--delimiter",
            paramLabel = "CHAR",
            defaultValue = ",",
            description = "CSV field delimiter, one ASCII character; \\t for tab (default: '${DEFAULT-VALUE}').")
    String delimiter;

    @Option(
            names = "--bad-records",
            paramLabel = "POLICY",
            defaultValue = "fail",
            description = "A malformed record: fail (exit 2 naming file, line and column) or skip (and count it) "
                    + "(default: ${DEFAULT-VALUE}).")
    BadRecords badRecords;

    /**
     * {@return the table options these flags describe}
     *
     * @throws dev.veracity.ConfigException for a bad --delimiter or --format
     */
    TableOptions tableOptions() {
        ReadOptions read =
                ReadOptions.DEFAULT.withCsv(CsvDelimiter.options(delimiter).withBadRecords(badRecords));
        if (!format.isEmpty()) {
            read = read.withFormat(DataFormat.named(format));
        }
        return TableOptions.of(read);
    }
}
