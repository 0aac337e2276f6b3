package dev.veracity.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.data.FeatureType;
import dev.veracity.io.ComputedStatistics;
import dev.veracity.io.Progress;
import dev.veracity.stats.Sampling;
import dev.veracity.stats.StatisticsOptions;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistics of a table do not depend on how it is read: on 1, 2 or 8 threads, in chunks of any size (so chunk
 * boundaries fall inside quoted fields, on CRLF pairs, on blank lines), gzipped, or split over several files. Each
 * way is checked against the brute-force oracle of the whole table.
 */
class ParallelCsvStatisticsProperties {
    @TempDir
    Path dir;

    private static ComputedStatistics compute(List<Path> files, int threads, long chunkBytes) throws IOException {
        return new CsvStatistics(CsvOptions.DEFAULT, StatisticsOptions.DEFAULT, threads, Progress.NONE, chunkBytes)
                .compute(files, "");
    }

    private static CsvTable.Style style(SplittableRandom random) {
        return new CsvTable.Style(
                Gen.oneOf(random, "\n", "\r\n"),
                random.nextBoolean(),
                random.nextBoolean(),
                Gen.oneOf(random, 0.0, 0.1, 0.5),
                Gen.oneOf(random, 0.0, 0.0, 0.05),
                random.nextLong());
    }

    @SeededProperty(tries = 40)
    void anyThreadsAndChunkSizesGiveTheStatisticsOfTheWhole(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        CsvTable table = CsvStatisticsProperties.table(random);
        Path file = table.write(dir.resolve("data.csv"), style(random));
        int threads = Gen.oneOf(random, 1, 2, 8);
        long chunkBytes = Gen.oneOf(random, 1L, 7L, 64L, 512L, 4096L, 1L << 20);

        ComputedStatistics result = compute(List.of(file), threads, chunkBytes);

        assertThat(result.skippedRecords()).isZero();
        table.assertMatches(result.statistics().getDatasets(0), StatisticsOptions.DEFAULT);
    }

    @SeededProperty(tries = 25)
    void gzippedAndSplitFilesGiveTheStatisticsOfTheWhole(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        CsvTable table = CsvStatisticsProperties.table(random);
        int rows = table.rowCount();
        int cut = Gen.between(random, 0, rows);
        CsvTable.Style style = style(random);
        Path first = part(table, 0, cut).write(dir.resolve("part-0.csv"), style);
        Path second = part(table, cut, rows).write(dir.resolve("part-1.csv"), style.withByteOrderMark(false));
        if (random.nextBoolean()) {
            second = gzip(second);
        }
        int threads = Gen.oneOf(random, 1, 2, 8);
        long chunkBytes = Gen.oneOf(random, 16L, 256L, 1L << 20);

        ComputedStatistics result = compute(List.of(first, second), threads, chunkBytes);

        table.assertMatches(result.statistics().getDatasets(0), StatisticsOptions.DEFAULT);
    }

