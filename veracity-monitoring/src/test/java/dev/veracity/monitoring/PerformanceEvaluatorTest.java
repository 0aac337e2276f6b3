package dev.veracity.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.table.TableOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole evaluation, byte for byte: {@code perf.json} of generated labeled predictions (two files, times out of
 * order, unlabeled rows, slices, ties of times, a baseline file) equals the one the in-memory evaluator wrote before
 * spans were spilled to disk ({@code golden/monitoring/performance/CASE.json}; written again with
 * {@code -Dveracity.golden.write=DIR}).
 */
class PerformanceEvaluatorTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"binary", "binary_baseline", "multiclass", "regression", "no_time"})
    void reportIsByteIdenticalToTheInMemoryEvaluators(String name) throws IOException {
        SplittableRandom random = new SplittableRandom(name.hashCode());
        boolean regression = name.equals("regression");
        boolean multiclass = name.equals("multiclass");
        Path first = write("a.csv", random, 1500, regression, multiclass);
        Path second = write("b.csv", random, 1200, regression, multiclass);
        PerformanceOptions options = regression
                ? PerformanceOptions.predicted("y", "p", Task.REGRESSION)
                : multiclass
                        ? PerformanceOptions.predicted("y", "p", Task.CLASSIFICATION)
                        : PerformanceOptions.scored("y", "p");
        if (!name.equals("no_time")) {
            options = options.withTime("at", Span.DAY);
        }
        options = options.withSliceBy("route").withBootstrap(50, 7);
        Optional<Path> baseline = name.equals("binary_baseline")
                ? Optional.of(write("base.csv", random, 900, false, false))
                : Optional.empty();
        PerformanceReport report =
                new PerformanceEvaluator(options, TableOptions.DEFAULT).evaluate(List.of(first, second), baseline);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PerformanceJson.write(report, out);
        String json = out.toString(StandardCharsets.UTF_8).replace(dir.toString(), "DIR");
        String writeTo = System.getProperty("veracity.golden.write", "");
        if (!writeTo.isEmpty()) {
            Files.createDirectories(Path.of(writeTo));
            Files.writeString(Path.of(writeTo, name + ".json"), json);
        }
        try (InputStream in = getClass().getResourceAsStream("/golden/monitoring/performance/" + name + ".json")) {
            assertThat(in).as("golden file of " + name).isNotNull();
            assertThat(json).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private Path write(String file, SplittableRandom random, int rows, boolean regression, boolean multiclass)
            throws IOException {
        StringBuilder csv = new StringBuilder("at,route,y,p\n");
        for (int i = 0; i < rows; i++) {
            int day = random.nextInt(6);
            int hour = random.nextInt(4) * 6;
            String at = String.format(Locale.ROOT, "2024-05-%02dT%02d:00:00", 6 + day, hour);
            String route = random.nextInt(3) == 0 ? "hilly" : "flat";
            double drift = day >= 3 && route.equals("hilly") ? 0.35 : 0;
            String y;
            String p;
            if (regression) {
                double target = 10 * random.nextDouble();
                y = String.format(Locale.ROOT, "%.3f", target);
                p = String.format(Locale.ROOT, "%.3f", target + random.nextDouble() - 0.5 + 10 * drift);
            } else if (multiclass) {
                int truth = random.nextInt(3);
                y = "c" + truth;
                p = random.nextDouble() < 0.75 - drift ? y : "c" + random.nextInt(3);
            } else {
                int truth = random.nextDouble() < 0.4 ? 1 : 0;
                double score = Math.min(
                        1, Math.max(0, 0.3 + (truth == 1 ? 0.3 - drift : -0.1) + 0.4 * (random.nextDouble() - 0.5)));
                y = Integer.toString(truth);
                p = String.format(Locale.ROOT, "%.2f", score);
            }
            if (random.nextInt(10) == 0) {
                y = "";
            }
            csv.append(at)
                    .append(',')
                    .append(route)
                    .append(',')
                    .append(y)
                    .append(',')
                    .append(p)
                    .append('\n');
        }
        return Files.writeString(dir.resolve(file), csv);
    }
}
