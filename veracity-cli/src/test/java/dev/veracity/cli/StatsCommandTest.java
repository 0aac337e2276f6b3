package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.StatisticsFiles;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsCommandTest {
    @TempDir
    Path dir;

    private Path csv(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static FeatureNameStatistics feature(DatasetFeatureStatistics dataset, String name) {
        return dataset.getFeaturesList().stream()
                .filter(f -> f.getPath().getStep(0).equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Nested
    class WritesStatistics {
        @Test
        void inEveryFormatByExtension() throws IOException {
            Path input = csv(
                    "runs.csv",
                    "route,distance,hr\n\"Parc de la Tête d'Or\",5.5,140\nRiverside,10,\n"
                            + "\"Lakeshore, North\",0,150\n");
            for (String extension : new String[] {".pb", ".pbtxt", ".json"}) {
                Path output = dir.resolve("stats" + extension);
                CommandRun run = CommandRun.of("stats", input.toString(), "-o", output.toString());
                assertThat(run.exitCode()).as(run.err()).isZero();
                assertThat(run.out()).isEmpty();
                assertThat(run.err()).contains("3 examples, 3 features");
                DatasetFeatureStatistics dataset = StatisticsFiles.read(output).getDatasets(0);
                assertThat(dataset.getNumExamples()).isEqualTo(3);
                assertThat(feature(dataset, "route")
                                .getStringStats()
                                .getTopValues(0)
                                .getValue())
                        .isEqualTo("Riverside");
                assertThat(feature(dataset, "distance").getType()).isEqualTo(FeatureNameStatistics.Type.FLOAT);
                assertThat(feature(dataset, "distance").getNumStats().getNumZeros())
                        .isEqualTo(1);
                assertThat(feature(dataset, "hr").getType()).isEqualTo(FeatureNameStatistics.Type.INT);
                assertThat(feature(dataset, "hr").getNumStats().getCommonStats().getNumMissing())
                        .isEqualTo(1);
            }
        }

        @Test
        void honoursTopKAndName() throws IOException {
            Path input = csv("c.csv", "c\na\nb\nb\nc\nc\nc\n");
            Path output = dir.resolve("c.pbtxt");
            CommandRun run = CommandRun.of(
                    "stats", input.toString(), "-o", output.toString(), "--top-k", "2", "--name", "train");
            assertThat(run.exitCode()).as(run.err()).isZero();
            DatasetFeatureStatistics dataset = StatisticsFiles.read(output).getDatasets(0);
            assertThat(dataset.getName()).isEqualTo("train");
            assertThat(feature(dataset, "c").getStringStats().getTopValuesList())
                    .extracting(v -> v.getValue() + "=" + (long) v.getFrequency())
                    .containsExactly("c=3", "b=2");
        }

        @Test
        void describesSeveralFilesAGlobAndGzipAsOneDataset() throws IOException {
            csv("a-1.csv", "x,y\n1,p\n2,q\n");
            csv("a-2.csv", "x,y\n3,p\n");
            Path plain = csv("b.csv", "x,y\n4.5,r\n");
            Path gz = dir.resolve("b.csv.gz");
            try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
                out.write(Files.readAllBytes(plain));
            }
            Path output = dir.resolve("all.pb");
            CommandRun run = CommandRun.of(
                    "stats",
                    dir.resolve("a-*.csv").toString(),
                    gz.toString(),
                    "-o",
                    output.toString(),
                    "--threads",
                    "3");
            assertThat(run.exitCode()).as(run.err()).isZero();
            DatasetFeatureStatistics dataset = StatisticsFiles.read(output).getDatasets(0);
            assertThat(dataset.getNumExamples()).isEqualTo(4);
            assertThat(feature(dataset, "x").getType()).isEqualTo(FeatureNameStatistics.Type.FLOAT);
            assertThat(feature(dataset, "x").getNumStats().getMax()).isEqualTo(4.5);
            assertThat(feature(dataset, "y").getStringStats().getTopValues(0).getValue())
                    .isEqualTo("p");
        }

        @Test
        void slicesAreExtraDatasetsNamedAsTfdvNamesThem() throws IOException {
            Path input = csv("s.csv", "country,device,x\nDE,ios,1\nFR,web,2\nDE,web,3\n,ios,4\nPL,ios,5\n");
            Path output = dir.resolve("s.pb");
            CommandRun run = CommandRun.of(
                    "stats",
                    input.toString(),
                    "-o",
                    output.toString(),
                    "--slice-by",
                    "country",
                    "--slice-by",
                    "country,device",
                    "--max-slices",
                    "2");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err())
                    .contains("slicing by country kept the first 2 slices; 1 rows of further slices")
                    .contains("slicing by country,device kept the first 2 slices; 2 rows");
            assertThat(StatisticsFiles.read(output).getDatasetsList())
                    .extracting(d -> d.getName() + "=" + d.getNumExamples())
                    .containsExactly(
                            "All Examples=5",
                            "country_DE=2",
                            "country_FR=1",
                            "country_DE_device_ios=1",
                            "country_FR_device_web=1");
        }

        @Test
        void describesJsonLinesWithListsNestedObjectsAndSlices() throws IOException {
            Path input = csv(
                    "e.jsonl",
                    "{\"user\":{\"country\":\"DE\"},\"tags\":[\"a\",\"b\"],\"n\":1}\n"
                            + "{\"user\":{\"country\":\"FR\"},\"tags\":[],\"n\":2.5}\n"
                            + "{\"tags\":null,\"n\":null}\n");
            Path output = dir.resolve("e.pb");
            CommandRun run =
                    CommandRun.of("stats", input.toString(), "-o", output.toString(), "--slice-by", "user.country");
            assertThat(run.exitCode()).as(run.err()).isZero();
            DatasetFeatureStatisticsList stats = StatisticsFiles.read(output);
            assertThat(stats.getDatasetsList())
                    .extracting(d -> d.getName() + "=" + d.getNumExamples())
                    .containsExactly("All Examples=3", "user.country_DE=1", "user.country_FR=1");
            DatasetFeatureStatistics all = stats.getDatasets(0);
            assertThat(feature(all, "user.country")
                            .getStringStats()
                            .getCommonStats()
                            .getNumMissing())
                    .isEqualTo(1);
            var tags = feature(all, "tags").getStringStats().getCommonStats();
            assertThat(tags.getNumNonMissing())
                    .as("[] is present, null is missing")
                    .isEqualTo(2);
            assertThat(tags.getMaxNumValues()).isEqualTo(2);
            assertThat(tags.getMinNumValues()).isZero();
            assertThat(feature(all, "n").getType()).isEqualTo(FeatureNameStatistics.Type.FLOAT);
        }

        @Test
        void describesSeveralJsonLinesFilesAsOneDatasetOnAnyThreads() throws IOException {
            Path a = csv("a.jsonl", "{\"x\":1,\"s\":\"p\"}\n{\"x\":2}\n");
            Path b = csv("b.jsonl", "{\"x\":2.5,\"y\":true}\n");
            Path one = dir.resolve("one.pb");
            Path two = dir.resolve("two.pb");
            CommandRun run = CommandRun.of("stats", a.toString(), b.toString(), "-o", one.toString(), "--threads", "1");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("3 examples, 3 features");
            run = CommandRun.of("stats", a.toString(), b.toString(), "-o", two.toString(), "--threads", "2");
            assertThat(run.exitCode()).as(run.err()).isZero();
            DatasetFeatureStatistics dataset = StatisticsFiles.read(one).getDatasets(0);
            assertThat(dataset.getFeaturesList())
                    .extracting(f -> f.getPath().getStep(0) + ":" + f.getType())
                    .containsExactly("x:FLOAT", "s:STRING", "y:INT");
            assertThat(StatisticsFiles.read(two)).isEqualTo(StatisticsFiles.read(one));
        }

        @Test
        void namesBothFilesOfATypeConflictAcrossJsonLinesFiles() throws IOException {
            Path a = csv("a.jsonl", "{\"x\":1}\n");
            Path b = csv("b.jsonl", "{\"x\":\"s\"}\n");
            CommandRun run = CommandRun.of(
                    "stats",
                    a.toString(),
                    b.toString(),
                    "-o",
                    dir.resolve("o.pb").toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err())
                    .contains(b + ":1:6: expected a number for \"x\" (INT, first seen in " + a
                            + " on line 1), found a string");
        }

        @Test
        void refusesToMixCsvAndJsonLines() throws IOException {
            Path a = csv("a.jsonl", "{\"x\":1}\n");
            Path b = csv("b.csv", "x\n1\n");
            CommandRun run = CommandRun.of(
                    "stats",
                    a.toString(),
                    b.toString(),
                    "-o",
                    dir.resolve("o.pb").toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err())
                    .contains("expected files of one format, found both JSON Lines (" + a + ") and CSV (" + b + ")");
        }

        @Test
        void aWeightFeatureAddsWeightedStatistics() throws IOException {
            Path input = csv("w.csv", "w,x,c\n1,10,a\n3,20,b\n0.5,,b\n");
            Path output = dir.resolve("w.pb");
            CommandRun run = CommandRun.of("stats", input.toString(), "-o", output.toString(), "--weight", "w");
            assertThat(run.exitCode()).as(run.err()).isZero();
            DatasetFeatureStatistics dataset = StatisticsFiles.read(output).getDatasets(0);
            assertThat(dataset.getWeightedNumExamples()).isEqualTo(4.5);
            var x = feature(dataset, "x").getNumStats();
            assertThat(x.getWeightedNumericStats().getMean()).isEqualTo((10 * 1 + 20 * 3) / 4.0);
            assertThat(x.getCommonStats().getWeightedCommonStats().getNumMissing())
                    .isEqualTo(0.5);
            assertThat(feature(dataset, "c")
                            .getStringStats()
                            .getWeightedStringStats()
                            .getTopValues(0)
                            .getValue())
                    .isEqualTo("b");
        }

        @Test
        void aMissingWeightIsAUserError() throws IOException {
            Path input = csv("w.csv", "w,x\n1,10\n,20\n");
            CommandRun run = CommandRun.of(
                    "stats", input.toString(), "-o", dir.resolve("out.pb").toString(), "--weight", "w");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err())
                    .contains(
                            "weight feature \"w\": expected exactly one value per example, found a " + "missing value");
            assertThat(dir.resolve("out.pb")).doesNotExist();
        }

        @Test
        void readsTabSeparatedValues() throws IOException {
            Path input = csv("t.tsv", "a\tb\n1\tx\n2\ty\n");
            Path output = dir.resolve("t.pb");
            CommandRun run = CommandRun.of("stats", input.toString(), "-o", output.toString(), "--delimiter", "\\t");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(StatisticsFiles.read(output).getDatasets(0).getFeaturesCount())
                    .isEqualTo(2);
        }
    }

    @Nested
    class BadInput {
        private CommandRun stats(Path input, String... extra) {
            String[] args = Stream.concat(
                            Stream.of(
                                    "stats",
                                    input.toString(),
                                    "-o",
                                    dir.resolve("out.pb").toString()),
                            Stream.of(extra))
                    .toArray(String[]::new);
            return CommandRun.of(args);
        }

        private void assertUserError(CommandRun run, String message) {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("veracity: error: ").contains(message);
            assertThat(run.err().lines().count()).as(run.err()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(dir.resolve("out.pb")).doesNotExist();
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        @Test
        void raggedRowNamesFileLineAndColumn() throws IOException {
            Path input = csv("ragged.csv", "a,b,c\n1,2,3\n4,5\n");
            assertUserError(stats(input), "ragged.csv:3:3");
        }

        @Test
        void unterminatedQuoteNamesWhereItOpened() throws IOException {
            Path input = csv("quote.csv", "a,b\n1,x\n2,\"never closed\n3,y\n");
            assertUserError(stats(input), "quote.csv:3:2");
        }

        @Test
        void emptyFile() throws IOException {
            Path input = csv("empty.csv", "");
            assertUserError(stats(input), "empty.csv: expected a header row, found an empty file");
        }

        @Test
        void missingFile() {
            assertUserError(stats(dir.resolve("nope.csv")), "nope.csv: no such file");
        }

        @Test
        void directoryWithoutDataFiles() throws IOException {
            // A directory is read as its part files (issue 7); one with none is a user error.
            Path sub = Files.createDirectory(dir.resolve("sub"));
            Files.writeString(sub.resolve("_SUCCESS"), "");
            assertUserError(stats(sub), "sub: expected data files in this directory, found none");
        }

        @Test
        void unreadableFile() throws IOException {
            Path input = csv("secret.csv", "a\n1\n");
            assertThat(input.toFile().setReadable(false)).isTrue();
            // Root reads any file: .ci/run runs this test again without that privilege (setpriv) and then sets
            // VERACITY_PERMISSIONS_ENFORCED=1, so it cannot skip there.
            org.junit.jupiter.api.Assumptions.assumeFalse(
                    Files.isReadable(input) && System.getenv("VERACITY_PERMISSIONS_ENFORCED") == null,
                    "running as root: file permissions are not enforced; .ci/run runs this test without that privilege");
            assertUserError(stats(input), "secret.csv: expected a readable file, found no read permission");
        }

        @Test
        void unknownOutputExtension() throws IOException {
            Path input = csv("a.csv", "a\n1\n");
            CommandRun run = CommandRun.of(
                    "stats", input.toString(), "-o", dir.resolve("out.txt").toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("out.txt: expected a statistics file name ending in .pb, .pbtxt, .json");
            assertThat(dir.resolve("out.txt")).doesNotExist();
        }

        @Test
        void badOptionIsAUsageError() throws IOException {
            Path input = csv("a.csv", "a\n1\n");
            CommandRun run = stats(input, "--bad-records", "maybe");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().lines())
                    .singleElement()
                    .asString()
                    .startsWith("veracity: error: ")
                    .contains("--bad-records")
                    .endsWith("(see 'veracity stats --help')");
        }

        @Test
        void aGlobThatMatchesNothingIsAnInputError() {
            CommandRun run = CommandRun.of(
                    "stats",
                    dir.resolve("none-*.csv").toString(),
                    "-o",
                    dir.resolve("out.pb").toString());
            assertUserError(run, "none-*.csv: expected files matching this pattern, found none");
        }

        @Test
        void zeroThreadsIsAUsageError() throws IOException {
            Path input = csv("a.csv", "a\n1\n");
            assertUserError(stats(input, "--threads", "0"), "threads: expected at least 1, found 0");
        }

        @Test
        void verboseAddsTheStackTrace() throws IOException {
            Path input = csv("ragged.csv", "a,b\n1\n");
            CommandRun run = stats(input, "--verbose");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("ragged.csv:2").contains("\tat dev.veracity.");
        }

        @Test
        void skipCountsMalformedRowsAndSucceeds() throws IOException {
            Path input = csv("ragged.csv", "a,b\n1,2\n3\n4,5,6\n7,8\n");
            Path output = dir.resolve("out.pb");
            CommandRun run = stats(input, "--bad-records", "skip");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("skipped 2 malformed record(s)");
            DatasetFeatureStatisticsList stats = StatisticsFiles.read(output);
            assertThat(stats.getDatasets(0).getNumExamples()).isEqualTo(2);
        }

        @Test
        void aValueNotOfTheSchemaTypeNamesFileLineAndColumn() throws IOException {
            Path input = csv("train.csv", "id,fare\n1,2.5\n2,\"x\ny\"\n3,4\n");
            Path schema = csv(
                    "schema.pbtxt",
                    "feature { name: \"id\" type: INT }\n" + "feature { name: \"fare\" type: FLOAT }\n");
            assertUserError(
                    stats(input, "--schema", schema.toString()),
                    "train.csv:3:2 (fare): expected FLOAT as the schema says, found \"x\\ny\"");
        }

        @Test
        void skipsRecordsNotOfTheSchemaTypeAndCountsThem() throws IOException {
            Path input = csv("train.csv", "id,code\n1,7\n2,abc\n3,7\n4,10\n");
            Path schema =
                    csv("schema.pbtxt", "feature { name: \"code\" type: INT int_domain { is_categorical: true } }\n");
            CommandRun run = stats(input, "--schema", schema.toString(), "--bad-records", "skip");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("skipped 1 malformed record(s)");
            DatasetFeatureStatistics dataset =
                    StatisticsFiles.read(dir.resolve("out.pb")).getDatasets(0);
            assertThat(dataset.getNumExamples()).isEqualTo(3);
            FeatureNameStatistics code = feature(dataset, "code");
            assertThat(code.getType()).isEqualTo(FeatureNameStatistics.Type.INT);
            assertThat(code.getStringStats().getTopValues(0).getValue()).isEqualTo("7");
        }

        @Test
        void aSchemaWithJsonLinesInputMarksCategoricalNumbersAndKeepsJsonTypes() throws IOException {
            Path input = csv("events.jsonl", "{\"a\": 1, \"b\": 2}\n{\"a\": 1, \"b\": 3}\n{\"a\": 7, \"b\": 4}\n");
            Path schema = csv(
                    "schema.pbtxt",
                    "feature { name: \"a\" type: INT int_domain { is_categorical: true } }\n"
                            + "feature { name: \"b\" type: BYTES }\n");
            CommandRun run = stats(input, "--schema", schema.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            DatasetFeatureStatistics dataset =
                    StatisticsFiles.read(dir.resolve("out.pb")).getDatasets(0);
            FeatureNameStatistics a = feature(dataset, "a");
            assertThat(a.getType()).isEqualTo(FeatureNameStatistics.Type.INT);
            assertThat(a.getStringStats().getTopValues(0).getValue()).isEqualTo("1");
            assertThat(a.getStringStats().getTopValues(0).getFrequency()).isEqualTo(2.0);
            FeatureNameStatistics b = feature(dataset, "b");
            assertThat(b.getType()).isEqualTo(FeatureNameStatistics.Type.INT);
            assertThat(b.getNumStats().getMax()).isEqualTo(4.0);
        }

        @Test
        void jsonLinesFeaturesTheSchemaMarksPiiKeepNoRawValues() throws IOException {
            Path input = csv(
                    "users.jsonl",
                    "{\"email\": \"ana.silva@example.org\", \"age\": 31}\n"
                            + "{\"email\": \"jo.kowalski@example.com\", \"age\": 45}\n");
            Path schema = csv(
                    "schema.pbtxt",
                    "feature { name: \"email\" type: BYTES annotation { tag: \"veracity:pii=EMAIL_ADDRESS\" } }\n");
            Path output = dir.resolve("users.pbtxt");
            CommandRun run =
                    CommandRun.of("stats", input.toString(), "--schema", schema.toString(), "-o", output.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(Files.readString(output))
                    .contains("veracity:pii")
                    .doesNotContain("example.org")
                    .doesNotContain("example.com");
        }

        @Test
        void sparseWeightedAndNaturalLanguageFeaturesGetTfdvsCustomStatistics() throws IOException {
            Path input = csv(
                    "ads.jsonl",
                    "{\"idx\": [1, 2], \"val\": [0.5], \"term\": [\"a\"], \"w\": [1.0], \"q\": [\"x\", \"y\"]}\n"
                            + "{\"idx\": [3], \"term\": [\"b\"], \"w\": [2.0], \"q\": [\"y\"]}\n");
            Path vocabulary = csv("words.txt", "x\ny\n");
            Path schema = csv(
                    "schema.pbtxt",
                    "feature { name: \"q\" type: BYTES natural_language_domain { vocabulary: \"words\" } }\n"
                            + "sparse_feature { name: \"ad\" index_feature { name: \"idx\" }"
                            + " value_feature { name: \"val\" } }\n"
                            + "weighted_feature { name: \"wt\" feature { step: \"term\" }"
                            + " weight_feature { step: \"w\" } }\n");
            Path output = dir.resolve("ads.pbtxt");
            CommandRun run = CommandRun.of(
                    "stats",
                    input.toString(),
                    "--schema",
                    schema.toString(),
                    "--semantic-domain-stats",
                    "--vocab",
                    "words=" + vocabulary,
                    "-o",
                    output.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            DatasetFeatureStatistics dataset = StatisticsFiles.read(output).getDatasets(0);
            FeatureNameStatistics ad = feature(dataset, "ad");
            assertThat(ad.getCustomStats(0).getName()).isEqualTo("missing_value");
            assertThat(ad.getCustomStats(0).getNum()).isEqualTo(1.0);
            assertThat(feature(dataset, "wt").getCustomStatsList()).hasSize(4);
            assertThat(feature(dataset, "q").getCustomStatsList())
                    .anyMatch(c -> c.getName().equals("nl_statistics"));
            CommandRun show = CommandRun.of("show", output.toString());
            assertThat(show.out())
                    .contains("Sparse feature ad: missing_value 1")
                    .contains("Natural language q: coverage 1");
        }

        @Test
        void semanticDomainStatisticsFindTimeFormatsWithoutASchema() throws IOException {
            StringBuilder rows = new StringBuilder("day,n\n");
            for (int i = 0; i < 100; i++) {
                rows.append("2026-11-")
                        .append(10 + i % 20)
                        .append(',')
                        .append(i)
                        .append('\n');
            }
            Path input = csv("days.csv", rows.toString());
            CommandRun run = stats(input, "--semantic-domain-stats");
            assertThat(run.exitCode()).as(run.err()).isZero();
            DatasetFeatureStatistics dataset =
                    StatisticsFiles.read(dir.resolve("out.pb")).getDatasets(0);
            assertThat(feature(dataset, "day").getCustomStatsList())
                    .extracting(c -> c.getName() + " " + c.getStr())
                    .contains("domain_info time_domain {string_format: '%Y-%m-%d'}");
            assertThat(feature(dataset, "n").getCustomStatsList()).isEmpty();
        }

        @Test
        void vocabulariesNeedASchema() throws IOException {
            Path input = csv("a.csv", "a\n1\n");
            Path vocabulary = csv("words.txt", "x\n");
            CommandRun run = stats(input, "--semantic-domain-stats", "--vocab", "words=" + vocabulary);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err())
                    .startsWith("veracity: error: ")
                    .contains("--schema")
                    .doesNotContain("\tat ");
        }

        @Test
        void aMissingSchemaFileIsAnInputError() throws IOException {
            Path input = csv("a.csv", "a\n1\n");
            CommandRun run = stats(input, "--schema", dir.resolve("nope.pbtxt").toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err())
                    .startsWith("veracity: error: ")
                    .contains("nope.pbtxt")
                    .doesNotContain("\tat ");
        }
    }
}
