package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.AnomaliesFiles;
import dev.veracity.io.SchemaFiles;
import dev.veracity.privacy.PiiEntity;
import dev.veracity.privacy.PiiTags;
import dev.veracity.proto.Anomalies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyCommandsTest {
    private static final Path CUSTOMERS = Path.of("..", "examples", "privacy", "customers.csv");
    private static final Path FAIRNESS = Path.of("..", "examples", "fairness");

    @TempDir
    Path dir;

    @Nested
    class Scan {
        @Test
        void printsATableOfVerdicts() {
            CommandRun run = CommandRun.of("pii", "scan", CUSTOMERS.toString());
            assertThat(run.exitCode()).isZero();
            assertThat(run.out())
                    .contains("6 PII feature(s) of 13")
                    .containsPattern("email +yes +EMAIL_ADDRESS")
                    .containsPattern("order_number +no")
                    .doesNotContain("@example");
        }

        @Test
        void withASchemaAloneItIsAGateOnUnmarkedPii() throws IOException {
            StringBuilder text = new StringBuilder("feature { name: \"email\" type: BYTES "
                    + "annotation { tag: \"veracity:pii=EMAIL_ADDRESS\" } }\n");
            for (String other : Files.readAllLines(CUSTOMERS).get(0).split(",")) {
                if (!other.equals("email")) {
                    text.append("feature { name: \"").append(other).append("\" type: BYTES }\n");
                }
            }
            Path schema = Files.writeString(dir.resolve("gate.pbtxt"), text);
            CommandRun run = CommandRun.of("pii", "scan", CUSTOMERS.toString(), "--schema", schema.toString());
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("card_number looks like CREDIT_CARD").doesNotContain("email looks like");
            Path all = dir.resolve("all.pbtxt");
            assertThat(CommandRun.of(
                                    "pii",
                                    "scan",
                                    CUSTOMERS.toString(),
                                    "--schema",
                                    schema.toString(),
                                    "--write-schema",
                                    all.toString())
                            .exitCode())
                    .isZero();
            assertThat(CommandRun.of("pii", "scan", CUSTOMERS.toString(), "--schema", all.toString())
                            .exitCode())
                    .isZero();
        }

        @Test
        void aMissingFileIsExitTwoWithOneLine() {
            CommandRun run =
                    CommandRun.of("pii", "scan", dir.resolve("nope.csv").toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().strip())
                    .startsWith("veracity: error:")
                    .contains("nope.csv: no such file")
                    .doesNotContain("\tat ");
        }

        @Test
        void aRaggedRowNamesFileAndLine() throws IOException {
            Path bad = Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\n3\n");
            CommandRun run = CommandRun.of("pii", "scan", bad.toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("bad.csv:3");
        }
    }

    @Test
    void markSetsAndRemovesTags() throws IOException {
        Path schema = Files.writeString(
                dir.resolve("schema.pbtxt"),
                "feature { name: \"email\" type: BYTES }\n" + "feature { name: \"holder\" type: BYTES }\n");
        assertThat(CommandRun.of("pii", "mark", "--schema", schema.toString(), "email=email_address", "holder")
                        .exitCode())
                .isZero();
        assertThat(PiiTags.features(SchemaFiles.read(schema)))
                .containsEntry("email", Optional.of(PiiEntity.EMAIL_ADDRESS))
                .containsEntry("holder", Optional.empty());
        assertThat(CommandRun.of("pii", "mark", "--schema", schema.toString(), "--unmark", "holder")
                        .exitCode())
                .isZero();
        assertThat(PiiTags.features(SchemaFiles.read(schema))).containsOnlyKeys("email");
        CommandRun bad = CommandRun.of("pii", "mark", "--schema", schema.toString(), "email=SHOE");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("expected one of EMAIL_ADDRESS");
    }

    @Test
    void redactHashesWithASecretFromTheEnvironmentOrAFileNeverTheCommandLine() throws IOException {
        Path out = dir.resolve("out.csv");
        CommandRun noSecret =
                CommandRun.of("pii", "redact", CUSTOMERS.toString(), "-o", out.toString(), "--feature", "email=hash");
        assertThat(noSecret.exitCode()).isEqualTo(2);
        assertThat(noSecret.err()).contains("expected a secret from a file (--secret-file) or an environment variable");
        assertThat(out).doesNotExist();
        CommandRun unset = CommandRun.of(
                "pii",
                "redact",
                CUSTOMERS.toString(),
                "-o",
                out.toString(),
                "--feature",
                "email=hash",
                "--secret-env",
                "VERACITY_TEST_UNSET_VARIABLE_0");
        assertThat(unset.exitCode()).isEqualTo(2);
        assertThat(unset.err()).contains("VERACITY_TEST_UNSET_VARIABLE_0: expected the secret, found it unset");
        Path key = Files.writeString(dir.resolve("key"), "0123456789abcdef0123\n");
        CommandRun run = CommandRun.of(
                "pii",
                "redact",
                CUSTOMERS.toString(),
                "-o",
                out.toString(),
                "--secret-file",
                key.toString(),
                "--feature",
                "email=hash",
                "--feature",
                "zip=prefix:3",
                "--feature",
                "sex=drop",
                "--entity",
                "EMAIL_ADDRESS=tag");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String header = Files.readAllLines(out).get(0);
        assertThat(header).doesNotContain("sex").contains("email");
        String written = Files.readString(out);
        assertThat(written.contains("@example")).isFalse();
        assertThat(written).containsPattern(",021\\*\\*,").contains("customer asked to email <EMAIL_ADDRESS>");
    }

    @Test
    void kanonExitsOneWhenKFailsAndWritesAGeneralizedCopy() throws IOException {
        CommandRun check =
                CommandRun.of("pii", "kanon", CUSTOMERS.toString(), "--quasi", "zip,birth_date,sex", "--k", "5");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("5-anonymity does not hold").contains("rows below k: 1, 2,");
        Path out = dir.resolve("k5.csv");
        CommandRun generalize = CommandRun.of(
                "pii",
                "kanon",
                CUSTOMERS.toString(),
                "--quasi",
                "zip,birth_date,sex",
                "--k",
                "5",
                "-o",
                out.toString());
        assertThat(generalize.exitCode()).as(generalize.err()).isZero();
        assertThat(generalize.out()).contains("Generalized: 5-anonymity holds");
        CommandRun again = CommandRun.of("pii", "kanon", out.toString(), "--quasi", "zip,birth_date,sex", "--k", "5");
        assertThat(again.exitCode()).as(again.out()).isZero();
    }

    @Test
    void fairnessOnTheBundledExamples() throws IOException {
        Path anomalies = dir.resolve("fairness.pbtxt");
        CommandRun unbalanced = CommandRun.of(
                "fairness",
                FAIRNESS.resolve("unbalanced.csv").toString(),
                "--group-by",
                "sex",
                "--label",
                "approved",
                "--reference",
                "F=0.5,M=0.5",
                "--anomalies",
                anomalies.toString(),
                "-o",
                dir.resolve("fairness.json").toString());
        assertThat(unbalanced.exitCode()).isEqualTo(1);
        assertThat(unbalanced.out())
                .contains("3 anomalies", "Under-represented group", "Label rate gap", "Missing values gap");
        Anomalies written = AnomaliesFiles.read(anomalies);
        assertThat(written.getAnomalyInfoMap()).containsOnlyKeys("sex", "approved", "income");
        assertThat(Files.readString(dir.resolve("fairness.json"))).contains("\"dpl\" : 0.3");
        CommandRun balanced = CommandRun.of(
                "fairness",
                FAIRNESS.resolve("balanced.csv").toString(),
                "--group-by",
                "sex",
                "--label",
                "approved",
                "--reference",
                "F=0.5,M=0.5");
        assertThat(balanced.exitCode()).isZero();
        assertThat(balanced.out()).contains("No anomalies");
        CommandRun badLabel = CommandRun.of(
                "fairness", FAIRNESS.resolve("balanced.csv").toString(), "--group-by", "sex", "--label", "aproved");
        assertThat(badLabel.exitCode()).isEqualTo(2);
        assertThat(badLabel.err()).contains("balanced.csv: expected a column aproved (--label), found only [");
    }
}
