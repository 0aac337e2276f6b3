package dev.veracity.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.StatisticsFiles;
import dev.veracity.proto.DatasetFeatureStatistics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateExamplesCommandTest {
    @TempDir
    Path dir;

    Path schema;
    Path data;

    @BeforeEach
    void files() throws IOException {
        schema = dir.resolve("schema.pbtxt");
        Files.writeString(schema, """
                feature { name: "clicks" type: INT int_domain { min: 0 } presence { min_fraction: 1 min_count: 1 } }
                feature { name: "company" type: BYTES string_domain { value: "A" value: "B" } }
                feature { name: "email" type: BYTES annotation { tag: "veracity:pii" } }
                """, UTF_8);
        data = dir.resolve("data.csv");
        Files.writeString(data, "clicks,company,email\n1,A,a@x.org\n-2,A,b@x.org\n3,Z,c@x.org\n,B,d@x.org\n4,B,e@x\n");
    }

    @Test
    void anomalousRowsExitOneWithTheirReasonsEverywhere() throws IOException {
        Path result = dir.resolve("result.pbtxt");
        Path bad = dir.resolve("bad.jsonl");
        Path quarantine = dir.resolve("q");
        CommandRun run = CommandRun.of(
                "validate-examples",
                "--schema",
                schema.toString(),
                data.toString(),
                "-o",
                result.toString(),
                "--examples-out",
                bad.toString(),
                "--quarantine",
                quarantine.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains("clicks   INT_TYPE_SMALL_INT")
                .contains("company  ENUM_TYPE_UNEXPECTED_STRING_VALUES")
                .contains("clicks   FEATURE_TYPE_NOT_PRESENT")
                .contains("3 of 5 rows anomalous");
        assertThat(StatisticsFiles.read(result).getDatasetsList())
                .extracting(DatasetFeatureStatistics::getName)
                .containsExactly(
                        "clicks_FEATURE_TYPE_NOT_PRESENT",
                        "clicks_INT_TYPE_SMALL_INT",
                        "company_ENUM_TYPE_UNEXPECTED_STRING_VALUES");
        String examples = Files.readString(bad, UTF_8);
        assertThat(examples.lines()).hasSize(3);
        assertThat(examples).contains("\"row\":2,\"line\":3").doesNotContain("@x");
        assertThat(Files.readString(result, UTF_8)).doesNotContain("@x");
        assertThat(Files.readString(quarantine.resolve("clean.csv"), UTF_8))
                .isEqualTo("clicks,company,email\n1,A,a@x.org\n4,B,e@x\n");
        assertThat(Files.readString(quarantine.resolve("quarantine.csv"), UTF_8).lines())
                .hasSize(4);
        assertThat(run.err()).contains("quarantine: 2 clean rows").contains("3 anomalous rows");
    }

    @Test
    void rowRulesOfAChecksFileAreReportedPerRow() throws IOException {
        Files.writeString(schema, """
                feature { name: "clicks" type: INT }
                feature { name: "budget" type: INT }
                feature { name: "company" type: BYTES }
                """, UTF_8);
        Files.writeString(data, "clicks,budget,company\n1,5,A1\n7,5,B2\n2,5,zz\n");
        Path checks = dir.resolve("checks.yaml");
        Files.writeString(checks, """
                checks:
                  - {rule: compare, left: clicks, op: "<=", right: budget}
                  - {feature: company, rule: regex, pattern: "[A-Z][0-9]"}
                  - {metric: num_examples, min: 1}
                """, UTF_8);
        Path bad = dir.resolve("bad.jsonl");
        CommandRun run = CommandRun.of(
                "validate-examples",
                "--schema",
                schema.toString(),
                "--checks",
                checks.toString(),
                data.toString(),
                "-o",
                dir.resolve("result.pbtxt").toString(),
                "--examples-out",
                bad.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("1 check on statistics in").contains("skipped");
        assertThat(run.out()).contains("2 of 3 rows anomalous");
        String examples = Files.readString(bad, UTF_8);
        assertThat(examples.lines()).hasSize(2);
        assertThat(examples.lines().toList().get(0))
                .contains("\"row\":2")
                .contains("CUSTOM_VALIDATION")
                .contains("clicks");
        assertThat(examples.lines().toList().get(1))
                .contains("\"row\":3")
                .contains("CUSTOM_VALIDATION")
                .contains("company");
    }

    @Test
    void parquetAndTfRecordInputsAreQuarantinedInTheirFormat() throws IOException {
        for (String extension : new String[] {"parquet", "tfrecord"}) {
            Path input = dir.resolve("data." + extension);
            assertThat(CommandRun.of("convert", data.toString(), "-o", input.toString())
                            .exitCode())
                    .isZero();
            Path quarantine = dir.resolve("q-" + extension);
            CommandRun run = CommandRun.of(
                    "validate-examples",
                    "--schema",
                    schema.toString(),
                    input.toString(),
                    "-o",
                    dir.resolve("result-" + extension + ".pbtxt").toString(),
                    "--quarantine",
                    quarantine.toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).contains("quarantine: 2 clean rows").contains("3 anomalous rows");
            Path cleanCsv = dir.resolve("clean-" + extension + ".csv");
            assertThat(CommandRun.of(
                                    "convert",
                                    quarantine.resolve("clean." + extension).toString(),
                                    "-o",
                                    cleanCsv.toString())
                            .exitCode())
                    .isZero();
            assertThat(Files.readString(cleanCsv, UTF_8).lines().toList())
                    .as(extension)
                    .hasSize(3)
                    .contains("1,A,a@x.org", "4,B,e@x");
        }
    }

    @Test
    void cleanDataExitsZero() throws IOException {
        Files.writeString(data, "clicks,company,email\n1,A,a@x.org\n");
        CommandRun run = CommandRun.of(
                "validate-examples",
                "--schema",
                schema.toString(),
                data.toString(),
                "-o",
                dir.resolve("r.pb").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("0 of 1 rows anomalous");
    }

    @Test
    void maxExamplesLimitsTheRowsWritten() throws IOException {
        Path bad = dir.resolve("bad.jsonl");
        CommandRun run = CommandRun.of(
                "validate-examples",
                "--schema",
                schema.toString(),
                data.toString(),
                "-o",
                dir.resolve("r.json").toString(),
                "--examples-out",
                bad.toString(),
                "--max-examples",
                "1");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(Files.readString(bad, UTF_8).lines()).hasSize(1);
    }

    @Test
    void anEnvironmentTheSchemaLacksIsAUsageError() {
        CommandRun run = CommandRun.of(
                "validate-examples",
                "--schema",
                schema.toString(),
                data.toString(),
                "-o",
                dir.resolve("r.pb").toString(),
                "--environment",
                "SERVING");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void gzipCsvIsRefusedWithOneLine() throws IOException {
        Path gzip = dir.resolve("data.csv.gz");
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write(Files.readAllBytes(data));
        }
        CommandRun run = CommandRun.of(
                "validate-examples",
                "--schema",
                schema.toString(),
                gzip.toString(),
                "-o",
                dir.resolve("r.pb").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("found gzip");
    }
}
