package dev.veracity.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a CI cancellation ({@code timeout}, SIGTERM) and a {@code kill -9} leave next to an output. */
class AtomicFilesProcessTest {
    @TempDir
    Path dir;

    private Process startWriter(Path target) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        SlowWriter.class.getName(),
                        target.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("writing");
        return process;
    }

    private List<Path> temporaries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp"))
                    .toList();
        }
    }

    @Test
    void sigtermRemovesTheTemporaryFile() throws Exception {
        Path target = dir.resolve("big.pb");
        Process process = startWriter(target);
        assertThat(temporaries()).hasSize(1);
        process.destroy(); // SIGTERM
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(temporaries()).isEmpty();
        assertThat(target).doesNotExist();
    }

    @Test
    void theNextWriteRemovesWhatKillNineLeft() throws Exception {
        Path target = dir.resolve("big.pb");
        Process process = startWriter(target);
        process.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(temporaries()).hasSize(1);
        AtomicFiles.write(target, out -> out.write('x'));
        assertThat(temporaries()).isEmpty();
        assertThat(Files.readString(target)).isEqualTo("x");
    }
}
