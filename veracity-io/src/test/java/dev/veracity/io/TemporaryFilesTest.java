package dev.veracity.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryFilesTest {
    @TempDir
    Path dir;

    @Test
    void deleteAllRemovesRegisteredFilesAndDirectories() throws IOException {
        Path file = TemporaryFiles.register(Files.writeString(dir.resolve("a.tmp"), "x"));
        Path spill = TemporaryFiles.register(Files.createDirectory(dir.resolve("spill")));
        Files.writeString(Files.createDirectory(spill.resolve("part")).resolve("0"), "y");
        TemporaryFiles.deleteAll();
        assertThat(file).doesNotExist();
        assertThat(spill).doesNotExist();
        assertThat(TemporaryFiles.live()).doesNotContain(file.toAbsolutePath(), spill.toAbsolutePath());
    }

    @Test
    void anUnregisteredFileIsKept() throws IOException {
        Path file = TemporaryFiles.register(Files.writeString(dir.resolve("kept"), "x"));
        TemporaryFiles.unregister(file);
        TemporaryFiles.deleteAll();
        assertThat(file).exists();
    }
}
