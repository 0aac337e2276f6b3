package dev.veracity.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.table.TableOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Generated pairs of three-class labeled datasets (3000 rows each) with a known kind of shift, over several seeds: the
 * softmax model check is computed and the verdict is right for every pair. In the baseline the logits of classes b and
 * c against a are 0.4 + 1.2 x1 - 0.8 x2 and -0.2 - 0.6 x1 + 0.9 x2 + 0.7 [g = u]; covariate shift moves x1 (mean
 * +0.7) and the shares of g; concept shift swaps x2's effects on b and c with P(x) unchanged.
 */
class MulticlassShiftTest {
    @TempDir
    Path dir;

    enum Kind {
        NONE,
        COVARIATE,
        CONCEPT,
        BOTH
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @CsvSource({
        "NONE, 1", "NONE, 2", "NONE, 3", "NONE, 4",
        "COVARIATE, 1", "COVARIATE, 2", "COVARIATE, 3", "COVARIATE, 4",
        "CONCEPT, 1", "CONCEPT, 2", "CONCEPT, 3", "CONCEPT, 4",
        "BOTH, 1", "BOTH, 2", "BOTH, 3", "BOTH, 4"
    })
    void verdictIsRight(Kind kind, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed * 104729);
        Path baseline = write("baseline.csv", random, false, false);
        Path current = write(
                "current.csv",
                random,
                kind == Kind.COVARIATE || kind == Kind.BOTH,
                kind == Kind.CONCEPT || kind == Kind.BOTH);
        ShiftReport report = new ShiftDiagnosis(ShiftOptions.of("y").withSeed(seed), TableOptions.DEFAULT)
                .diagnose(baseline, current);
        ShiftReport.Verdict expected = switch (kind) {
            case NONE -> ShiftReport.Verdict.NONE;
            case COVARIATE -> ShiftReport.Verdict.COVARIATE;
            case CONCEPT -> ShiftReport.Verdict.CONCEPT;
            case BOTH -> ShiftReport.Verdict.COVARIATE_AND_CONCEPT;
        };
        assertThat(report.model().computable()).isEmpty();
        assertThat(report.model().heldOut().classes()).hasSize(3);
        assertThat(report.verdict()).as(report.toString()).isEqualTo(expected);
        if (kind == Kind.NONE || kind == Kind.COVARIATE) {
            assertThat(report.model().conclusive())
                    .as(report.model().toString())
                    .isTrue();
            assertThat(report.decidedBy()).isEqualTo("model");
            assertThat(report.model().current().accuracy())
                    .isGreaterThan(report.model().heldOut().accuracy() - 0.08);
        }
        if (kind == Kind.CONCEPT) {
            assertThat(report.model().current().accuracy())
                    .isLessThan(report.model().heldOut().accuracy());
            assertThat(report.model().current().classwiseEce())
                    .isGreaterThan(report.model().heldOut().classwiseEce());
        }
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ShiftJson.write(report, first);
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        ShiftJson.write(
                new ShiftDiagnosis(ShiftOptions.of("y").withSeed(seed), TableOptions.DEFAULT)
                        .diagnose(baseline, current),
                again);
        assertThat(again.toString(StandardCharsets.UTF_8))
                .isEqualTo(first.toString(StandardCharsets.UTF_8))
                .contains("\"classwise_ece\"", "\"brier\"");
    }

    private Path write(String name, SplittableRandom random, boolean covariate, boolean concept) throws IOException {
        StringBuilder csv = new StringBuilder("x1,x2,g,y\n");
        for (int i = 0; i < 3000; i++) {
            double x1 = gaussian(random) + (covariate ? 0.7 : 0);
            double x2 = gaussian(random);
            double u = random.nextDouble();
            String g = covariate ? (u < 0.6 ? "u" : u < 0.8 ? "v" : "w") : (u < 0.3 ? "u" : u < 0.65 ? "v" : "w");
            double effectB = concept ? 0.9 : -0.8;
            double effectC = concept ? -0.8 : 0.9;
            double b = Math.exp(0.4 + 1.2 * x1 + effectB * x2);
            double c = Math.exp(-0.2 - 0.6 * x1 + effectC * x2 + (g.equals("u") ? 0.7 : 0));
            double draw = random.nextDouble() * (1 + b + c);
            String y = draw < 1 ? "a" : draw < 1 + b ? "b" : "c";
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%s,%s%n", x1, x2, g, y));
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
