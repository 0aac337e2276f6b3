package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code veracity stats} twice on the same file, with the same options, writes the same bytes, for any --threads. */
class StatsDeterminismTest {
    @TempDir
    Path dir;

    private Path input() throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        StringBuilder text = new StringBuilder("id,distance,route\n");
        for (int r = 0; r < 50_000; r++) {
            text.append(r)
                    .append(',')
                    .append(random.nextGaussian() * 10 + 40)
                    .append(",r")
                    .append(random.nextInt(300))
                    .append('\n');
        }
        return Files.writeString(dir.resolve("runs.csv"), text, StandardCharsets.UTF_8);
    }

    private byte[] stats(Path input, String output, String threads) throws IOException {
        Path out = dir.resolve(output);
        CommandRun run = CommandRun.of("stats", input.toString(), "-o", out.toString(), "--threads", threads);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Files.readAllBytes(out);
    }

    @Test
    void twoRunsWriteIdenticalFiles() throws IOException {
        Path input = input();
        byte[] first = stats(input, "first.pb", "1");
        assertThat(stats(input, "second.pb", "1")).isEqualTo(first);
        assertThat(stats(input, "third.pb", "2")).isEqualTo(first);
    }
}
