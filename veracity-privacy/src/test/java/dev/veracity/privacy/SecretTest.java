package dev.veracity.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class SecretTest {
    @TempDir
    Path dir;

    @Test
    void aSecretFileLosesItsLineEndOnly() throws IOException {
        Path file = Files.writeString(dir.resolve("key"), "0123456789abcdef\r\n");
        assertThat(Secret.fromFile(file).hashHex("x"))
                .isEqualTo(Secret.of("0123456789abcdef".getBytes()).hashHex("x"));
    }

    @Test
    void aSecretOfMaxBytesIsAcceptedAndOneMoreIsNot() throws IOException {
        Path longest = Files.writeString(dir.resolve("longest"), "k".repeat(Secret.MAX_BYTES) + "\n");
        assertThat(Secret.fromFile(longest).hashHex("x")).hasSize(64);
        Path tooLong = Files.writeString(dir.resolve("long"), "k".repeat(Secret.MAX_BYTES + 1));
        assertThatThrownBy(() -> Secret.fromFile(tooLong))
                .isInstanceOf(ConfigException.class)
                .hasMessage(tooLong + ": expected a secret of at most " + Secret.MAX_BYTES + " bytes, found "
                        + (Secret.MAX_BYTES + 1));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void anEndlessFileIsRefusedAfterReadingABoundedPrefix() {
        assertThatThrownBy(() -> Secret.fromFile(Path.of("/dev/zero")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("/dev/zero: expected a secret of at most " + Secret.MAX_BYTES + " bytes, found more");
    }

    @Test
    void aDirectoryOrAMissingFileIsAnInputErrorNamingIt() {
        assertThatThrownBy(() -> Secret.fromFile(dir))
                .isInstanceOf(InputException.class)
                .hasMessage(dir + ": expected a file, found a directory");
        assertThatThrownBy(() -> Secret.fromFile(dir.resolve("nope")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(dir.resolve("nope") + ": no such file");
    }
}
