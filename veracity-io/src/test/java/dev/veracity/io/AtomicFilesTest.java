package dev.veracity.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private static void write(Path target, String text) throws IOException {
        AtomicFiles.write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private long temporaries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp"))
                    .count();
        }
    }

    @Test
    void writesThroughASymbolicLink() throws IOException {
        Path real = Files.writeString(dir.resolve("schema-v1.pbtxt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("schema.pbtxt"), real.getFileName());
        write(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
    }

    @Test
    void aNewFileGetsTheModeTheUmaskGivesNotOnlyTheOwners() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path written = dir.resolve("written.pb");
        write(written, "x");
        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void anExistingFileKeepsItsMode() throws IOException {
        Path target = Files.writeString(dir.resolve("shared.pb"), "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-r--"));
        write(target, "new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-rw-r--");
        assertThat(Files.readString(target)).isEqualTo("new");
    }

    @Test
    void aFailedWriteLeavesNeitherTargetNorTemporaryFile() throws IOException {
        Path target = dir.resolve("out.pb");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
                    out.write(new byte[100_000]);
                    throw new IOException("reader failed");
                }))
                .hasMessage("reader failed");
        assertThat(target).doesNotExist();
        assertThat(temporaries()).isZero();
        assertThat(TemporaryFiles.live()).noneMatch(p -> p.startsWith(dir.toAbsolutePath()));
    }

    @Test
    void theTemporaryFileIsRegisteredForShutdownWhileWriting() throws IOException {
        Path target = dir.resolve("out.pb");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
                    assertThat(TemporaryFiles.live())
                            .anyMatch(p -> p.getParent().equals(dir.toAbsolutePath())
                                    && p.getFileName()
                                            .toString()
                                            .startsWith(".out.pb."
                                                    + ProcessHandle.current().pid() + "."));
                    TemporaryFiles.deleteAll();
                    assertThat(temporaries()).isZero();
                    throw new IOException("stopped");
                }))
                .hasMessage("stopped");
        assertThat(target).doesNotExist();
    }

    @Test
    void aTemporaryFileOfAKilledProcessIsRemovedByTheNextWrite() throws IOException {
        // A pid above Linux's maximum (4194304) belongs to no running process.
        Path stale = Files.writeString(dir.resolve(".out.pb.99999999.abc.tmp"), "45 MB of partial output");
        Path live = Files.writeString(
                dir.resolve(".out.pb." + ProcessHandle.current().pid() + ".xyz.tmp"), "busy");
        Path other = Files.writeString(dir.resolve(".other.pb.99999999.abc.tmp"), "not ours to judge");
        write(dir.resolve("out.pb"), "done");
        assertThat(stale).doesNotExist();
        assertThat(live).exists();
        assertThat(other).exists();
    }

    @Test
    void aFullDiskNamesTheFileBeingWritten() {
        java.io.OutputStream full = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        Path target = dir.resolve("out.pb");
        assertThatThrownBy(() -> new AtomicFiles.Named(full, target).write(new byte[10], 0, 10))
                .isInstanceOf(java.nio.file.FileSystemException.class)
                .hasMessage(target + ": No space left on device");
    }
}
