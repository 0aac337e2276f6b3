package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixes of "the contract everywhere" in the commands of the statistics and schema family. */
class ContractFixesTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static void assertOneErrorLine(CommandRun run, String... fragments) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .startsWith("veracity: error: ")
                .contains(fragments);
    }

    private Path statistics(String csv) throws IOException {
        Path data = write("data.csv", csv);
        Path stats = dir.resolve("stats.pb");
        assertThat(CommandRun.of("stats", data.toString(), "-o", stats.toString())
                        .exitCode())
                .isZero();
        return stats;
    }

    /** {@return the schema inferred from {@code stats}, in schema.pbtxt} */
    private Path schemaOf(Path stats) {
        Path schema = dir.resolve("schema.pbtxt");
        assertThat(CommandRun.of("infer-schema", stats.toString(), "-o", schema.toString())
                        .exitCode())
                .isZero();
        return schema;
    }

    @Nested
    class OutputEqualToInput {
        @Test
        void statsRefusesToOverwriteItsInput() throws IOException {
            Path data = write("d.json", "{\"a\":1}\n");
            CommandRun run = CommandRun.of("stats", data.toString(), "-o", data.toString());
            assertOneErrorLine(run, "d.json: expected an output file other than the input");
            assertThat(Files.readString(data)).isEqualTo("{\"a\":1}\n");
        }

        @Test
        void convertRefusesToOverwriteItsInputThroughALink() throws IOException {
            Path data = write("e.csv", "a\n1\n");
            Path link = Files.createSymbolicLink(dir.resolve("link.csv"), data.getFileName());
            CommandRun run = CommandRun.of("convert", data.toString(), "-o", link.toString());
            assertOneErrorLine(run, "expected an output file other than the input");
            assertThat(Files.readString(data)).isEqualTo("a\n1\n");
        }

        @Test
        void validateRefusesToWriteAnomaliesOverTheSchema() throws IOException {
            Path stats = statistics("a\n1\n");
            Path schema = schemaOf(stats);
            String before = Files.readString(schema);
            CommandRun run = CommandRun.of(
                    "validate", "--stats", stats.toString(), "--schema", schema.toString(), "-o", schema.toString());
            assertOneErrorLine(run, "schema.pbtxt: expected an output file other than the input");
            assertThat(Files.readString(schema)).isEqualTo(before);
        }

        @Test
        void updateSchemaMayRewriteTheSchemaInPlaceButNotTheStatistics() throws IOException {
            Path stats = statistics("a\n1\n");
            Path schema = schemaOf(stats);
            assertThat(CommandRun.of(
                                    "update-schema",
                                    "--schema",
                                    schema.toString(),
                                    "--stats",
                                    stats.toString(),
                                    "-o",
                                    schema.toString())
                            .exitCode())
                    .isZero();
            assertOneErrorLine(
                    CommandRun.of(
                            "update-schema",
                            "--schema",
                            schema.toString(),
                            "--stats",
                            stats.toString(),
                            "-o",
                            stats.toString()),
                    "expected an output file other than the input");
        }

        @Test
        void reportRefusesToOverwriteItsStatistics() throws IOException {
            Path stats = statistics("a\n1\n");
            byte[] before = Files.readAllBytes(stats);
            assertOneErrorLine(
                    CommandRun.of("report", stats.toString(), "-o", stats.toString()),
                    "expected an output file other than the input");
            assertThat(Files.readAllBytes(stats)).isEqualTo(before);
        }
    }

    @Nested
    class BadInputIsExitTwo {
        @Test
        void aQuoteOrLineBreakDelimiterIsAUsageError() throws IOException {
            Path data = write("d.csv", "a\n1\n");
            for (String delimiter : new String[] {"\"", "\n", "\r"}) {
                CommandRun run = CommandRun.of(
                        "stats", data.toString(), "-o", dir.resolve("o.pb").toString(), "--delimiter", delimiter);
                assertOneErrorLine(run, "--delimiter: expected a character other than the quote and line breaks");
            }
        }

        @Test
        void reportOfAnEmptyOrDatasetLessStatisticsFile() throws IOException {
            Path empty = Files.createFile(dir.resolve("empty.pb"));
            assertOneErrorLine(
                    CommandRun.of(
                            "report",
                            empty.toString(),
                            "-o",
                            dir.resolve("r.html").toString()),
                    "empty.pb: expected statistics of at least one dataset, found an empty file");
            Path none = write("none.pbtxt", "");
            Files.writeString(none, "# no datasets\n");
            assertOneErrorLine(
                    CommandRun.of(
                            "report",
                            none.toString(),
                            "-o",
                            dir.resolve("r.html").toString()),
                    "none.pbtxt: expected statistics of at least one dataset, found none");
            assertThat(dir.resolve("r.html")).doesNotExist();
        }

        /** Statistics of several datasets, none "All Examples" nor the validated one's name: the file is named. */
        @Test
        void validateNamesTheComparedFileWithoutItsDataset() throws IOException {
            Path current = statistics("a,b\n1,x\n2,y\n");
            Path schema = schemaOf(current);
            Path slices = write(
                    "slices.pbtxt",
                    "datasets { name: \"region_north\" num_examples: 1 }\n"
                            + "datasets { name: \"region_south\" num_examples: 1 }\n");
            for (String option : new String[] {"--previous", "--serving", "--previous-version"}) {
                assertOneErrorLine(
                        CommandRun.of(
                                "validate",
                                "--schema",
                                schema.toString(),
                                "--stats",
                                current.toString(),
                                option,
                                slices.toString(),
                                "-o",
                                dir.resolve("anomalies.json").toString()),
                        "slices.pbtxt: expected the dataset to use",
                        "\"region_north\", \"region_south\"");
            }
            assertOneErrorLine(
                    CommandRun.of(
                            "validate",
                            "--schema",
                            schema.toString(),
                            "--stats",
                            slices.toString(),
                            "-o",
                            dir.resolve("anomalies.json").toString()),
                    "slices.pbtxt: expected the dataset to use");
            assertThat(dir.resolve("anomalies.json")).doesNotExist();
        }

        @Test
        void anEmptySchemaIsRefusedUnlessAllowed() throws IOException {
            Path schema = Files.createFile(dir.resolve("schema.pbtxt"));
            assertOneErrorLine(
                    CommandRun.of("schema", "set-domain", "--schema", schema.toString(), "b", "x"),
                    "schema.pbtxt: expected a TFDV schema with at least one feature, found an empty schema");
            Path stats = statistics("a\n1\n");
            assertOneErrorLine(
                    CommandRun.of("validate", "--stats", stats.toString(), "--schema", schema.toString()),
                    "at least one feature");
            CommandRun allowed = CommandRun.of(
                    "schema",
                    "environment",
                    "--schema",
                    schema.toString(),
                    "--default",
                    "TRAINING",
                    "--allow-empty-schema");
            assertThat(allowed.exitCode()).as(allowed.err()).isZero();
            assertThat(Files.readString(schema)).contains("default_environment: \"TRAINING\"");
        }
    }

    @Test
    void inPlaceSchemaEditsWriteThroughASymlink() throws IOException {
        Path stats = statistics("b\nx\ny\n");
        Files.createDirectory(dir.resolve("versions"));
        Path real = dir.resolve("versions/schema-v1.pbtxt");
        assertThat(CommandRun.of("infer-schema", stats.toString(), "-o", real.toString())
                        .exitCode())
                .isZero();
        Path link = Files.createSymbolicLink(dir.resolve("schema.pbtxt"), Path.of("versions/schema-v1.pbtxt"));
        CommandRun run = CommandRun.of("schema", "extend-domain", "--schema", link.toString(), "b", "z");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("value: \"z\"");
    }

    @Test
    void validatePrintsNoTerminalEscapeFromTheData() throws IOException {
        Path stats = statistics("\u001b]0;pwned\u0007name,b\n1,x\n");
        Path schema = schemaOf(stats);
        Path other = write("other.csv", "b\nx\n");
        Path otherStats = dir.resolve("other.pb");
        assertThat(CommandRun.of("stats", other.toString(), "-o", otherStats.toString())
                        .exitCode())
                .isZero();
        CommandRun run = CommandRun.of("validate", "--stats", otherStats.toString(), "--schema", schema.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains("\\x1b]0;pwned\\x07name")
                .doesNotContain("\u001b")
                .doesNotContain("\u0007");
    }
}
