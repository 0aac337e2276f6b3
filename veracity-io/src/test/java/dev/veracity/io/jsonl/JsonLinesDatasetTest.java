package dev.veracity.io.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.BadRecords;
import dev.veracity.io.ComputedStatistics;
import dev.veracity.io.Progress;
import dev.veracity.io.Veracity;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.stats.Sampling;
import dev.veracity.stats.StatisticsOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several JSON Lines files as one dataset, read by one or more threads. */
class JsonLinesDatasetTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static ComputedStatistics compute(
            List<Path> files, BadRecords badRecords, int threads, long rangeBytes, Progress progress)
            throws IOException {
        return new JsonLinesStatistics(
                        JsonLinesOptions.DEFAULT.withBadRecords(badRecords),
                        StatisticsOptions.DEFAULT,
                        List.of(),
                        100,
                        Sampling.ALL,
                        progress,
                        threads,
                        rangeBytes)
                .compute(files, "");
    }

    private static ComputedStatistics compute(List<Path> files, BadRecords badRecords) throws IOException {
        return compute(files, badRecords, 2, 8, Progress.NONE);
    }

    private static FeatureNameStatistics feature(DatasetFeatureStatistics dataset, String name) {
        return dataset.getFeaturesList().stream()
                .filter(f -> f.getPath().getStep(0).equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Nested
    class Union {
        @Test
        void featuresInOrderOfFirstAppearanceOverTheFilesWithTypesWidenedAcrossThem() throws IOException {
            Path a = file("a.jsonl", "{\"x\":1,\"s\":\"p\"}\n{\"x\":2}\n");
            Path b = file("b.jsonl", "{\"y\":true,\"x\":2.5}\n{\"s\":\"q\",\"z\":{\"w\":[1,2]}}\n");

            DatasetFeatureStatistics dataset =
                    compute(List.of(a, b), BadRecords.FAIL).statistics().getDatasets(0);

            assertThat(dataset.getNumExamples()).isEqualTo(4);
            assertThat(dataset.getFeaturesList())
                    .extracting(f -> f.getPath().getStep(0) + ":" + f.getType())
                    .containsExactly("x:FLOAT", "s:STRING", "y:INT", "z.w:INT");
            FeatureNameStatistics x = feature(dataset, "x");
            assertThat(x.getNumStats().getCommonStats().getNumNonMissing()).isEqualTo(3);
            assertThat(x.getNumStats().getMean()).isEqualTo(5.5 / 3);
            assertThat(x.getNumStats().getMax()).isEqualTo(2.5);
            assertThat(feature(dataset, "s").getStringStats().getCommonStats().getNumMissing())
                    .isEqualTo(2);
            assertThat(feature(dataset, "z.w").getNumStats().getCommonStats().getTotNumValues())
                    .isEqualTo(2);
        }

        @Test
        void gzipFilesAreReadWholeAndGiveTheSameStatistics() throws IOException {
            Path a = file("a.jsonl", "{\"x\":1,\"s\":\"p\"}\n".repeat(50));
            Path b = file("b.ndjson", "{\"x\":2.5}\n{\"s\":\"q\"}\n".repeat(40));
            Path gz = dir.resolve("b.ndjson.gz");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
                out.write(Files.readAllBytes(b));
            }

            // One range per file either way: a plain file cut in ranges would give the same statistics but for the
            // last bits of sums, which depend on the order of merges.
            ComputedStatistics plain = compute(List.of(a, b), BadRecords.FAIL, 2, 1 << 20, Progress.NONE);
            ComputedStatistics gzipped = compute(List.of(a, gz), BadRecords.FAIL, 2, 1 << 20, Progress.NONE);

            assertThat(JsonLinesStatistics.isJsonLines(gz)).isTrue();
            assertThat(gzipped.statistics()).isEqualTo(plain.statistics());
            assertThat(plain.statistics().getDatasets(0).getNumExamples()).isEqualTo(130);
        }

        @Test
        void veracityDescribesSeveralJsonLinesFilesWithThreads() throws IOException {
            Path a = file("a.jsonl", "{\"x\":1}\n");
            Path b = file("b.jsonl", "{\"x\":2}\n{\"x\":3}\n");

            ComputedStatistics result = Veracity.statistics(a, b).withThreads(3).compute();

            assertThat(result.statistics().getDatasets(0).getNumExamples()).isEqualTo(3);
        }

        @Test
        void mixingCsvAndJsonLinesIsAConfigurationError() throws IOException {
            Path a = file("a.jsonl", "{\"x\":1}\n");
            Path b = file("b.csv", "x\n1\n");

            assertThatThrownBy(() -> Veracity.statistics(b, a).compute())
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("inputs: expected files of one format, found both JSON Lines (" + a + ") and CSV (" + b
                            + "); describe them as separate datasets");
        }

        @Test
        void anEmptyFileAmongOthersIsNamed() throws IOException {
            Path a = file("a.jsonl", "{\"x\":1}\n");
            Path b = file("b.jsonl", "\n  \n");

            assertThatThrownBy(() -> compute(List.of(a, b), BadRecords.FAIL))
                    .isInstanceOfSatisfying(
                            InputException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.JSONL_EMPTY_FILE))
                    .hasMessage(b + ": expected JSON objects, one per line, found an empty file");
        }
    }

    @Nested
    class Conflicts {
        @Test
        void aConflictInALaterFileNamesBothFilesAndLines() throws IOException {
            Path a = file("a.jsonl", "{\"y\":1}\n{\"x\":1}\n{\"x\":2}\n");
            Path b = file("b.jsonl", "{\"y\":2}\n{\"x\":\"s\"}\n");

            assertThatThrownBy(() -> compute(List.of(a, b), BadRecords.FAIL))
                    .isInstanceOfSatisfying(
                            InputException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.JSONL_TYPE_CONFLICT))
                    .hasMessage(b + ":2:6: expected a number for \"x\" (INT, first seen in " + a
                            + " on line 2), found a string");
        }

        @Test
        void anObjectInOneFileAndAValueInAnother() throws IOException {
            Path a = file("a.jsonl", "{\"u\":{\"c\":\"DE\"}}\n");
            Path b = file("b.jsonl", "\n{\"u\":3}\n");

            assertThatThrownBy(() -> compute(List.of(a, b), BadRecords.FAIL))
                    .hasMessage(b + ":2:6: expected an object for \"u\" (first seen in " + a
                            + " on line 1), found an integer");
        }

        @Test
        void skippedLinesAreCountedOverAllFilesAndTheFirstTypeWins() throws IOException {
            Path a = file("a.jsonl", "{\"x\":1}\nnot json\n{\"x\":2}\n");
            Path b = file("b.jsonl", "{\"x\":\"s\"}\n{\"x\":3}\n[1]\n{\"x\":4,\"x\":5}\n");
            Path c = file("c.jsonl", "{\"x\":{}}\n{\"x\":5.5}\n");

            ComputedStatistics result = compute(List.of(a, b, c), BadRecords.SKIP);

            assertThat(result.skippedRecords()).isEqualTo(5);
            DatasetFeatureStatistics dataset = result.statistics().getDatasets(0);
            assertThat(dataset.getNumExamples()).isEqualTo(4);
            assertThat(dataset.getFeaturesList())
                    .extracting(f -> f.getPath().getStep(0) + ":" + f.getType())
                    .containsExactly("x:FLOAT");
            assertThat(feature(dataset, "x").getNumStats().getMean()).isEqualTo(11.5 / 4);
        }

        @Test
        void filesWhoseEveryLineIsSkippedGiveNoExamples() throws IOException {
            Path a = file("a.jsonl", "{\"x\":1,\"x\":2}\n");
            Path b = file("b.jsonl", "[1]\n\n\"s\"\n");

            ComputedStatistics result = compute(List.of(a, b), BadRecords.SKIP);

            assertThat(result.skippedRecords()).isEqualTo(3);
            DatasetFeatureStatistics dataset = result.statistics().getDatasets(0);
            assertThat(dataset.getNumExamples()).isZero();
            assertThat(dataset.getFeaturesList()).isEmpty();
        }
    }

    @Nested
    class ChangedBetweenThePasses {
        /** A progress that rewrites a file when the second pass starts, before any worker reads. */
        private Progress rewriting(Path file, String content) {
            AtomicBoolean done = new AtomicBoolean();
            return (phase, at, total) -> {
                if (phase.equals("computing statistics") && !done.getAndSet(true)) {
                    try {
                        Files.writeString(file, content);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        }

        @Test
        void aKeyTheFirstPassDidNotSeeIsAnInputError() throws IOException {
            Path a = file("a.jsonl", "{\"a\":1}\n");
            Path b = file("b.jsonl", "{\"a\":100}\n".repeat(50));

            assertThatThrownBy(() -> compute(
                            List.of(a, b),
                            BadRecords.FAIL,
                            2,
                            64,
                            rewriting(b, "{\"a\":100}\n".repeat(20) + "{\"q\":100}\n".repeat(30))))
                    .isInstanceOfSatisfying(
                            InputException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FILE_UNREADABLE))
                    .hasMessageMatching("\\Q" + b + "\\E:(2[1-9]|[34][0-9]|50): expected \"q\" as in the first pass, "
                            + "found another key or type \\(the file changed\\)");
        }

        @Test
        void anotherTypeIsAnInputError() throws IOException {
            Path a = file("a.jsonl", "{\"a\":1}\n".repeat(50));

            assertThatThrownBy(() -> compute(
                            List.of(a),
                            BadRecords.FAIL,
                            1,
                            1 << 20,
                            rewriting(a, "{\"a\":1}\n".repeat(40) + "{\"a\":\"x\"}\n".repeat(10))))
                    .isInstanceOf(InputException.class)
                    .hasMessage(a + ":41:6: expected a number for \"a\" (INT, first seen on line 1), found a string");
        }

        @Test
        void fewerLinesAreAnInputError() throws IOException {
            Path a = file("a.jsonl", "{\"a\":100}\n".repeat(50));

            assertThatThrownBy(() -> compute(
                            List.of(a),
                            BadRecords.SKIP,
                            2,
                            1 << 20,
                            rewriting(a, "{\"a\":100}\n".repeat(40) + "{\"a\":1,\"a\":2}\n".repeat(10))))
                    .isInstanceOfSatisfying(
                            InputException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FILE_UNREADABLE))
                    .hasMessage(a + ":1: expected 50 well-formed lines from here on, as in the first pass, found 40 "
                            + "(the file changed)");
        }
    }
}
