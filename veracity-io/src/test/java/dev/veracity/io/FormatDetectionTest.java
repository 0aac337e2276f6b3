package dev.veracity.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.InputException;
import dev.veracity.io.tfrecord.TfRecordWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatDetectionTest {
    @TempDir
    Path dir;

    private Path tfRecord(String name, boolean gzip) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream out = gzip ? new GZIPOutputStream(raw) : raw) {
            new TfRecordWriter(out).write(new byte[] {10, 0});
        }
        return file;
    }

    @Test
    void signaturesWinOverNames() throws IOException {
        assertThat(FormatDetection.detect(Files.writeString(dir.resolve("a.csv"), "PAR1xxxx")))
                .isEqualTo(DataFormat.PARQUET);
        assertThat(FormatDetection.detect(Files.write(dir.resolve("part-0"), new byte[] {'O', 'b', 'j', 1})))
                .isEqualTo(DataFormat.AVRO);
        assertThat(FormatDetection.detect(tfRecord("part-00000", false))).isEqualTo(DataFormat.TFRECORD);
        assertThat(FormatDetection.detect(tfRecord("data_tfrecord-00000-of-00001.gz", true)))
                .isEqualTo(DataFormat.TFRECORD);
    }

    @Test
    void namesThenContentDecideTheRest() throws IOException {
        assertThat(FormatDetection.detect(Files.writeString(dir.resolve("a.jsonl"), "x,y\n")))
                .isEqualTo(DataFormat.JSONL);
        assertThat(FormatDetection.detect(Files.writeString(dir.resolve("b"), "  {\"a\": 1}\n")))
                .isEqualTo(DataFormat.JSONL);
        assertThat(FormatDetection.detect(Files.writeString(dir.resolve("c"), "a,b\n1,2\n")))
                .isEqualTo(DataFormat.CSV);
        assertThat(FormatDetection.detect(Files.writeString(dir.resolve("empty"), "")))
                .isEqualTo(DataFormat.CSV);
    }

    @Test
    void aSqliteDatabaseIsPointedToJdbc() throws IOException {
        Path db = Files.write(dir.resolve("x.db"), "SQLite format 3\0rest".getBytes());
        assertThatThrownBy(() -> FormatDetection.detect(db))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("jdbc:sqlite:" + db);
    }

    @Test
    void theFormatOptionOverridesDetection() throws IOException {
        Path file = Files.writeString(dir.resolve("a.csv"), "x\n1\n");
        assertThat(ReadOptions.DEFAULT.withFormat(DataFormat.JSONL).formatOf(file))
                .isEqualTo(DataFormat.JSONL);
        assertThatThrownBy(() -> DataFormat.named("orc"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--format: expected one of csv, jsonl, parquet, avro, tfrecord, found 'orc'");
    }

    @Test
    void aDirectoryIsItsPartFiles() throws IOException {
        Path parts = Files.createDirectory(dir.resolve("out"));
        Files.writeString(parts.resolve("part-1.csv"), "x\n1\n");
        Files.writeString(parts.resolve("part-0.csv"), "x\n1\n");
        Files.writeString(parts.resolve("_SUCCESS"), "");
        Files.writeString(parts.resolve(".part-0.csv.crc"), "");
        assertThat(InputPaths.expand(List.of(parts.toString())))
                .containsExactly(parts.resolve("part-0.csv"), parts.resolve("part-1.csv"));
    }
}
