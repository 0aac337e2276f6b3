package dev.veracity.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.data.RecordBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderProgressTest {
    record Update(String phase, long done, long total) {}

    @Test
    void reportsBothPassesInBytesOfTheFile(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("id,name\n");
        int rows = 3 * CsvRows.PROGRESS_INTERVAL + 7;
        for (int i = 0; i < rows; i++) {
            csv.append(i).append(",name").append(i % 13).append('\n');
        }
        Path file = dir.resolve("p.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        List<Update> updates = new ArrayList<>();

        long total = 0;
        try (CsvReader reader = CsvReader.open(
                file, CsvOptions.DEFAULT, (phase, done, size) -> updates.add(new Update(phase, done, size)))) {
            for (Optional<RecordBatch> b = reader.next(); b.isPresent(); b = reader.next()) {
                total += b.get().rowCount();
            }
        }

        assertThat(total).isEqualTo(rows);
        assertThat(updates)
                .extracting(Update::phase)
                .containsExactly(
                        "inferring column types",
                        "inferring column types",
                        "inferring column types",
                        "computing statistics",
                        "computing statistics",
                        "computing statistics");
        long size = Files.size(file);
        assertThat(updates).allSatisfy(u -> {
            assertThat(u.total()).isEqualTo(size);
            assertThat(u.done()).isBetween(1L, size);
        });
        assertThat(updates.get(1).done()).isGreaterThan(updates.get(0).done());
    }
}
