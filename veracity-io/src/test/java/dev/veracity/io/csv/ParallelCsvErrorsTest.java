package dev.veracity.io.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.BadRecords;
import dev.veracity.io.ComputedStatistics;
import dev.veracity.io.Progress;
import dev.veracity.stats.StatisticsOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Errors found by parallel readers name the same file, line and column as a sequential read would. */
class ParallelCsvErrorsTest {
    @TempDir
    Path dir;

    /** Rows with a quoted two-line note every third row; {@code bad} replaces row {@code badRow} (0-based). */
    private static String rows(int count, int badRow, String bad) {
        StringBuilder text = new StringBuilder("id,note,score\n");
        for (int i = 0; i < count; i++) {
            if (i == badRow) {
                text.append(bad);
            } else if (i % 3 == 0) {
                text.append(i)
                        .append(",\"first line,\nsecond \"\"line\"\"\",")
                        .append(i % 7)
                        .append('\n');
            } else {
                text.append(i).append(",plain,").append(i % 7).append('\n');
            }
        }
        return text.toString();
    }

    private static long lineOf(String text, String marker) {
        int at = text.indexOf(marker);
        return text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private ComputedStatistics compute(String text, BadRecords policy, int threads, long chunkBytes)
            throws IOException {
        Path file = dir.resolve("data.csv");
        Files.writeString(file, text, UTF_8);
        return new CsvStatistics(
                        CsvOptions.DEFAULT.withBadRecords(policy),
                        StatisticsOptions.DEFAULT,
                        threads,
                        Progress.NONE,
                        chunkBytes)
                .compute(List.of(file), "");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 13, 64, 1000, 1 << 20})
    void aRaggedRowDeepInTheFileIsReportedAtItsLine(long chunkBytes) {
        String text = rows(600, 451, "451,ragged\n");
        long line = lineOf(text, "451,ragged");

        assertThatThrownBy(() -> compute(text, BadRecords.FAIL, 4, chunkBytes))
                .isInstanceOf(InputException.class)
                .hasMessage(dir.resolve("data.csv") + ":" + line + ":3: expected 3 fields as in the header, found 2")
                .extracting(e -> ((InputException) e).errorCode())
                .isEqualTo(ErrorCode.CSV_RAGGED_ROW);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 64, 1 << 20})
    void anUnterminatedQuoteIsReportedWhereItOpens(long chunkBytes) {
        String text = rows(300, 299, "299,\"never closed,1\n");
        long line = lineOf(text, "299,\"never");

        assertThatThrownBy(() -> compute(text, BadRecords.FAIL, 3, chunkBytes))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(dir.resolve("data.csv") + ":" + line + ":2 (note): expected a closing quote");
    }

    @Test
    void skippedRowsAreCountedOnceWhateverTheChunks() throws IOException {
        StringBuilder text = new StringBuilder(rows(500, -1, ""));
        text.append("1,2\n").append("1,2,3,4\n").append("5,\"x\"y,6\n");
        for (long chunkBytes : new long[] {1, 17, 256, 1 << 20}) {
            ComputedStatistics result = compute(text.toString(), BadRecords.SKIP, 4, chunkBytes);
            assertThat(result.skippedRecords())
                    .as("chunks of %d bytes", chunkBytes)
                    .isEqualTo(3);
            assertThat(result.statistics().getDatasets(0).getNumExamples()).isEqualTo(500);
        }
    }

    private ComputedStatistics computeGzip(String text, BadRecords policy, int threads, long blockBytes)
            throws IOException {
        Path file = dir.resolve("data.csv.gz");
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(UTF_8));
        }
        return new CsvStatistics(
                        CsvOptions.DEFAULT.withBadRecords(policy),
                        StatisticsOptions.DEFAULT,
                        threads,
                        Progress.NONE,
                        blockBytes)
                .compute(List.of(file), "");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 13, 64, 1000, 1 << 20})
    void aRaggedRowDeepInAGzipFileReadOnManyThreadsIsReportedAtItsLine(long blockBytes) {
        String text = rows(600, 451, "451,ragged\n") + "452,ragged\n" + "453,\"never closed,1\n";
        long line = lineOf(text, "451,ragged");

        assertThatThrownBy(() -> computeGzip(text, BadRecords.FAIL, 3, blockBytes))
                .isInstanceOf(InputException.class)
                .hasMessage(
                        dir.resolve("data.csv.gz") + ":" + line + ":3: expected 3 fields as in the header, found 2");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 64, 1 << 20})
    void anUnterminatedQuoteInAGzipFileIsReportedWhereItOpens(long blockBytes) {
        String text = rows(300, 299, "299,\"never closed,1\n");
        long line = lineOf(text, "299,\"never");

        assertThatThrownBy(() -> computeGzip(text, BadRecords.FAIL, 2, blockBytes))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(
                        dir.resolve("data.csv.gz") + ":" + line + ":2 (note): expected a closing quote");
    }

    @Test
    void skippedRowsOfAGzipFileAreCountedOnceWhateverTheBlocks() throws IOException {
        StringBuilder text = new StringBuilder(rows(500, -1, ""));
        text.append("1,2\n").append("1,2,3,4\n").append("5,\"x\"y,6\n");
        for (long blockBytes : new long[] {1, 17, 256, 1 << 20}) {
            ComputedStatistics result = computeGzip(text.toString(), BadRecords.SKIP, 4, blockBytes);
            assertThat(result.skippedRecords())
                    .as("blocks of %d bytes", blockBytes)
                    .isEqualTo(3);
            assertThat(result.statistics().getDatasets(0).getNumExamples()).isEqualTo(500);
        }
    }

    @Test
    void aCorruptGzipFileIsAnInputErrorNamingTheFile() throws IOException {
        Path file = dir.resolve("data.csv.gz");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(rows(5000, -1, "").getBytes(UTF_8));
        }
        byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
        Files.write(file, cut);

        assertThatThrownBy(() -> new CsvStatistics(CsvOptions.DEFAULT, StatisticsOptions.DEFAULT, 2, Progress.NONE, 256)
                        .compute(List.of(file), ""))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": expected a complete gzip stream");
    }

    @Test
    void filesWithDifferentHeadersAreRejectedNamingTheFile() throws IOException {
        Path a = Files.writeString(dir.resolve("a.csv"), "x,y\n1,2\n", UTF_8);
        Path b = Files.writeString(dir.resolve("b.csv"), "x,z\n1,2\n", UTF_8);

        assertThatThrownBy(() ->
                        new CsvStatistics(CsvOptions.DEFAULT, StatisticsOptions.DEFAULT, 2).compute(List.of(a, b), ""))
                .isInstanceOf(InputException.class)
                .hasMessage(b + ":1: expected the header of " + a + " (x,y), found (x,z)");
    }
}
