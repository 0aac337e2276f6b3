package dev.veracity.io.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.InputException;
import dev.veracity.io.Progress;
import dev.veracity.io.jsonl.JsonLinesOptions;
import dev.veracity.io.jsonl.JsonLinesStatistics;
import dev.veracity.stats.Sampling;
import dev.veracity.stats.StatisticsOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Errors of corrupt compressed input and absurd headers are one line naming the file, on every path. */
class CorruptInputMessagesTest {
    @TempDir
    Path dir;

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String csvRows(int count) {
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 0; i < count; i++) {
            text.append(i).append(",n").append(i * 7919 % 1000).append('\n');
        }
        return text.toString();
    }

    private static void computeCsv(Path file, int threads) throws IOException {
        new CsvStatistics(CsvOptions.DEFAULT, StatisticsOptions.DEFAULT, threads, Progress.NONE, 4096)
                .compute(List.of(file), "");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aTruncatedGzipCsvNamesTheFile(int threads) throws IOException {
        byte[] whole = gzip(csvRows(20_000));
        Path file = Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> computeCsv(file, threads))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": expected a complete gzip stream, found a truncated file")
                .hasMessageNotContaining("\n");
    }

    @Test
    void corruptGzipDataNamesTheFile() throws IOException {
        byte[] bytes = gzip(csvRows(20_000));
        for (int i = 40; i < bytes.length - 20; i += 50) {
            bytes[i] ^= (byte) 0xA5;
        }
        Path file = Files.write(dir.resolve("bad.csv.gz"), bytes);
        assertThatThrownBy(() -> computeCsv(file, 1))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": expected a complete gzip stream, found ");
    }

    @Test
    void aTruncatedGzipJsonLinesFileNamesTheFile() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("{\"id\": ").append(i).append("}\n");
        }
        byte[] whole = gzip(text.toString());
        Path file = Files.write(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> new JsonLinesStatistics(
                                JsonLinesOptions.DEFAULT,
                                StatisticsOptions.DEFAULT,
                                List.of(),
                                100,
                                Sampling.ALL,
                                Progress.NONE,
                                1)
                        .compute(file, ""))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": expected a complete gzip stream, found a truncated file");
    }

    @Test
    void aHugeHeaderNameIsAClearInputError() throws IOException {
        String name = "x".repeat(1 << 20);
        Path file = Files.writeString(dir.resolve("wide.csv"), "id," + name + "\n1,2\n");
        assertThatThrownBy(() -> computeCsv(file, 1))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ":1:2: expected a column name of at most 32767 bytes in the header, found one of "
                        + (1 << 20) + " bytes");
    }
}
