package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkewCommandTest {
    private static final List<String> COUNTRIES = List.of("fr", "de", "us");

    @TempDir
    Path dir;

    /** Training: ids 1..20, amount in units, a country, a label. */
    private Path training() throws IOException {
        StringBuilder csv = new StringBuilder("id,amount,country,label\n");
        for (int id = 1; id <= 20; id++) {
            csv.append(String.format(Locale.ROOT, "%d,%s,%s,%d%n", id, id * 1.5, COUNTRIES.get(id % 3), id % 2));
        }
        return write("train.csv", csv.toString());
    }

    /**
     * Serving: amount in thousandths (a unit change), id 7's country changed, ids 19 and 20 absent, id 21 new, id 5
     * twice, one row without an id.
     */
    private Path serving() throws IOException {
        StringBuilder csv = new StringBuilder("id,amount,country,label\n");
        for (int id = 1; id <= 18; id++) {
            String country = id == 7 ? "fr" : COUNTRIES.get(id % 3);
            csv.append(String.format(Locale.ROOT, "%d,%s,%s,%d%n", id, id * 1.5 * 1000, country, 1 - id % 2));
        }
        csv.append("21,3.0,fr,0\n5,7500.0,us,1\n,1.0,fr,0\n");
        return write("serving.csv", csv.toString());
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Nested
    class ReportsSkew {
        @Test
        void aUnitChangeIsEveryPairMismatchedAndExitsOne() throws IOException {
            Path report = dir.resolve("skew.json");
            CommandRun run = CommandRun.of(
                    "skew",
                    "--training",
                    training().toString(),
                    "--serving",
                    serving().toString(),
                    "--key",
                    "id",
                    "--ignore",
                    "label",
                    "--samples",
                    "2",
                    "-o",
                    report.toString(),
                    "--tmp",
                    dir.toString());

            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.out())
                    .contains("Join: 17 matching pairs of 21 ids (training 20 examples with id, " + "serving 20)");
            assertThat(run.out())
                    .contains("ids only in training 2, only in serving 1; duplicated ids (not compared) "
                            + "1; examples without id: training 0, serving 1");
            List<String> lines = run.out().lines().toList();
            int header = lines.indexOf(lines.stream()
                    .filter(l -> l.startsWith("feature "))
                    .findFirst()
                    .orElseThrow());
            assertThat(lines.get(header + 1).split("\\s+"))
                    .containsExactly("amount", "17", "17", "0", "17", "0", "0", "100.00%");
            assertThat(lines.get(header + 2).split("\\s+"))
                    .containsExactly("country", "17", "17", "16", "1", "0", "0", "5.88%");
            assertThat(run.out()).doesNotContain("label").contains("country: 'de' -> 'fr' 1");
            assertThat(run.err()).contains("17 matching pairs, 2 of 2 features differ -> " + report);

            String json = Files.readString(report).replaceAll("\\s", "");
            assertThat(json)
                    .startsWith("{\"format_version\":1,\"identifier_features\":[\"id\"],"
                            + "\"features_to_ignore\":[\"label\"],\"allow_duplicate_identifiers\":false,");
            assertThat(json)
                    .contains("\"match_stats\":{\"base_with_id_count\":20,\"test_with_id_count\":20,"
                            + "\"identifiers_count\":21,\"ids_missing_in_base_count\":1,\"ids_missing_in_test_count\":2,"
                            + "\"matching_pairs_count\":17,\"duplicate_id_count\":1,\"base_missing_id_count\":0,"
                            + "\"test_missing_id_count\":1}");
            assertThat(json)
                    .contains(
                            "{\"feature_name\":\"amount\",\"base_count\":17,\"test_count\":17,"
                                    + "\"match_count\":0,\"base_only\":0,\"test_only\":0,\"mismatch_count\":17,\"diff_count\":17}");
            assertThat(json)
                    .contains(
                            "{\"feature_name\":\"country\",\"base_count\":17,\"test_count\":17,"
                                    + "\"match_count\":16,\"base_only\":0,\"test_only\":0,\"mismatch_count\":1,\"diff_count\":1}");
            assertThat(json)
                    .contains("\"skew_pairs\":[{\"identifier\":[\"1\"],\"base\":{\"amount\":[1.5],"
                            + "\"country\":[\"de\"]},\"test\":{\"amount\":[1500.0],\"country\":[\"de\"]},"
                            + "\"base_only_features\":[],\"test_only_features\":[],\"matched_features\":[\"country\"],"
                            + "\"mismatched_features\":[\"amount\"]},{\"identifier\":[\"2\"]");
            assertThat(json)
                    .contains("\"confusion_counts\":[{\"feature_name\":\"country\",\"base\":\"de\","
                            + "\"test\":\"fr\",\"count\":1}]");
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("train.csv", "serving.csv", "skew.json");
            }
        }

        @Test
        void identicalInputsExitZero() throws IOException {
            Path train = training();
            CommandRun run =
                    CommandRun.of("skew", "--training", train.toString(), "--serving", train.toString(), "--key", "id");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("20 matching pairs, 0 of 3 features differ");
        }

        @Test
        void ignoringTheSkewedFeaturesExitsZero() throws IOException {
            CommandRun run = CommandRun.of(
                    "skew",
                    "--training",
                    training().toString(),
                    "--serving",
                    serving().toString(),
                    "--key",
                    "id",
                    "--ignore",
                    "label",
                    "--ignore",
                    "amount",
                    "--ignore",
                    "country");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("(no features to compare)");
        }

        @Test
        void roundingMakesNearlyEqualFloatsMatch() throws IOException {
            Path a = write("a.csv", "id,x\n1,0.1234\n2,2.5\n");
            Path b = write("b.jsonl", "{\"id\": 1, \"x\": 0.12341}\n{\"id\": 2.0, \"x\": 2.5}\n");
            assertThat(CommandRun.of("skew", "--training", a.toString(), "--serving", b.toString(), "--key", "id")
                            .exitCode())
                    .isEqualTo(1);
            CommandRun rounded = CommandRun.of(
                    "skew",
                    "--training",
                    a.toString(),
                    "--serving",
                    b.toString(),
                    "--key",
                    "id",
                    "--float-round-digits",
                    "3");
            assertThat(rounded.exitCode()).as(rounded.err()).isZero();
            assertThat(rounded.out()).contains("Join: 2 matching pairs");
        }
    }

    @Nested
    class RejectsBadInput {
        @Test
        void aKeyMissingFromServingIsNamed() throws IOException {
            Path train = training();
            Path noId = write("noid.csv", "amount,country\n1.5,fr\n");
            CommandRun run =
                    CommandRun.of("skew", "--training", train.toString(), "--serving", noId.toString(), "--key", "id");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err())
                    .startsWith("veracity: error: " + noId + ": expected identifier feature 'id' "
                            + "(--key), found only [amount, country]")
                    .doesNotContain("\tat ");
        }

        @Test
        void aMissingFileAndBadOptionsExitTwo() throws IOException {
            Path train = training();
            assertThat(CommandRun.of(
                                    "skew",
                                    "--training",
                                    train.toString(),
                                    "--serving",
                                    dir.resolve("absent.csv").toString(),
                                    "--key",
                                    "id")
                            .exitCode())
                    .isEqualTo(2);
            assertThat(CommandRun.of(
                                    "skew",
                                    "--training",
                                    train.toString(),
                                    "--serving",
                                    train.toString(),
                                    "--key",
                                    "id",
                                    "--ignore",
                                    "id")
                            .err())
                    .contains("identifier feature 'id' cannot also be ignored");
            assertThat(CommandRun.of(
                                    "skew",
                                    "--training",
                                    train.toString(),
                                    "--serving",
                                    train.toString(),
                                    "--key",
                                    "id",
                                    "--float-round-digits",
                                    "-2")
                            .exitCode())
                    .isEqualTo(2);
            assertThat(CommandRun.of("skew", "--training", train.toString(), "--serving", train.toString())
                            .exitCode())
                    .isEqualTo(2);
        }
    }
}
