package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.TextFormat;
import dev.veracity.io.StatisticsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code veracity convert} and {@code veracity stats} on the new formats, end to end through the CLI. */
class ConvertCommandTest {
    @TempDir
    Path dir;

    private Path csv() throws IOException {
        return Files.writeString(dir.resolve("in.csv"), "id,score,name\n1,0.5,a\n2,,\"b,c\"\n3,2.25,\n");
    }

    private String statsText(String... args) throws IOException {
        Path out = dir.resolve("s" + System.nanoTime() + ".pb");
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "-o";
        all[args.length + 1] = out.toString();
        CommandRun run = CommandRun.of(all);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return TextFormat.printer().printToString(StatisticsFiles.read(out));
    }

    @Test
    void csvToTfRecordAndBackKeepsTheStatistics() throws IOException {
        Path csv = csv();
        Path tfrecord = dir.resolve("out.tfrecord.gz");
        CommandRun toTf = CommandRun.of("convert", csv.toString(), "-o", tfrecord.toString());
        assertThat(toTf.exitCode()).as(toTf.err()).isZero();
        assertThat(toTf.err()).contains("3 examples -> " + tfrecord);
        Path back = dir.resolve("back.csv");
        assertThat(CommandRun.of("convert", tfrecord.toString(), "-o", back.toString())
                        .exitCode())
                .isZero();
        Path jsonl = dir.resolve("back.jsonl");
        assertThat(CommandRun.of("convert", tfrecord.toString(), "-o", jsonl.toString())
                        .exitCode())
                .isZero();
        assertThat(Files.readString(jsonl)).isEqualTo("""
                {"id":1,"score":0.5,"name":"a"}
                {"id":2,"name":"b,c"}
                {"id":3,"score":2.25}
                """);
        String expected = statsText("stats", csv.toString());
        assertThat(statsText("stats", tfrecord.toString())).isEqualTo(expected);
        assertThat(statsText("stats", back.toString())).isEqualTo(expected);
        assertThat(statsText("stats", jsonl.toString())).isEqualTo(expected);
    }

    @Test
    void aCorruptTfRecordExitsTwoNamingTheOffset() throws IOException {
        Path tfrecord = dir.resolve("x.tfrecord");
        assertThat(CommandRun.of("convert", csv().toString(), "-o", tfrecord.toString())
                        .exitCode())
                .isZero();
        byte[] bytes = Files.readAllBytes(tfrecord);
        bytes[bytes.length - 1] ^= 1; // the last record's data checksum
        Files.write(tfrecord, bytes);
        CommandRun run = CommandRun.of(
                "stats", tfrecord.toString(), "-o", dir.resolve("o.pb").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains(tfrecord + ": record at byte offset ")
                .contains("expected the data checksum")
                .doesNotContain("\tat ");
        CommandRun skip = CommandRun.of(
                "stats",
                tfrecord.toString(),
                "--bad-records",
                "skip",
                "-o",
                dir.resolve("o.pb").toString());
        assertThat(skip.exitCode()).as(skip.err()).isZero();
        assertThat(skip.err()).contains("skipped 1 malformed record(s)").contains("2 examples");
    }

    @Test
    void aListCannotBeWrittenToCsv() throws IOException {
        Path jsonl = Files.writeString(dir.resolve("l.jsonl"), "{\"t\":[1,2]}\n");
        CommandRun run = CommandRun.of(
                "convert", jsonl.toString(), "-o", dir.resolve("l.csv").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("example 1, feature t: expected one value per CSV cell, found 2 values");
        assertThat(dir.resolve("l.csv")).doesNotExist();
    }

    @Test
    void statsReadsAQueryAndAFormatOverride() throws Exception {
        Path db = dir.resolve("r.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE r (id INTEGER, score REAL, name TEXT)");
            statement.execute("INSERT INTO r VALUES (1, 0.5, 'a'), (2, NULL, 'b,c'), (3, 2.25, NULL)");
        }
        String expected = statsText("stats", csv().toString());
        assertThat(statsText("stats", "jdbc:sqlite:" + db, "--query", "SELECT * FROM r", "--fetch-size", "2"))
                .isEqualTo(expected);
        Path noExtension = Files.copy(csv(), dir.resolve("data"));
        assertThat(statsText("stats", noExtension.toString(), "--format", "csv"))
                .isEqualTo(expected);
        CommandRun missing = CommandRun.of(
                "stats", "jdbc:sqlite:" + db, "-o", dir.resolve("o.pb").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("expected --query");
    }
}
