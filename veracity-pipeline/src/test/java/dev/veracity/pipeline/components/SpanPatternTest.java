package dev.veracity.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.InputException;
import dev.veracity.pipeline.ExternalFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TFX's span, version and date placeholders in input paths. */
class SpanPatternTest {
    @TempDir
    Path dir;

    private void touch(String... relative) throws Exception {
        for (String path : relative) {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, path);
        }
    }

    private List<String> resolve(String pattern, OptionalLong span) throws Exception {
        return SpanPattern.parse(dir + "/" + pattern).resolve(span).stream()
                .map(f -> dir.relativize(f.path()) + "@" + f.span() + "/" + f.version())
                .toList();
    }

    @Test
    void picksTheLatestSpanAndItsLatestVersion() throws Exception {
        touch(
                "span-1/v1/a.csv",
                "span-2/v1/a.csv",
                "span-2/v1/b.csv",
                "span-2/v3/a.csv",
                "span-10/v0/a.txt",
                "span-02/v9/x.csv");
        assertThat(resolve("span-{SPAN}/v{VERSION}/*.csv", OptionalLong.empty()))
                .containsExactly("span-02/v9/x.csv@2/9");
        assertThat(resolve("span-{SPAN}/v1/*.csv", OptionalLong.empty()))
                .containsExactly("span-2/v1/a.csv@2/-1", "span-2/v1/b.csv@2/-1");
        assertThat(resolve("span-{SPAN}/v1/*.csv", OptionalLong.of(1))).containsExactly("span-1/v1/a.csv@1/-1");
        assertThat(resolve("span-{SPAN:2}/*/*.csv", OptionalLong.empty())).containsExactly("span-02/v9/x.csv@2/-1");
        assertThat(resolve("**.csv", OptionalLong.empty())).hasSize(5).allMatch(s -> s.endsWith("@0/-1"));
    }

    @Test
    void aDateIsTheSpanOfDaysSinceTheEpoch() throws Exception {
        touch("2024/01/31/a.jsonl", "2024/02/01/a.jsonl", "2023/12/31/a.jsonl");
        List<ExternalFile> files =
                SpanPattern.parse(dir + "/{YYYY}/{MM}/{DD}/*.jsonl").resolve(OptionalLong.empty());
        assertThat(files).singleElement().satisfies(f -> {
            assertThat(f.span()).isEqualTo(LocalDate.of(2024, 2, 1).toEpochDay());
            assertThat(dir.relativize(f.path()).toString()).isEqualTo("2024/02/01/a.jsonl");
        });
        touch("2024/02/30/a.jsonl");
        assertThatThrownBy(() ->
                        SpanPattern.parse(dir + "/{YYYY}/{MM}/{DD}/*.jsonl").resolve(OptionalLong.empty()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("expected a date in its path")
                .hasMessageContaining("2024-02-30");
    }

    @Test
    void malformedPatternsAndMissingFilesAreErrors() throws Exception {
        assertThatThrownBy(() -> SpanPattern.parse("d/v{VERSION}/*.csv"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("input pattern d/v{VERSION}/*.csv: expected {VERSION} with {SPAN} or a date, found "
                        + "{VERSION} alone");
        assertThatThrownBy(() -> SpanPattern.parse("{SPAN}/{YYYY}{MM}{DD}")).hasMessageContaining("found both");
        assertThatThrownBy(() -> SpanPattern.parse("{YYYY}{MM}")).hasMessageContaining("found only some");
        assertThatThrownBy(() -> SpanPattern.parse("{SPAN}-{SPAN}")).hasMessageContaining("found it twice");
        touch("span-1/a.csv");
        assertThatThrownBy(() -> resolve("span-{SPAN}/*.json", OptionalLong.empty()))
                .isInstanceOf(InputException.class)
                .hasMessageEndingWith("expected files matching this pattern, " + "found none");
        assertThatThrownBy(() -> resolve("span-{SPAN}/*.csv", OptionalLong.of(4)))
                .hasMessageEndingWith("expected files of span 4, found spans [1]");
    }

    @Test
    void aDateSpanIsDaysSince1970AndIsShownAsItsDate() throws Exception {
        touch("2026-12-05/a.csv", "2026-12-06/a.csv", "20261207/b.csv");
        long fifth = LocalDate.of(2026, 12, 5).toEpochDay();
        // TFX's date_to_span_number: days since 1970-01-01, whatever the separators.
        assertThat(fifth).isEqualTo(20_792L);
        assertThat(resolve("{YYYY}-{MM}-{DD}/*.csv", OptionalLong.of(fifth)))
                .containsExactly("2026-12-05/a.csv@" + fifth + "/-1");
        assertThat(resolve("{YYYY}{MM}{DD}/*.csv", OptionalLong.empty()))
                .containsExactly("20261207/b.csv@" + (fifth + 2) + "/-1");
        assertThat(SpanPattern.parse("{YYYY}-{MM}-{DD}/*.csv").isDate()).isTrue();
        assertThat(SpanPattern.parse("span-{SPAN}/*.csv").isDate()).isFalse();
        assertThat(SpanPattern.label(fifth, true)).isEqualTo("2026-12-05");
        assertThat(SpanPattern.label(fifth, false)).isEqualTo("20792");
        assertThat(SpanPattern.parseSpan("2026-12-05", "--span")).isEqualTo(fifth);
        assertThat(SpanPattern.parseSpan(" 7 ", "--span")).isEqualTo(7);
        assertThatThrownBy(() -> SpanPattern.parseSpan("2026-02-30", "--from"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--from: expected a date that exists, found 2026-02-30");
        assertThatThrownBy(() -> SpanPattern.parseSpan("yesterday", "--to"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--to: expected a span number or a date YYYY-MM-DD, found \"yesterday\"");
        assertThatThrownBy(() -> resolve("{YYYY}-{MM}-{DD}/*.csv", OptionalLong.of(fifth + 1 + 10)))
                .isInstanceOf(InputException.class)
                .hasMessageEndingWith("{YYYY}-{MM}-{DD}/*.csv: expected files of span 2026-12-16, found spans "
                        + "[2026-12-05, 2026-12-06]");
    }
}
