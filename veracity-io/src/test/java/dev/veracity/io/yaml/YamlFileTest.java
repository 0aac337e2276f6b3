package dev.veracity.io.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlFileTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("checks.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void nodesKnowTheirLineAndColumn() throws IOException {
        Path file =
                write("checks:\n  - {feature: fare, metric: mean, min: 5}\n  - metric: num_examples\n    min: 1e3\n");
        YamlNode root = YamlFile.read(file, "a checks file");
        List<YamlNode> checks = root.required("checks").elements();
        assertThat(checks).hasSize(2);
        assertThat(checks.get(0).required("feature").string()).isEqualTo("fare");
        assertThat(checks.get(0).required("min").number()).isEqualTo(5.0);
        assertThat(checks.get(0).required("min").integer()).isEqualTo(5L);
        assertThat(checks.get(1).required("min").number()).isEqualTo(1000.0);
        assertThat(checks.get(1).required("metric").where()).isEqualTo(file + ":3:13");
        assertThat(checks.get(0).where()).isEqualTo(file + ":2:5");
    }

    @Test
    void aWrongTypeNamesThePlace() throws IOException {
        Path file = write("checks:\n  - {feature: fare, min: five}\n");
        YamlNode check = YamlFile.read(file, "a checks file")
                .required("checks")
                .elements()
                .get(0);
        assertThatThrownBy(() -> check.required("min").number())
                .isInstanceOf(InputException.class)
                .hasMessage(file + ":2:26: expected a number, found \"five\"");
        assertThatThrownBy(() -> check.required("metric"))
                .hasMessage(file + ":2:5: expected the key \"metric\", found none");
        assertThatThrownBy(() -> check.required("feature").elements())
                .hasMessage(file + ":2:15: expected a list, found \"fare\"");
    }

    @Test
    void anUnknownKeyNamesTheCloseOnes() throws IOException {
        Path file = write("checks:\n  - feature: fare\n    metirc: mean\n");
        YamlNode check = YamlFile.read(file, "a checks file")
                .required("checks")
                .elements()
                .get(0);
        assertThatThrownBy(() -> check.allowKeys(List.of("feature", "metric", "min", "max")))
                .hasMessage(file + ":3:5: expected a known key, found \"metirc\"; did you mean metric?");
        assertThatThrownBy(() -> check.allowKeys(List.of("feature", "zzz")))
                .hasMessage(file + ":3:5: expected one of feature, zzz, found \"metirc\"");
    }

    @Test
    void syntaxErrorsAndDuplicatesAreOneLineWithAPosition() throws IOException {
        Path bad = write("checks:\n  - {feature: fare\n");
        assertThatThrownBy(() -> YamlFile.read(bad, "a checks file"))
                .isInstanceOf(InputException.class)
                .message()
                .startsWith(bad + ":")
                .contains("expected YAML, found")
                .doesNotContain("\n");
        Path twice = write("a: 1\na: 2\n");
        assertThatThrownBy(() -> YamlFile.read(twice, "a checks file"))
                .hasMessageContaining(":2:1: expected each key once in a mapping, found \"a\" again");
    }

    @Test
    void missingDirectoryAndNonUtf8FilesAreInputErrors() throws IOException {
        assertThatThrownBy(() -> YamlFile.read(dir.resolve("none.yaml"), "a checks file"))
                .hasMessage(dir.resolve("none.yaml") + ": expected a checks file, found none");
        assertThatThrownBy(() -> YamlFile.read(dir, "a checks file"))
                .hasMessage(dir + ": expected a checks file, found a directory");
        Path latin = dir.resolve("latin.yaml");
        Files.write(latin, new byte[] {'a', ':', ' ', (byte) 0xe9});
        assertThatThrownBy(() -> YamlFile.read(latin, "a checks file")).hasMessageContaining("expected UTF-8 YAML");
    }

    @Test
    void anEmptyFileIsAnEmptyMappingAndSpecialFloatsParse() throws IOException {
        assertThat(YamlFile.read(write(""), "x").keys()).isEmpty();
        YamlNode root = YamlFile.read(write("a: .inf\nb: -.inf\nc: ~\nd: [x, 'y']\ne: true\n"), "x");
        assertThat(root.required("a").number()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(root.required("b").number()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(root.required("c").isNull()).isTrue();
        assertThat(root.required("d").strings()).containsExactly("x", "y");
        assertThat(root.required("e").bool()).isTrue();
        assertThat(root.keys()).containsExactly("a", "b", "c", "d", "e");
    }
}
