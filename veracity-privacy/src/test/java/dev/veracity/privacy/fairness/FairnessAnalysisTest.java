package dev.veracity.privacy.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.ConfigException;
import dev.veracity.proto.Anomalies;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FairnessAnalysisTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "fairness");

    @TempDir
    Path dir;

    @Test
    void theUnbalancedExampleGetsTheExpectedAnomalies() throws IOException {
        FairnessReport report = FairnessAnalysis.of(List.of("sex"), "approved")
                .withReference(Map.of("F", 0.5, "M", 0.5))
                .analyze(EXAMPLES.resolve("unbalanced.csv"));
        assertThat(report.positive()).contains("1");
        GroupMetrics women = report.groups().get(1);
        assertThat(women.group()).isEqualTo("F");
        assertThat(women.rows()).isEqualTo(150);
        assertThat(women.share()).isCloseTo(0.15, within(1e-12));
        assertThat(women.positiveRate()).isCloseTo(0.2, within(1e-12));
        assertThat(women.dpl()).isCloseTo(0.3, within(1e-12));
        assertThat(women.tvd()).isCloseTo(0.3, within(1e-12));
        assertThat(women.missingRates().get("income")).isCloseTo(0.3, within(1e-12));
        assertThat(report.findings())
                .extracting(FairnessFinding::feature, FairnessFinding::group, FairnessFinding::kind)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("sex", "F", "Under-represented group"),
                        org.assertj.core.groups.Tuple.tuple("approved", "F", "Label rate gap"),
                        org.assertj.core.groups.Tuple.tuple("income", "F", "Missing values gap"));
        Anomalies anomalies = report.toAnomalies();
        assertThat(anomalies.getAnomalyInfoMap()).containsOnlyKeys("sex", "approved", "income");
        assertThat(anomalies.getAnomalyInfoOrThrow("sex").getDescription())
                .isEqualTo("sex=F: share 0.150 (150 rows), reference 0.500: ratio 0.300 below 0.800");
    }

    @Test
    void withoutAReferenceTheSmallGroupIsImbalancedAgainstTheLargest() throws IOException {
        FairnessReport report =
                FairnessAnalysis.of(List.of("sex"), "approved").analyze(EXAMPLES.resolve("unbalanced.csv"));
        assertThat(report.groups().get(1).classImbalance()).isCloseTo(0.7, within(1e-12));
        assertThat(report.findings()).anySatisfy(f -> assertThat(f.kind()).isEqualTo("Under-represented group"));
    }

    @Test
    void theBalancedExampleGetsNone() throws IOException {
        FairnessReport report = FairnessAnalysis.of(List.of("sex"), "approved")
                .withReference(Map.of("F", 0.5, "M", 0.5))
                .analyze(EXAMPLES.resolve("balanced.csv"));
        assertThat(report.findings()).isEmpty();
        assertThat(report.toAnomalies().getAnomalyInfoMap()).isEmpty();
        FairnessReport crossed =
                FairnessAnalysis.of(List.of("sex", "age_band"), "approved").analyze(EXAMPLES.resolve("balanced.csv"));
        assertThat(crossed.groups())
                .hasSize(8)
                .allSatisfy(g -> assertThat(g.rows()).isEqualTo(125));
    }

    @Test
    void unknownFeaturesAndBadReferencesAreUsageErrors() {
        assertThatThrownBy(() ->
                        FairnessAnalysis.of(List.of("gender"), "approved").analyze(EXAMPLES.resolve("balanced.csv")))
                .isInstanceOf(dev.veracity.InputException.class)
                .hasMessageContaining("balanced.csv: expected a column gender (--group-by), found only [");
        assertThatThrownBy(
                        () -> FairnessAnalysis.of(List.of("sex"), "approved").withReference(Map.of("F", 0.7, "M", 0.7)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("summing to at most 1");
    }

    /** Metrics against a direct computation on the rows. */
    @SeededProperty(tries = 12)
    void metricsMatchBruteForce(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int rows = Gen.between(random, 1, 300);
        List<String[]> table = new ArrayList<>();
        StringBuilder csv = new StringBuilder("g,y,x\n");
        for (int i = 0; i < rows; i++) {
            String g = Gen.oneIn(random, 15) ? "" : Gen.oneOf(random, "a", "b", "b", "c");
            String y = Gen.oneIn(random, 10) ? "" : Gen.oneOf(random, "0", "1", "1");
            String x = Gen.oneIn(random, 4) ? "" : Integer.toString(Gen.between(random, 0, 9));
            table.add(new String[] {g, y, x});
            csv.append(g).append(',').append(y).append(',').append(x).append('\n');
        }
        Path file = Files.writeString(dir.resolve("t" + seed + ".csv"), csv);
        FairnessReport report =
                FairnessAnalysis.of(List.of("g"), "y").withPositive("1").analyze(file);
        long grouped = table.stream().filter(r -> !r[0].isEmpty()).count();
        assertThat(report.rowsWithoutGroup()).isEqualTo(rows - grouped);
        for (GroupMetrics m : report.groups()) {
            List<String[]> in =
                    table.stream().filter(r -> r[0].equals(m.group())).toList();
            List<String[]> rest = table.stream()
                    .filter(r -> !r[0].isEmpty() && !r[0].equals(m.group()))
                    .toList();
            assertThat(m.rows()).isEqualTo(in.size());
            assertThat(m.share()).isCloseTo((double) in.size() / grouped, within(1e-12));
            Map<String, Long> p = labels(in);
            Map<String, Long> q = labels(rest);
            if (!p.isEmpty()) {
                assertThat(m.positiveRate()).isCloseTo(p.getOrDefault("1", 0L) / (double) total(p), within(1e-12));
            }
            if (!p.isEmpty() && !q.isEmpty()) {
                double pr = p.getOrDefault("1", 0L) / (double) total(p);
                double qr = q.getOrDefault("1", 0L) / (double) total(q);
                assertThat(m.dpl()).isCloseTo(qr - pr, within(1e-12));
                assertThat(m.tvd()).isCloseTo(Math.abs(qr - pr), within(1e-12));
            }
            long missingX = in.stream().filter(r -> r[2].isEmpty()).count();
            assertThat(m.missingRates().get("x")).isCloseTo((double) missingX / in.size(), within(1e-12));
            assertThat(m.labelMissingRate())
                    .isCloseTo(in.stream().filter(r -> r[1].isEmpty()).count() / (double) in.size(), within(1e-12));
        }
    }

    private static Map<String, Long> labels(List<String[]> rows) {
        Map<String, Long> labels = new HashMap<>();
        rows.stream().filter(r -> !r[1].isEmpty()).forEach(r -> labels.merge(r[1], 1L, Long::sum));
        return labels;
    }

    private static long total(Map<String, Long> labels) {
        return labels.values().stream().mapToLong(Long::longValue).sum();
    }
}
