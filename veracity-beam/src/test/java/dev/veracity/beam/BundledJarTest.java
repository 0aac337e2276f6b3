package dev.veracity.beam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.veracity.io.StatisticsFiles;
import dev.veracity.io.Veracity;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable job jar ({@code ./mvnw -Pbundle -pl veracity-beam -am package -DskipTests}) runs the pipeline on its
 * own, as {@code flink run} and {@code spark-submit} start it: its main class on the DirectRunner gives the local
 * statistics, and its stderr holds the summary line and no SLF4J warning (one provider inside). Skipped when the jar
 * was not built, as it is not by default; failed then when {@code VERACITY_BUNDLED_JAR_REQUIRED=1} (.ci/run).
 */
class BundledJarTest {
    private static final Path JAR = Path.of("target", "veracity-beam-bundled.jar");

    @TempDir
    Path directory;

    @Test
    void theBundledJarsMainRunsThePipelineOnTheDirectRunner() throws IOException, InterruptedException {
        if ("1".equals(System.getenv("VERACITY_BUNDLED_JAR_REQUIRED"))) {
            assertThat(JAR).as(".ci/run builds the job jar before this test").isRegularFile();
        }
        assumeTrue(
                Files.isRegularFile(JAR), "no " + JAR.toAbsolutePath() + ": build it with -Pbundle to run this test");
        List<Path> files = TestTables.write(directory, 3, 800, 2);
        Path output = directory.resolve("stats.pb");
        Path stderr = directory.resolve("stderr.txt");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        JAR.toAbsolutePath().toString(),
                        "--runner=DirectRunner",
                        "--input=" + directory.resolve("part-*.csv"),
                        "--output=" + output,
                        "--sliceBy=device")
                .redirectErrorStream(false)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile())
                .start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(err).isZero();
        assertThat(err).doesNotContain("SLF4J").contains("veracity: 800 examples");
        DatasetFeatureStatisticsList expected =
                Veracity.statistics(files).sliceBy("device").compute().statistics();
        SameStatisticsTest.assertSameStatistics(StatisticsFiles.read(output), expected, files);
    }
}
