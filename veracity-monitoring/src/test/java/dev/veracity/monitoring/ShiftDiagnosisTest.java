package dev.veracity.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.table.TableOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Generated pairs of labeled datasets (3000 rows each) with a known kind of shift, over several seeds: the verdict is
 * right for every pair. P(y=1|x) = sigmoid(-0.3 + 1.2 x1 - 0.8 x2 + 0.6 [c = a]) in the baseline; covariate shift
 * moves x1 (mean +0.7) and the shares of c; the edge case moves only the top decile of x1 further out (values moving
 * within the outer bin); concept shift flips the sign of x2's effect with P(x) unchanged.
 */
class ShiftDiagnosisTest {
    @TempDir
    Path dir;

    enum Kind {
        NONE,
        COVARIATE,
        EDGE,
        CONCEPT,
        BOTH
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @CsvSource({
        "NONE, 1", "NONE, 2", "NONE, 3", "NONE, 4", "NONE, 5",
        "COVARIATE, 1", "COVARIATE, 2", "COVARIATE, 3", "COVARIATE, 4", "COVARIATE, 5",
        "EDGE, 1", "EDGE, 2", "EDGE, 3", "EDGE, 4", "EDGE, 5",
        "CONCEPT, 1", "CONCEPT, 2", "CONCEPT, 3", "CONCEPT, 4", "CONCEPT, 5",
        "BOTH, 1", "BOTH, 2", "BOTH, 3", "BOTH, 4", "BOTH, 5"
    })
    void verdictIsRight(Kind kind, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed * 7919);
        Path baseline = write("baseline.csv", random, false, false, false);
        Path current = write(
                "current.csv",
                random,
                kind == Kind.COVARIATE || kind == Kind.BOTH,
                kind == Kind.EDGE,
                kind == Kind.CONCEPT || kind == Kind.BOTH);
        ShiftReport report = new ShiftDiagnosis(ShiftOptions.of("y").withSeed(seed), TableOptions.DEFAULT)
                .diagnose(baseline, current);
        ShiftReport.Verdict expected = switch (kind) {
            case NONE -> ShiftReport.Verdict.NONE;
            case COVARIATE, EDGE -> ShiftReport.Verdict.COVARIATE;
            case CONCEPT -> ShiftReport.Verdict.CONCEPT;
            case BOTH -> ShiftReport.Verdict.COVARIATE_AND_CONCEPT;
        };
        assertThat(report.verdict()).as(report.toString()).isEqualTo(expected);
        if (kind == Kind.COVARIATE || kind == Kind.EDGE) {
            assertThat(report.marginal().get("x1").drift()).isTrue();
            assertThat(report.marginal().get("x2").drift()).isFalse();
        }
        if (kind == Kind.CONCEPT) {
            assertThat(report.conditional().get("x2").test().drift()).isTrue();
        }
    }

    private Path write(String name, SplittableRandom random, boolean covariate, boolean edge, boolean concept)
            throws IOException {
        StringBuilder csv = new StringBuilder("x1,x2,c,y\n");
        for (int i = 0; i < 3000; i++) {
            double x1 = gaussian(random) + (covariate ? 0.7 : 0);
            if (edge && x1 > 1.2816) {
                x1 += 1.5;
            }
            double x2 = gaussian(random);
            double u = random.nextDouble();
            String c = covariate ? (u < 0.6 ? "a" : u < 0.8 ? "b" : "c") : (u < 0.3 ? "a" : u < 0.65 ? "b" : "c");
            double trueX1 = edge && x1 > 1.2816 ? x1 - 1.5 : x1;
            double logit = -0.3 + 1.2 * (edge ? x1 : trueX1) - (concept ? -0.8 : 0.8) * x2 + (c.equals("a") ? 0.6 : 0);
            int y = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%s,%d%n", x1, x2, c, y));
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
