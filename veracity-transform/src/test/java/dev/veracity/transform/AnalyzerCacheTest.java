package dev.veracity.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.ReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fit with the analyzer cache equals one without, byte for byte, and reads only the spans not seen before. */
class AnalyzerCacheTest {
    private static final String SPEC = TransformPathsTest.EVERY_OP;

    @TempDir
    Path dir;

    @Test
    void aRollingWindowReadsOnlyTheNewSpanAndEqualsAFitWithoutCache() throws IOException {
        Path first = TransformPathsTest.data(dir, "span-1.csv", 1, 3000);
        Path second = TransformPathsTest.data(dir, "span-2.csv", 2, 2500);
        Path third = TransformPathsTest.data(dir, "span-3.csv", 3, 2000);
        TransformSpec spec = TransformSpec.parse(dir.resolve("spec.yaml"), SPEC);
        Path cache = dir.resolve("cache");

        TransformFit.Fitted warm =
                TransformFit.fitWithSummary(spec, List.of(first, second), ReadOptions.DEFAULT, Optional.of(cache));
        assertThat(warm.summary().analyzedFiles()).isEqualTo(2);
        assertThat(warm.summary().cachedFiles()).isZero();

        TransformFit.Fitted rolled = TransformFit.fitWithSummary(
                spec, List.of(first, second, third), ReadOptions.DEFAULT, Optional.of(cache));
        assertThat(rolled.summary().analyzedFiles()).isEqualTo(1);
        assertThat(rolled.summary().cachedFiles()).isEqualTo(2);

        TransformFit.Fitted plain =
                TransformFit.fitWithSummary(spec, List.of(first, second, third), ReadOptions.DEFAULT);
        assertThat(plain.summary().rows()).isEqualTo(7500);
        TransformDirectory.write(rolled.fn(), rolled.summary(), dir.resolve("cached-tf"));
        TransformDirectory.write(plain.fn(), plain.summary(), dir.resolve("plain-tf"));
        assertSameFiles(dir.resolve("cached-tf"), dir.resolve("plain-tf"));

        // the window moves on: span 1 leaves, span 2 and 3 come from the cache
        TransformFit.Fitted moved =
                TransformFit.fitWithSummary(spec, List.of(second, third), ReadOptions.DEFAULT, Optional.of(cache));
        assertThat(moved.summary().analyzedFiles()).isZero();
        assertThat(moved.fn().constants())
                .isEqualTo(TransformFit.fit(spec, List.of(second, third), ReadOptions.DEFAULT)
                        .constants());
    }

    @Test
    void aChangedSpanOrADamagedEntryIsAnalyzedAgain() throws IOException {
        Path span = TransformPathsTest.data(dir, "span.csv", 4, 500);
        TransformSpec spec = TransformSpec.parse(dir.resolve("spec.yaml"), SPEC);
        Path cache = dir.resolve("cache");
        TransformFit.fitWithSummary(spec, List.of(span), ReadOptions.DEFAULT, Optional.of(cache));
        try (Stream<Path> entries = Files.list(cache)) {
            for (Path entry : entries.toList()) {
                Files.write(entry, new byte[] {1, 2, 3});
            }
        }
        TransformFit.Fitted again =
                TransformFit.fitWithSummary(spec, List.of(span), ReadOptions.DEFAULT, Optional.of(cache));
        assertThat(again.summary().analyzedFiles()).isEqualTo(1);
        assertThat(again.fn().constants())
                .isEqualTo(TransformFit.fit(spec, List.of(span), ReadOptions.DEFAULT)
                        .constants());

        TransformPathsTest.data(dir, "span.csv", 5, 500); // new content under the same name
        TransformFit.Fitted changed =
                TransformFit.fitWithSummary(spec, List.of(span), ReadOptions.DEFAULT, Optional.of(cache));
        assertThat(changed.summary().analyzedFiles()).isEqualTo(1);
        TransformSpec other = TransformSpec.parse(dir.resolve("spec.yaml"), SPEC.replace("top_k: 4", "top_k: 3"));
        assertThat(TransformFit.fitWithSummary(other, List.of(span), ReadOptions.DEFAULT, Optional.of(cache))
                        .summary()
                        .analyzedFiles())
                .isEqualTo(1);
    }

    private static void assertSameFiles(Path a, Path b) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(a)) {
            files = walk.filter(Files::isRegularFile)
                    .map(a::relativize)
                    .sorted()
                    .toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(Files.readAllBytes(b.resolve(file)))
                    .as(file.toString())
                    .isEqualTo(Files.readAllBytes(a.resolve(file)));
        }
    }
}
