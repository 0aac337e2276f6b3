package dev.veracity.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.io.table.TableOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redundancy between a numeric and a categorical feature: the correlation ratio eta. */
class MixedRedundancyTest {
    @TempDir
    Path dir;

    /** {@return eta of y grouped by g, by the textbook two-pass formula} */
    private static double bruteForceEta(double[] y, String[] g) {
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        Map<String, double[]> sums = new HashMap<>();
        for (int i = 0; i < y.length; i++) {
            double[] s = sums.computeIfAbsent(g[i], k -> new double[2]);
            s[0]++;
            s[1] += y[i];
        }
        double total = 0;
        for (double v : y) {
            total += (v - mean) * (v - mean);
        }
        double between = 0;
        for (double[] s : sums.values()) {
            double d = s[1] / s[0] - mean;
            between += s[0] * d * d;
        }
        return Math.sqrt(between / total);
    }

    @Test
    void etaMatchesTheTextbookFormulaInEitherNameOrder() {
        SplittableRandom random = new SplittableRandom(9);
        int n = 3000;
        double[] y = new double[n];
        String[] g = new String[n];
        Redundancy redundancy = new Redundancy();
        for (int i = 0; i < n; i++) {
            int group = random.nextInt(6);
            g[i] = "g" + group;
            y[i] = 0.4 * group + random.nextGaussian();
            redundancy.addMixed("x", y[i], "color", g[i]);
        }
        double expected = bruteForceEta(y, g);
        assertThat(redundancy.between("x", "color").orElseThrow()).isCloseTo(expected, within(1e-12));
        assertThat(redundancy.between("color", "x").orElseThrow()).isCloseTo(expected, within(1e-12));
        assertThat(redundancy.measure("color", "x")).isEqualTo("eta");
    }

    @Test
    void aConstantNumberOrOneRowPerValueIsNotMeasured() {
        Redundancy redundancy = new Redundancy();
        for (int i = 0; i < 10; i++) {
            redundancy.addMixed("constant", 1.0, "c", "v" + (i % 3));
            redundancy.addMixed("unique", i, "id", "v" + i);
        }
        assertThat(redundancy.between("constant", "c")).isEmpty();
        assertThat(redundancy.between("unique", "id")).isEmpty();
    }

    private SelectionReport select(Path data, Ranking ranking) throws IOException {
        SelectionOptions defaults = SelectionOptions.of("label");
        SelectionOptions options = new SelectionOptions(
                "label",
                Task.AUTO,
                Set.of(),
                Set.of(),
                ranking,
                defaults.spearmanRows(),
                defaults.miSample(),
                defaults.seed());
        return new FeatureSelector(options, TableOptions.DEFAULT).select(List.of(data));
    }

    @Test
    void aCategoricalCopyOfANumericSignalIsRedundantAndNotSelected() throws IOException {
        // distance carries the signal; band is distance cut into ten text bins (eta about 0.995); noise is noise.
        SplittableRandom random = new SplittableRandom(21);
        List<String> lines = new ArrayList<>();
        lines.add("distance,band,noise,label");
        for (int i = 0; i < 2000; i++) {
            double distance = 10 * random.nextDouble();
            String label = distance + 3 * random.nextGaussian() > 5 ? "long" : "short";
            lines.add(String.format(java.util.Locale.ROOT, "%.4f", distance) + ",band" + (int) distance + ","
                    + random.nextGaussian() + "," + label);
        }
        Path data = dir.resolve("copy.csv");
        Files.write(data, lines);
        for (Ranking.Order order : Ranking.Order.values()) {
            SelectionReport report = select(data, new Ranking(0, 0, order, Ranking.DEFAULT_MAX_REDUNDANCY));
            FeatureResult distance = find(report, "distance");
            FeatureResult band = find(report, "band");
            FeatureResult second = distance.rank() < band.rank() ? band : distance;
            FeatureResult first = second == band ? distance : band;
            assertThat(first.selected())
                    .as(order + ": the first copy is selected")
                    .isTrue();
            assertThat(second.selected()).as(order + ": the second copy is not").isFalse();
            assertThat(second.redundantWith()).hasValueSatisfying(with -> {
                assertThat(with.name()).isEqualTo(first.name());
                assertThat(with.value()).isGreaterThan(0.99);
            });
            assertThat(second.warnings())
                    .extracting(FeatureWarning::text)
                    .anySatisfy(text -> assertThat(text).startsWith("redundant: eta 0.99"));
            assertThat(find(report, "noise").redundantWith()).isEmpty();
        }
        // With a threshold above the binning's eta both copies stay.
        SelectionReport loose = select(data, new Ranking(0, 0, Ranking.Order.RELEVANCE, 1.0));
        assertThat(find(loose, "band").selected()).isTrue();
        assertThat(find(loose, "distance").selected()).isTrue();
    }

    private static FeatureResult find(SelectionReport report, String name) {
        return report.features().stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
