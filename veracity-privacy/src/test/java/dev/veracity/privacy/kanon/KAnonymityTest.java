package dev.veracity.privacy.kanon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.table.TableOptions;
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

class KAnonymityTest {
    @TempDir
    Path dir;

    private Path table(SplittableRandom random, int rows) throws IOException {
        StringBuilder csv = new StringBuilder("zip,birth,age,sex\n");
        for (int i = 0; i < rows; i++) {
            csv.append(Gen.oneOf(random, "021", "100", "941"))
                    .append(Gen.between(random, 10, 14))
                    .append(',')
                    .append(String.format(
                            "%d-%02d-%02d",
                            Gen.between(random, 1950, 1990), Gen.between(random, 1, 12), Gen.between(random, 1, 28)))
                    .append(',')
                    .append(Gen.oneIn(random, 10) ? "" : Integer.toString(Gen.between(random, 18, 90)))
                    .append(',')
                    .append(Gen.oneOf(random, "F", "M"))
                    .append('\n');
        }
        return Files.writeString(dir.resolve("t" + rows + "-" + random.nextInt(1000) + ".csv"), csv);
    }

    /** Class sizes by grouping the generalized rows directly. */
    private static Map<List<String>, Integer> bruteForce(QuasiIdentifiers qi, List<Hierarchy> h, List<Integer> levels) {
        Map<List<String>, Integer> sizes = new HashMap<>();
        for (int r = 0; r < qi.rows(); r++) {
            List<String> key = new ArrayList<>();
            for (int q = 0; q < h.size(); q++) {
                key.add(h.get(q).generalize(qi.values().get(q).get(qi.codes().get(q)[r]), levels.get(q)));
            }
            sizes.merge(key, 1, Integer::sum);
        }
        return sizes;
    }

    @SeededProperty(tries = 10)
    void checkMatchesBruteForce(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        QuasiIdentifiers qi = QuasiIdentifiers.read(
                table(random, Gen.between(random, 1, 200)), List.of("zip", "age", "sex"), TableOptions.DEFAULT);
        int k = Gen.between(random, 2, 6);
        KAnonymityResult result = new KAnonymity(qi, qi.hierarchies(), k).check();
        Map<List<String>, Integer> sizes = bruteForce(qi, qi.hierarchies(), List.of(0, 0, 0));
        assertThat(result.classes()).isEqualTo(sizes.size());
        assertThat(result.smallestClass())
                .isEqualTo(sizes.values().stream().mapToInt(i -> i).min().orElse(0));
        assertThat(result.rowsBelowK())
                .isEqualTo(sizes.values().stream()
                        .filter(s -> s < k)
                        .mapToInt(i -> i)
                        .sum());
        assertThat(result.holds()).isEqualTo(sizes.values().stream().allMatch(s -> s >= k));
    }

    @SeededProperty(tries = 10)
    void generalizationHoldsAndIsTheLeastLossOfAllHoldingLevels(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        QuasiIdentifiers qi = QuasiIdentifiers.read(
                table(random, Gen.between(random, 10, 200)), List.of("zip", "birth", "sex"), TableOptions.DEFAULT);
        int k = Gen.between(random, 2, 8);
        List<Hierarchy> h = qi.hierarchies();
        KAnonymityResult result = new KAnonymity(qi, h, k).generalize(0);
        if (qi.rows() >= k) {
            assertThat(result.holds()).isTrue();
            assertThat(bruteForce(qi, h, result.levels()).values()).allMatch(size -> size >= k);
        }
        double best = Double.MAX_VALUE;
        for (int a = 0; a <= h.get(0).maxLevel(); a++) {
            for (int b = 0; b <= h.get(1).maxLevel(); b++) {
                for (int c = 0; c <= h.get(2).maxLevel(); c++) {
                    if (bruteForce(qi, h, List.of(a, b, c)).values().stream().allMatch(size -> size >= k)) {
                        best = Math.min(
                                best,
                                ((double) a / h.get(0).maxLevel()
                                                + (double) b / h.get(1).maxLevel()
                                                + (double) c / h.get(2).maxLevel())
                                        / 3);
                    }
                }
            }
        }
        if (qi.rows() >= k) {
            assertThat(result.informationLoss()).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void hierarchiesByKindOfValue() {
        Hierarchy zip = Hierarchy.of(List.of("02139", "10001"));
        assertThat(zip.kind()).isEqualTo(Hierarchy.Kind.PREFIX);
        assertThat(zip.generalize("02139", 2)).isEqualTo("021**");
        assertThat(zip.generalize("02139", 5)).isEqualTo("*");
        Hierarchy dates = Hierarchy.of(List.of("1985-03-12", "12/03/1990"));
        assertThat(List.of(
                        dates.generalize("1985-03-12", 1),
                        dates.generalize("1985-03-12", 2),
                        dates.generalize("1985-03-12", 3),
                        dates.generalize("1985-03-12", 4)))
                .containsExactly("1985-03", "1985", "1980s", "*");
        Hierarchy ages = Hierarchy.of(List.of("34", "", "71"));
        assertThat(ages.kind()).isEqualTo(Hierarchy.Kind.NUMBER);
        assertThat(ages.generalize("34", 1)).isEqualTo("[30, 35)");
        assertThat(ages.generalize("34", 3)).isEqualTo("[20, 40)");
        assertThat(ages.generalize("", 3)).isEmpty();
    }

    @Test
    void suppressionLeavesOutTheRowsOfSmallClasses() throws IOException {
        StringBuilder csv = new StringBuilder("zip\n");
        for (int i = 0; i < 50; i++) {
            csv.append(i % 2 == 0 ? "02139\n" : "02140\n");
        }
        csv.append("99999\n");
        QuasiIdentifiers qi = QuasiIdentifiers.read(
                Files.writeString(dir.resolve("s.csv"), csv), List.of("zip"), TableOptions.DEFAULT);
        KAnonymity kanon = new KAnonymity(qi, qi.hierarchies(), 5);
        assertThat(kanon.check().exampleRows()).containsExactly(51L);
        KAnonymityResult result = kanon.generalize(0.05);
        assertThat(result.levels()).containsExactly(0);
        assertThat(result.suppressed()).isEqualTo(1);
        assertThat(kanon.suppressedRows(result).stream().boxed().toList()).containsExactly(50);
    }
}
