package dev.veracity.io.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.BadRecords;
import dev.veracity.io.ComputedStatistics;
import dev.veracity.io.Progress;
import dev.veracity.io.jsonl.JsonLinesTable.Feature;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.stats.Sampling;
import dev.veracity.stats.SlicedStatistics;
import dev.veracity.stats.Slicing;
import dev.veracity.stats.StatisticsGenerator;
import dev.veracity.stats.StatisticsOptions;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistics of JSON Lines files do not depend on the threads: a generated table, written with malformed lines
 * and split over one to three files, cut into ranges of a few bytes to a megabyte, gives the same protos on 1, 2 and
 * 4 threads (also sampled and sliced), and the statistics of the whole table by the brute-force oracle.
 *
 * <p>The quantile sketches are given a k above the number of values (rank error 0.001), so that they never compact:
 * DataSketches' KLL compacts at random, so sketched fields of larger inputs are equal only within their error bound.
 */
class ParallelJsonLinesStatisticsProperties {
    /** Quantile sketches that keep every value of these tables (k = 2863), so they are deterministic. */
    private static final StatisticsOptions EXACT_SKETCHES =
            StatisticsOptions.builder().quantilesRankError(0.001).build();

    @TempDir
    Path dir;

    /** A table of at most 400 rows, with malformed lines to skip half the time. */
    private record Case(
            JsonLinesTable table,
            Map<Integer, List<String>> badLines,
            JsonLinesTable.Written written,
            List<Path> files) {}

    /** {@return a generated table of at most 400 rows, whose values the sketches keep} */
    private static JsonLinesTable table(SplittableRandom random) {
        JsonLinesTable table = JsonLinesStatisticsProperties.table(random);
        if (table.rows() <= 400) {
            return table;
        }
        List<Feature> features = new ArrayList<>();
        for (Feature feature : table.features()) {
            features.add(new Feature(feature.path(), feature.cells().subList(0, 400)));
        }
        return new JsonLinesTable(features, 400);
    }

    private Case write(SplittableRandom random) throws IOException {
        JsonLinesTable table = table(random);
        Map<Integer, List<String>> badLines =
                Gen.oneIn(random, 2) ? JsonLinesStatisticsProperties.badLines(random, table) : Map.of();
        JsonLinesTable.Written written = table.write(JsonLinesTable.Style.random(random), badLines);
        return new Case(table, badLines, written, split(written.bytes(), Gen.between(random, 1, 3), random));
    }

    /** {@return the bytes written to up to {@code parts} files, cut after line ends, none without a non-blank line} */
    private List<Path> split(byte[] bytes, int parts, SplittableRandom random) throws IOException {
        List<Integer> cuts = new ArrayList<>();
        for (int i = 1; i < parts; i++) {
            int at = random.nextInt(bytes.length);
            while (at < bytes.length && bytes[at - 1 < 0 ? 0 : at - 1] != '\n') {
                at++;
            }
            cuts.add(at);
        }
        cuts.add(bytes.length);
        cuts.sort(null);
        List<Path> files = new ArrayList<>();
        int start = 0;
        for (int cut : cuts) {
            if (cut < bytes.length && (!hasText(bytes, start, cut) || !hasText(bytes, cut, bytes.length))) {
                continue; // keep the part for the next cut
            }
            if (cut > start) {
                files.add(Files.write(
                        dir.resolve("part-" + files.size() + ".jsonl"), Arrays.copyOfRange(bytes, start, cut)));
                start = cut;
            }
        }
        return files;
    }

