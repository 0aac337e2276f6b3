package dev.veracity.beam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.InputException;
import dev.veracity.io.Veracity;
import dev.veracity.io.csv.CsvOptions;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.stats.Sampling;
import dev.veracity.stats.StatisticsOptions;
import dev.veracity.testing.Gen;
import dev.veracity.testing.StatisticsAssertions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV records with quoted line breaks, cut into many small splits, give on Beam the statistics of the local engine;
 * stray quotes inside unquoted fields ({@code ab"c}, read literally) mislead the split planner, whose wrong guesses
 * are re-read from their true starts.
 */
class QuotedLineBreaksTest {
    private static final long SPLIT_BYTES = 700;

    @TempDir
    static Path directory;

    private static List<Path> files;

    @BeforeAll
    static void writeFiles() throws IOException {
        files = List.of(write("a.csv", 1, 1500), write("b.csv", 2, 900));
    }

    /** {@return a file of rows whose text cells hold quoted line breaks, doubled quotes and stray quotes} */
    private static Path write(String name, long seed, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder("id,amount,note,tag\n");
        for (int r = 0; r < rows; r++) {
            String amount = Gen.oneIn(random, 8) ? "" : String.valueOf(Gen.between(random, -500, 500) / 4.0);
            String note = switch (Gen.between(random, 0, 3)) {
                case 0 -> "\"line " + Gen.between(random, 0, 9) + "\nnext, \"\"quoted\"\"\n\"";
                case 1 -> "\"one\r\ntwo\"";
                case 2 -> "plain" + Gen.between(random, 0, 30);
                default -> "\"\"";
            };
            String tag = Gen.oneIn(random, 15) ? "ab\"c" : Gen.oneOf(random, "x", "y", "\"z\nz\"");
            text.append(r)
                    .append(',')
                    .append(amount)
                    .append(',')
                    .append(note)
                    .append(',')
                    .append(tag)
                    .append('\n');
        }
        Path file = directory.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static DatasetFeatureStatisticsList local(List<Path> inputs, Sampling sampling) throws IOException {
        Veracity.StatisticsRequest r = Veracity.statistics(inputs).withThreads(2);
        return new Veracity.StatisticsRequest(
                        r.inputs(),
                        r.options(),
                        r.csvOptions(),
                        r.name(),
                        r.progress(),
                        r.threads(),
                        r.slicings(),
                        r.maxSlices(),
                        sampling,
                        r.schema(),
                        r.read(),
                        r.piiProtection())
                .compute()
                .statistics();
    }

    private static DatasetFeatureStatisticsList beam(List<Path> inputs, Sampling sampling, String... args)
            throws IOException {
        PipelineOptions pipeline = PipelineOptionsFactory.fromArgs(args).create();
        ReadCsv read = ReadCsv.from(inputs.stream().map(Path::toString).toList(), CsvOptions.DEFAULT)
                .withSampling(sampling)
                .withSplitBytes(SPLIT_BYTES);
        return BeamStatistics.run(pipeline, read, StatisticsSpec.of(StatisticsOptions.DEFAULT))
                .statistics();
    }

    private static void assertSame(DatasetFeatureStatisticsList actual, DatasetFeatureStatisticsList expected) {
        assertThat(actual.getDatasets(0).getNumExamples())
                .isEqualTo(expected.getDatasets(0).getNumExamples());
        assertThat(actual.getDatasets(0).getFeaturesCount())
                .isEqualTo(expected.getDatasets(0).getFeaturesCount());
        for (int f = 0; f < expected.getDatasets(0).getFeaturesCount(); f++) {
            StatisticsAssertions.assertSameExactFields(
                    actual.getDatasets(0).getFeatures(f),
                    expected.getDatasets(0).getFeatures(f),
                    100);
            assertThat(actual.getDatasets(0).getFeatures(f).getStringStats())
                    .isEqualTo(expected.getDatasets(0).getFeatures(f).getStringStats());
        }
    }

    @Test
    void theFilesHoldQuotedLineBreaksAcrossManySplits() throws IOException {
        assertThat(Files.size(files.get(0)) / SPLIT_BYTES).isGreaterThan(50);
        assertThat(Files.readString(files.get(0))).contains("\nnext, ").contains("ab\"c");
        DatasetFeatureStatisticsList local = local(files, Sampling.ALL);
        assertThat(local.getDatasets(0).getNumExamples()).isEqualTo(2400);
    }

    @Test
    void directRunnerGivesTheLocalStatistics() throws IOException {
        assertSame(
                beam(files, Sampling.ALL, "--runner=DirectRunner", "--targetParallelism=2"),
                local(files, Sampling.ALL));
    }

    @Test
    void aSampleKeepsTheRowsTheLocalEngineKeeps() throws IOException {
        Sampling sampling = new Sampling(0.3, 17);
        DatasetFeatureStatisticsList expected = local(files, sampling);
        assertThat(expected.getDatasets(0).getNumExamples()).isBetween(500L, 950L);
        assertSame(beam(files, sampling, "--runner=DirectRunner", "--targetParallelism=2"), expected);
    }

    @Test
    void flinkEmbeddedClusterGivesTheLocalStatistics() throws IOException {
        assertSame(
                beam(files, Sampling.ALL, "--runner=FlinkRunner", "--parallelism=2", "--objectReuse=true"),
                local(files, Sampling.ALL));
    }

    @Test
    void aRaggedRecordAfterManyQuotedLineBreaksIsNamedAtItsTrueLineAsLocally() throws IOException {
        String text = Files.readString(files.get(0));
        Path bad = directory.resolve("bad.csv");
        Files.writeString(bad, text + "1,2\n" + text.substring(text.indexOf('\n') + 1));
        String expected = null;
        try {
            local(List.of(bad), Sampling.ALL);
        } catch (InputException e) {
            expected = e.getMessage();
        }
        assertThat(expected).startsWith(bad + ":").endsWith("expected 4 fields as in the header, found 2");
        assertThatThrownBy(() -> beam(List.of(bad), Sampling.ALL, "--runner=DirectRunner", "--targetParallelism=2"))
                .isInstanceOf(InputException.class)
                .hasMessage(expected);
    }
}
