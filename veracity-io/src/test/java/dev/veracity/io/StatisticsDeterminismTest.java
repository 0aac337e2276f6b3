package dev.veracity.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same input, same options, same bytes: statistics of a file large enough for several chunks and for the quantile
 * sketches to compact are byte-identical across runs and across numbers of threads.
 */
class StatisticsDeterminismTest {
    private static final int ROWS = 120_000;

    @TempDir
    Path dir;

    private static String csv() {
        SplittableRandom random = new SplittableRandom(17);
        StringBuilder text = new StringBuilder("id,fare,city,note\n");
        for (int r = 0; r < ROWS; r++) {
            text.append(r)
                    .append(',')
                    .append(random.nextDouble() * 1000)
                    .append(",c")
                    .append(random.nextInt(5000))
                    .append(",\"n ")
                    .append(random.nextInt(100))
                    .append("\"\n");
        }
        return text.toString();
    }

    private static String jsonLines() {
        SplittableRandom random = new SplittableRandom(18);
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < ROWS; r++) {
            text.append("{\"id\": ")
                    .append(r)
                    .append(", \"fare\": ")
                    .append(random.nextDouble() * 1000)
                    .append(", \"city\": \"c")
                    .append(random.nextInt(5000))
                    .append("\"}\n");
        }
        return text.toString();
    }

    private static byte[] statistics(Path file, int threads) throws IOException {
        return Veracity.statistics(file)
                .withThreads(threads)
                .sliceBy("city")
                .withMaxSlices(20)
                .compute()
                .statistics()
                .toByteArray();
    }

    private void assertDeterministic(Path file) throws IOException {
        byte[] first = statistics(file, 1);
        assertThat(statistics(file, 1)).as("a second run on one thread").isEqualTo(first);
        assertThat(statistics(file, 2)).as("two threads").isEqualTo(first);
        assertThat(statistics(file, 3)).as("three threads").isEqualTo(first);
    }

    @Test
    void csvAcrossRunsAndThreads() throws IOException {
        Path file = Files.writeString(dir.resolve("trips.csv"), csv(), UTF_8);
        assertThat(Files.size(file)).isGreaterThan(3L << 20); // several chunks of at least 1 MiB
        assertDeterministic(file);
    }

    @Test
    void gzipCsvAcrossRunsAndThreads() throws IOException {
        Path file = dir.resolve("trips.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(csv().getBytes(UTF_8));
        }
        assertDeterministic(file);
    }

    @Test
    void jsonLinesAcrossRunsAndThreads() throws IOException {
        assertDeterministic(Files.writeString(dir.resolve("trips.jsonl"), jsonLines(), UTF_8));
    }
}