    private static boolean hasText(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != ' '
                    && b != '\t'
                    && b != '\r'
                    && b != '\n'
                    && (b & 0xFF) != 0xEF
                    && (b & 0xFF) != 0xBB
                    && (b & 0xFF) != 0xBF) {
                return true;
            }
        }
        return false;
    }

    private static ComputedStatistics compute(
            Case c,
            BadRecords badRecords,
            StatisticsOptions options,
            List<Slicing> slicings,
            int maxSlices,
            Sampling sampling,
            int threads,
            long rangeBytes)
            throws IOException {
        return new JsonLinesStatistics(
                        JsonLinesOptions.DEFAULT.withBadRecords(badRecords),
                        options,
                        slicings,
                        maxSlices,
                        sampling,
                        Progress.NONE,
                        threads,
                        rangeBytes)
                .compute(c.files(), "");
    }

    private static long badLineCount(Case c) {
        return c.badLines().values().stream().mapToInt(List::size).sum();
    }

    @SeededProperty(tries = 40)
    void anyThreadsGiveTheSameStatisticsAsTheOracle(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Case c = write(random);
        BadRecords badRecords = c.badLines().isEmpty() ? BadRecords.FAIL : BadRecords.SKIP;
        long rangeBytes = Gen.oneOf(random, 1L, 16L, 200L, 4096L, JsonLinesStatistics.DEFAULT_RANGE_BYTES);

        ComputedStatistics one = compute(c, badRecords, EXACT_SKETCHES, List.of(), 1, Sampling.ALL, 1, rangeBytes);
        ComputedStatistics two = compute(c, badRecords, EXACT_SKETCHES, List.of(), 1, Sampling.ALL, 2, rangeBytes);
        ComputedStatistics four = compute(c, badRecords, EXACT_SKETCHES, List.of(), 1, Sampling.ALL, 4, rangeBytes);

        assertThat(two.statistics()).isEqualTo(one.statistics());
        assertThat(four.statistics()).isEqualTo(one.statistics());
        assertThat(List.of(one.skippedRecords(), two.skippedRecords(), four.skippedRecords()))
                .containsOnly(badLineCount(c));
        c.table().assertMatches(one.statistics().getDatasets(0), c.written(), EXACT_SKETCHES);
    }

    @SeededProperty(tries = 25)
    void aFileOfOneRangeGivesTheStatisticsOfASequentialRead(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        JsonLinesTable table = table(random);
        JsonLinesTable.Written written = table.write(JsonLinesTable.Style.random(random), Map.of());
        Path file = Files.write(dir.resolve("one.jsonl"), written.bytes());
        JsonLinesOptions options = JsonLinesOptions.DEFAULT.withBatchSize(Gen.oneOf(random, 1, 7, 4096));

        DatasetFeatureStatisticsList sequential;
        try (JsonLinesReader reader = JsonLinesReader.open(file, options)) {
            sequential = new StatisticsGenerator(EXACT_SKETCHES).compute(reader, "");
        }
        ComputedStatistics parallel = new JsonLinesStatistics(
                        options, EXACT_SKETCHES, List.of(), 1, Sampling.ALL, Progress.NONE, Gen.oneOf(random, 1, 2, 4))
                .compute(file, "");

        assertThat(parallel.statistics()).isEqualTo(sequential);
    }

    @SeededProperty(tries = 30)
    void samplesAndSlicesAreTheSameWhateverTheThreads(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Case c = write(random);
        BadRecords badRecords = c.badLines().isEmpty() ? BadRecords.FAIL : BadRecords.SKIP;
        long rangeBytes = Gen.oneOf(random, 1L, 64L, 1024L);
        Sampling sampling = Gen.oneIn(random, 4)
                ? Sampling.ALL
                : new Sampling(Gen.oneOf(random, 0.05, 0.3, 0.9), random.nextLong());
        List<Slicing> slicings = c.table().features().stream()
                .map(Feature::name)
                .filter(n -> !n.isEmpty())
                .limit(1)
                .map(Slicing::of)
                .toList();
        int maxSlices = Gen.oneOf(random, 1, 3, SlicedStatistics.DEFAULT_MAX_SLICES);

        ComputedStatistics one = compute(c, badRecords, EXACT_SKETCHES, slicings, maxSlices, sampling, 1, rangeBytes);
        ComputedStatistics two = compute(c, badRecords, EXACT_SKETCHES, slicings, maxSlices, sampling, 2, rangeBytes);
        ComputedStatistics four = compute(c, badRecords, EXACT_SKETCHES, slicings, maxSlices, sampling, 4, rangeBytes);

        assertThat(two.statistics()).isEqualTo(one.statistics());
        assertThat(four.statistics()).isEqualTo(one.statistics());
        assertThat(two.rowsNotSliced()).isEqualTo(one.rowsNotSliced());
        assertThat(four.rowsNotSliced()).isEqualTo(one.rowsNotSliced());
        long examples = one.statistics().getDatasets(0).getNumExamples();
        assertThat(examples).isLessThanOrEqualTo(c.table().rows());
        if (sampling.keepsAll()) {
            assertThat(examples).isEqualTo(c.table().rows());
        }
    }
}
