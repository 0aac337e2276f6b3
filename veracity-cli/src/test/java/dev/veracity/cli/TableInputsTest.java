package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Skew, labeling and privacy commands read every format through the one table API: Parquet and TFRecord here. */
class TableInputsTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** Training ids 1..10 with a float and a string; serving changes id 3's country and doubles every amount. */
    private Path[] skewInputs() throws IOException {
        StringBuilder training = new StringBuilder("id,amount,country\n");
        StringBuilder serving = new StringBuilder("id,amount,country\n");
        for (int id = 1; id <= 10; id++) {
            training.append(String.format(Locale.ROOT, "%d,%s,%s%n", id, id * 1.5, id % 2 == 0 ? "fr" : "de"));
            serving.append(
                    String.format(Locale.ROOT, "%d,%s,%s%n", id, id * 3.0, id == 3 ? "us" : id % 2 == 0 ? "fr" : "de"));
        }
        return new Path[] {write("train.csv", training.toString()), write("serving.csv", serving.toString())};
    }

    private static CommandRun skew(Path training, Path serving, String... more) {
        String[] args = {"skew", "--training", training.toString(), "--serving", serving.toString(), "--key", "id"};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return CommandRun.of(all);
    }

    @Nested
    class Skew {
        @Test
        void parquetInputsGiveTheReportOfTheirCsvSources() throws IOException {
            Path[] csv = skewInputs();
            CommandRun fromCsv = skew(csv[0], csv[1]);
            Path training = ParquetFixture.copy(csv[0], dir.resolve("train.parquet"), false);
            Path serving = ParquetFixture.copy(csv[1], dir.resolve("serving.parquet"), false);
            CommandRun fromParquet = skew(training, serving);
            assertThat(fromParquet.exitCode()).as(fromParquet.err()).isEqualTo(1);
            assertThat(fromParquet.out()).contains("10 matching pairs").isEqualTo(fromCsv.out());
            CommandRun mixed = skew(training, csv[1]);
            assertThat(mixed.out()).isEqualTo(fromCsv.out());
        }

        @Test
        void aTfRecordFileIsReadAsTfRecordNotAsCsv() throws IOException {
            Path[] csv = skewInputs();
            Path tfrecord = dir.resolve("serving.tfrecord");
            assertThat(CommandRun.of("convert", csv[1].toString(), "-o", tfrecord.toString())
                            .exitCode())
                    .isZero();
            CommandRun run = skew(csv[0], tfrecord);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.out()).contains("10 matching pairs");
        }
    }

    @Nested
    class Labeling {
        @Test
        void consensusOfParquetRatingsEqualsThatOfTheirCsv() throws IOException {
            Path csv = EXAMPLES.resolve("labeling").resolve("annotations.csv");
            Path parquet = ParquetFixture.copy(csv, dir.resolve("annotations.parquet"), false);
            Path fromCsv = dir.resolve("csv-labels.csv");
            Path fromParquet = dir.resolve("parquet-labels.csv");
            CommandRun csvRun = CommandRun.of("label", "consensus", csv.toString(), "-o", fromCsv.toString());
            CommandRun parquetRun =
                    CommandRun.of("label", "consensus", parquet.toString(), "-o", fromParquet.toString());
            assertThat(parquetRun.exitCode()).as(parquetRun.err()).isEqualTo(csvRun.exitCode());
            assertThat(parquetRun.out()).contains("300 items, 900 ratings").isEqualTo(csvRun.out());
            assertThat(Files.readString(fromParquet)).isEqualTo(Files.readString(fromCsv));
        }

        @Test
        void joinReadsParquetOutcomes() throws IOException {
            Path csv = EXAMPLES.resolve("labeling").resolve("outcomes.csv");
            Path parquet = ParquetFixture.copy(csv, dir.resolve("outcomes.parquet"), false);
            Path fromCsv = dir.resolve("csv.csv");
            Path fromParquet = dir.resolve("parquet.csv");
            String[] join = {
                "label",
                "join",
                "--predictions",
                EXAMPLES.resolve("labeling").resolve("predictions.jsonl").toString(),
                "--key",
                "prediction_id",
                "--prediction-time",
                "ts",
                "--outcome-time",
                "converted_at",
                "--arrival-time",
                "logged_at",
                "--window",
                "24h",
                "--as-of",
                "2024-06-01T00:00:00Z",
                "--outcomes"
            };
            CommandRun csvRun = CommandRun.of(concat(join, csv.toString(), "-o", fromCsv.toString()));
            CommandRun parquetRun = CommandRun.of(concat(join, parquet.toString(), "-o", fromParquet.toString()));
            assertThat(parquetRun.exitCode()).as(parquetRun.err()).isZero();
            assertThat(parquetRun.out()).contains("match rate").isEqualTo(csvRun.out());
            assertThat(Files.readString(fromParquet)).isEqualTo(Files.readString(fromCsv));
        }
    }

    @Nested
    class Privacy {
        @Test
        void piiScanOfParquetFindsWhatItFindsInCsv() throws IOException {
            Path csv = EXAMPLES.resolve("privacy").resolve("customers.csv");
            Path parquet = ParquetFixture.copy(csv, dir.resolve("customers.parquet"), true);
            CommandRun run = CommandRun.of("pii", "scan", parquet.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().replace(parquet.toString(), csv.toString()))
                    .contains("6 PII feature(s) of 13")
                    .containsPattern("email +yes +EMAIL_ADDRESS")
                    .isEqualTo(CommandRun.of("pii", "scan", csv.toString()).out());
        }

        @Test
        void fairnessOfParquetEqualsThatOfItsCsv() throws IOException {
            Path csv = EXAMPLES.resolve("fairness").resolve("unbalanced.csv");
            Path parquet = ParquetFixture.copy(csv, dir.resolve("unbalanced.parquet"), false);
            String[] options = {"--group-by", "sex", "--label", "approved", "--json"};
            CommandRun csvRun = CommandRun.of(concat(new String[] {"fairness", csv.toString()}, options));
            CommandRun parquetRun = CommandRun.of(concat(new String[] {"fairness", parquet.toString()}, options));
            assertThat(parquetRun.exitCode()).as(parquetRun.err()).isEqualTo(1);
            assertThat(parquetRun.out().replace(parquet.toString(), csv.toString()))
                    .contains("\"dpl\"")
                    .isEqualTo(csvRun.out());
        }
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
