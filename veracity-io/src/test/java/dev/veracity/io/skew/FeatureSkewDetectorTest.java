package dev.veracity.io.skew;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.Progress;
import dev.veracity.io.table.TableOptions;
import dev.veracity.skew.ConfusionCount;
import dev.veracity.skew.FeatureSkew;
import dev.veracity.skew.FeatureSkewReport;
import dev.veracity.skew.MatchStats;
import dev.veracity.skew.SkewOptions;
import dev.veracity.skew.SkewPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureSkewDetectorTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static FeatureSkew feature(FeatureSkewReport report, String name) {
        return report.featureSkew().stream()
                .filter(f -> f.featureName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private FeatureSkewReport detect(Path training, Path serving, SkewOptions options, int partitions)
            throws IOException {
        return FeatureSkewDetector.detect(
                training, serving, options, TableOptions.DEFAULT, dir, Progress.NONE, partitions);
    }

    @Nested
    class ComparesValues {
        @Test
        void numbersAcrossTypesSignedZerosAndNaNs() throws IOException {
            Path training = write("t.csv", "id,x,y,z\n1,-0.0,NaN,7\n2,3,1.5,8\n3,4,2.5,9\n");
            Path serving = write("s.csv", "id,x,y,z\n1,0,nan,7.0\n2,3.0,1.5000001,8\n3,4.5,2.5,abc\n");
            for (int partitions : new int[] {1, 2}) {
                FeatureSkewReport report = detect(training, serving, SkewOptions.of(List.of("id")), partitions);
                assertThat(feature(report, "x")).isEqualTo(new FeatureSkew("x", 3, 3, 2, 0, 0, 1, 1));
                assertThat(feature(report, "y")).isEqualTo(new FeatureSkew("y", 3, 3, 2, 0, 0, 1, 1));
                assertThat(feature(report, "z")).isEqualTo(new FeatureSkew("z", 3, 3, 2, 0, 0, 1, 1)); // 7 = "7.0"
            }
            FeatureSkewReport rounded =
                    detect(training, serving, SkewOptions.of(List.of("id")).withFloatRoundDigits(3), 1);
            assertThat(feature(rounded, "y").matchCount()).isEqualTo(3);
        }

        @Test
        void jsonLinesListsInOrderAndACompositeKeyAcrossTypes() throws IOException {
            Path training = write("t.jsonl", """
                    {"user": "a", "day": 1, "tags": ["x", "y"], "n": [1, 2]}
                    {"user": "a", "day": 2, "tags": ["x"], "n": []}
                    {"user": "b", "day": 1, "tags": null, "n": [3]}
                    {"user": "b", "tags": ["z"]}
                    """);
            Path serving = write("s.jsonl", """
                    {"user": "a", "day": 1.0, "tags": ["y", "x"], "n": [1.0, 2.0]}
                    {"user": "a", "day": 2, "tags": ["x"], "n": []}
                    {"user": "b", "day": 1, "tags": ["q"], "n": [3]}
                    """);
            FeatureSkewReport report = detect(
                    training, serving, SkewOptions.of(List.of("user", "day")).withSampleSize(5), 3);
            assertThat(report.matchStats()).isEqualTo(new MatchStats(3, 3, 3, 0, 0, 3, 0, 1, 0));
            assertThat(feature(report, "tags")).isEqualTo(new FeatureSkew("tags", 2, 3, 1, 0, 1, 1, 2));
            assertThat(feature(report, "n")).isEqualTo(new FeatureSkew("n", 3, 3, 3, 0, 0, 0, 0));
            assertThat(report.skewPairs())
                    .extracting(SkewPair::identifier)
                    .containsExactly(List.of("a", "1"), List.of("b", "1"));
            assertThat(report.skewPairs().get(1).testOnlyFeatures()).containsExactly("tags");
            assertThat(report.confusionCounts()).isEmpty(); // the one mismatch is of two-value lists
        }
    }

    @Nested
    class Joins {
        @Test
        void duplicatesAreCountedAndNotCompared() throws IOException {
            Path training = write("t.csv", "id,x\n1,a\n1,b\n2,c\n3,d\n");
            Path serving = write("s.csv", "id,x\n1,a\n2,c\n2,c\n3,e\n,f\n");
            FeatureSkewReport report = detect(training, serving, SkewOptions.of(List.of("id")), 1);
            assertThat(report.matchStats()).isEqualTo(new MatchStats(4, 4, 3, 0, 0, 1, 2, 0, 1));
            assertThat(feature(report, "x")).isEqualTo(new FeatureSkew("x", 1, 1, 0, 0, 0, 1, 1));
            assertThat(report.confusionCounts()).containsExactly(new ConfusionCount("x", "d", "e", 1));
            assertThat(report.hasSkew()).isTrue();
        }

        @Test
        void aMissingIdentifierColumnIsNamedWithTheFile() throws IOException {
            Path training = write("t.csv", "id,x\n1,a\n");
            Path serving = write("s.csv", "key,x\n1,a\n");
            assertThatThrownBy(() -> detect(training, serving, SkewOptions.of(List.of("id")), 2))
                    .isInstanceOfSatisfying(
                            InputException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SKEW_IDENTIFIER_NOT_FOUND))
                    .hasMessage(serving + ": expected identifier feature 'id' (--key), found only [key, x]");
            try (var files = Files.list(dir)) {
                assertThat(files).hasSize(2); // no spill directory left behind
            }
        }

        @Test
        void anUnwritableSpillDirectoryIsAnInputError() throws IOException {
            Path training = write("t.csv", "id,x\n1,a\n");
            SkewOptions options = SkewOptions.of(List.of("id"));
            assertThatThrownBy(() -> FeatureSkewDetector.detect(
                            training, training, options, TableOptions.DEFAULT, dir.resolve("absent"), Progress.NONE, 2))
                    .isInstanceOfSatisfying(
                            InputException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FILE_UNWRITABLE))
                    .hasMessageStartingWith(dir.resolve("absent") + ": expected a writable directory");
        }

        @Test
        void gzipCsvIsRejected() throws IOException {
            Path training = write("t.csv", "id,x\n1,a\n");
            Path serving = dir.resolve("s.csv.gz");
            try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(serving))) {
                out.write("id,x\n1,a\n".getBytes(StandardCharsets.UTF_8));
            }
            assertThatThrownBy(() -> detect(training, serving, SkewOptions.of(List.of("id")), 1))
                    .isInstanceOfSatisfying(
                            InputException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_FILE_FORMAT))
                    .hasMessageStartingWith(serving + ": expected a plain CSV file, found gzip");
        }

        @Test
        void partitionsGrowWithInputAndShrinkWithHeap() {
            assertThat(FeatureSkewDetector.choosePartitions(0, 1 << 30)).isEqualTo(1);
            assertThat(FeatureSkewDetector.choosePartitions(10L << 20, 2L << 30))
                    .isEqualTo(1);
            assertThat(FeatureSkewDetector.choosePartitions(100L << 20, 2L << 30))
                    .isEqualTo(7);
            assertThat(FeatureSkewDetector.choosePartitions(100L << 20, 64L << 20))
                    .isEqualTo(25);
            assertThat(FeatureSkewDetector.choosePartitions(1L << 40, 256L << 20))
                    .isEqualTo(FeatureSkewDetector.MAX_PARTITIONS);
        }
    }
}
