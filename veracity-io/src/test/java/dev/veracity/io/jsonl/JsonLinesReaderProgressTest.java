package dev.veracity.io.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.RecordBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesReaderProgressTest {
    record Update(String phase, long done, long total) {}

    @TempDir
    Path dir;

    @Test
    void reportsBothPassesInBytesOfTheFile() throws IOException {
        StringBuilder text = new StringBuilder();
        int lines = 3 * JsonRecords.PROGRESS_INTERVAL + 7;
        for (int i = 0; i < lines; i++) {
            text.append("{\"id\":")
                    .append(i)
                    .append(",\"name\":\"name")
                    .append(i % 13)
                    .append("\"}\n");
        }
        Path file = Files.writeString(dir.resolve("p.jsonl"), text, StandardCharsets.UTF_8);
        List<Update> updates = new ArrayList<>();

        long total = 0;
        try (JsonLinesReader reader = JsonLinesReader.open(
                file, JsonLinesOptions.DEFAULT, (phase, done, size) -> updates.add(new Update(phase, done, size)))) {
            for (Optional<RecordBatch> b = reader.next(); b.isPresent(); b = reader.next()) {
                total += b.get().rowCount();
            }
        }

        assertThat(total).isEqualTo(lines);
        assertThat(updates)
                .extracting(Update::phase)
                .containsExactly(
                        "inferring column types",
                        "inferring column types",
                        "inferring column types",
                        "inferring column types", // the end of the first pass: all bytes
                        "computing statistics",
                        "computing statistics",
                        "computing statistics");
        long size = Files.size(file);
        assertThat(updates).allSatisfy(u -> {
            assertThat(u.total()).isEqualTo(size);
            assertThat(u.done()).isBetween(1L, size);
        });
        assertThat(updates.get(1).done()).isGreaterThan(updates.get(0).done());
        assertThat(updates.get(3).done()).isEqualTo(size);
    }

    @Test
    void reportsAFileThatChangedBetweenThePasses() throws IOException {
        // Lines of 10 bytes, past the first 1 MiB read of the second pass; when the second pass reports progress,
        // the file is rewritten in place with floats, which its next read sees where the first pass saw integers.
        int lines = 120_000;
        Path file = Files.writeString(dir.resolve("c.jsonl"), "{\"a\":100}\n".repeat(lines));
        String changed = "{\"a\":2.5}\n".repeat(lines);
        assertThatThrownBy(() -> {
                    try (JsonLinesReader reader =
                            JsonLinesReader.open(file, JsonLinesOptions.DEFAULT, (phase, done, size) -> {
                                if (phase.equals("computing statistics")) {
                                    try {
                                        Files.writeString(file, changed);
                                    } catch (IOException e) {
                                        throw new UncheckedIOException(e);
                                    }
                                }
                            })) {
                        for (Optional<RecordBatch> b = reader.next(); b.isPresent(); b = reader.next()) {
                            assertThat(b.get().rowCount()).isPositive();
                        }
                    }
                })
                .isInstanceOfSatisfying(
                        InputException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FILE_UNREADABLE))
                .hasMessageStartingWith(file + ":")
                .hasMessageEndingWith(
                        ": expected \"a\" as in the first pass, found another key or type " + "(the file changed)");
    }
}