    @SeededProperty(tries = 30)
    void aSampleIsTheSameRowsWhateverTheThreadsAndChunks(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        CsvTable table = CsvStatisticsProperties.table(random);
        Path file = table.write(dir.resolve("data.csv"), style(random));
        Sampling sampling = new Sampling(Gen.oneOf(random, 0.05, 0.3, 0.9), random.nextLong());
        int threads = Gen.oneOf(random, 1, 2, 8);
        long chunkBytes = Gen.oneOf(random, 7L, 512L, 1L << 20);

        ComputedStatistics result = new CsvStatistics(
                        CsvOptions.DEFAULT, StatisticsOptions.DEFAULT, threads, Progress.NONE, chunkBytes)
                .withSampling(sampling)
                .compute(List.of(file), "");

        List<Integer> kept = new java.util.ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            if (sampling.keeps(row)) {
                kept.add(row);
            }
        }
        CsvTable sample = new CsvTable(
                table.names(),
                table.types(),
                table.columns().stream()
                        .map(c -> kept.stream().map(c::get).toList())
                        .toList());
        sample.assertMatches(result.statistics().getDatasets(0), StatisticsOptions.DEFAULT);
    }

    @SeededProperty(tries = 40)
    void aGzipFileReadOnManyThreadsGivesTheStatisticsOfTheWhole(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        CsvTable table = CsvStatisticsProperties.table(random);
        CsvTable.Style style = style(random);
        Path gz = gzip(table.write(dir.resolve("data.csv"), style));
        Path plain = table.write(dir.resolve("plain.csv"), style);
        int threads = Gen.oneOf(random, 2, 3, 8);
        long blockBytes = Gen.oneOf(random, 1L, 7L, 64L, 512L, 4096L, 1L << 20);
        boolean sampled = Gen.oneIn(random, 3);
        Sampling sampling = sampled ? new Sampling(Gen.oneOf(random, 0.1, 0.5), random.nextLong()) : Sampling.ALL;

        ComputedStatistics result = new CsvStatistics(
                        CsvOptions.DEFAULT, StatisticsOptions.DEFAULT, threads, Progress.NONE, blockBytes)
                .withSampling(sampling)
                .compute(List.of(gz), "");
        ComputedStatistics oneThread = new CsvStatistics(
                        CsvOptions.DEFAULT, StatisticsOptions.DEFAULT, 1, Progress.NONE, blockBytes)
                .withSampling(sampling)
                .compute(List.of(plain), "");

        assertThat(result.statistics().getDatasets(0).getNumExamples())
                .isEqualTo(oneThread.statistics().getDatasets(0).getNumExamples());
        if (!sampled) {
            table.assertMatches(result.statistics().getDatasets(0), StatisticsOptions.DEFAULT);
        }
        for (int f = 0; f < table.names().size(); f++) {
            var many = result.statistics().getDatasets(0).getFeatures(f);
            var one = oneThread.statistics().getDatasets(0).getFeatures(f);
            assertThat(many.getType()).isEqualTo(one.getType());
            if (many.hasStringStats()) { // exact below 10,000 distinct values, whatever the order of merging
                assertThat(many.getStringStats()).isEqualTo(one.getStringStats());
            } else {
                assertThat(many.getNumStats().getCommonStats())
                        .isEqualTo(one.getNumStats().getCommonStats());
                assertThat(List.of(
                                many.getNumStats().getMin(), many.getNumStats().getMax(), (double)
                                        many.getNumStats().getNumZeros()))
                        .isEqualTo(List.of(
                                one.getNumStats().getMin(), one.getNumStats().getMax(), (double)
                                        one.getNumStats().getNumZeros()));
            }
        }
    }

    /**
     * A file whose first MiB has no quoted line break is cut without counting quotes; quoted line breaks after that
     * make guesses wrong, which the verified read corrects: the statistics are those of the file read whole.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {512, 4096, 65536})
    void quotedLineBreaksPastTheSampleGiveTheStatisticsOfTheWhole(long chunkBytes) throws IOException {
        List<byte[]> ids = new java.util.ArrayList<>();
        List<byte[]> texts = new java.util.ArrayList<>();
        long bytes = 0;
        for (int row = 0; row < 60_000; row++) {
            String text = bytes <= CsvChunkPlanner.SAMPLE_BYTES
                    ? "plain \"text\" " + row % 97
                    : "two\nlines, \"quoted\"\r\nand " + row % 13;
            ids.add(Integer.toString(row).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            texts.add(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            bytes += text.length() + 8;
        }
        CsvTable table =
                new CsvTable(List.of("id", "text"), List.of(FeatureType.INT, FeatureType.STRING), List.of(ids, texts));
        Path file = table.write(dir.resolve("breaks.csv"), CsvTable.Style.PLAIN);
        CsvInput input = CsvInput.of(file);
        assertThat(CsvChunkPlanner.quotedLineBreakIn(input, (byte) '"', CsvChunkPlanner.SAMPLE_BYTES))
                .isFalse();
        assertThat(CsvChunkPlanner.quotedLineBreakIn(input, (byte) '"', Integer.MAX_VALUE))
                .isTrue();

        ComputedStatistics result = compute(List.of(file), 2, chunkBytes);

        table.assertMatches(result.statistics().getDatasets(0), StatisticsOptions.DEFAULT);
    }

    @SeededProperty(tries = 60)
    void aCellThatWidensItsColumnLateGivesTheTypesOfAllRows(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        CsvTable table = CsvStatisticsProperties.table(random);
        int column = Gen.between(random, 0, table.names().size() - 1);
        FeatureType type = table.types().get(column);
        String widening = switch (type) {
            case INT -> Gen.oneOf(random, "1.5", "nan", "abc", "99999999999999999999");
            case FLOAT -> Gen.oneOf(random, "abc", "99999999999999999999", "-123456789012345678901");
            case STRING -> "plain";
        };
        FeatureType widened = type == FeatureType.STRING || !widening.equals("1.5") && !widening.equals("nan")
                ? FeatureType.STRING
                : FeatureType.FLOAT;
        int rows = table.rowCount();
        int at = Gen.oneOf(random, rows, rows, Math.max(0, rows - Gen.between(random, 0, Math.min(rows, 20))));
        List<List<byte[]>> columns = new java.util.ArrayList<>();
        for (int c = 0; c < table.names().size(); c++) {
            List<byte[]> cells = new java.util.ArrayList<>(table.columns().get(c));
            cells.add(at, (c == column ? widening : "").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            columns.add(cells);
        }
        List<FeatureType> types = new java.util.ArrayList<>(table.types());
        types.set(column, widened);
        CsvTable late = new CsvTable(table.names(), types, columns);
        CsvTable.Style style = style(random);
        Path file = late.write(dir.resolve("data.csv"), style);
        if (Gen.oneIn(random, 3)) {
            file = gzip(file);
        }
        int threads = Gen.oneOf(random, 1, 2, 8);
        long chunkBytes = Gen.oneOf(random, 7L, 64L, 512L, 4096L);

        ComputedStatistics result = compute(List.of(file), threads, chunkBytes);

        late.assertMatches(result.statistics().getDatasets(0), StatisticsOptions.DEFAULT);
    }

    private static CsvTable part(CsvTable table, int from, int to) {
        return new CsvTable(
                table.names(),
                table.types(),
                table.columns().stream().map(c -> c.subList(from, to)).toList());
    }

    private static Path gzip(Path file) throws IOException {
        Path gz = file.resolveSibling(file.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(file));
        }
        Files.delete(file);
        return gz;
    }
}
