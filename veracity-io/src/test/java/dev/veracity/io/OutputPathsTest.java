package dev.veracity.io;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPathsTest {
    @TempDir
    Path dir;

    @Test
    void refusesAnOutputThatIsAnInput() throws IOException {
        Path data = Files.writeString(dir.resolve("d.json"), "{}");
        assertThatThrownBy(() -> OutputPaths.refuseOverwrite(List.of(data), List.of(dir.resolve("./d.json"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("d.json: expected an output file other than the input");
    }

    @Test
    void refusesAnOutputThatLinksToAnInput() throws IOException {
        Path data = Files.writeString(dir.resolve("e.csv"), "a\n1\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), data.getFileName());
        assertThatThrownBy(() -> OutputPaths.refuseOverwrite(List.of(data), List.of(link)))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> OutputPaths.refuseOverwrite(List.of(link), List.of(data)))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void refusesAnOutputThroughALinkedDirectory() throws IOException {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path data = Files.writeString(real.resolve("e.csv"), "a\n1\n");
        Path alias = Files.createSymbolicLink(dir.resolve("alias"), real);
        assertThatThrownBy(() -> OutputPaths.refuseOverwrite(List.of(data), List.of(alias.resolve("e.csv"))))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void refusesAHardLinkToAnInput() throws IOException {
        Path data = Files.writeString(dir.resolve("e.csv"), "a\n1\n");
        Path hard = Files.createLink(dir.resolve("hard.csv"), data);
        assertThatThrownBy(() -> OutputPaths.refuseOverwrite(List.of(data), List.of(hard)))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void refusesTwoOutputsThatAreOneFile() {
        assertThatThrownBy(() -> OutputPaths.refuseOverwrite(
                        List.of(), List.of(dir.resolve("out.csv"), dir.resolve("sub/../out.csv"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("expected a different file for each output");
    }

    @Test
    void acceptsDistinctFilesAndSkipsAbsentOptions() throws IOException {
        Path data = Files.writeString(dir.resolve("d.csv"), "a\n1\n");
        assertThatCode(() -> OutputPaths.refuseOverwrite(
                        Arrays.asList(data, null),
                        Arrays.asList(dir.resolve("d.pb"), null, dir.resolve("report.json"))))
                .doesNotThrowAnyException();
    }

    @Test
    void commandLineInputsSkipQueries() {
        assertThatCode(() -> OutputPaths.refuseOverwrite(List.of("jdbc:sqlite:runs.db"), dir.resolve("runs.db")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() ->
                        OutputPaths.refuseOverwrite(List.of(dir.resolve("a.csv").toString()), dir.resolve("a.csv")))
                .isInstanceOf(ConfigException.class);
    }
}
