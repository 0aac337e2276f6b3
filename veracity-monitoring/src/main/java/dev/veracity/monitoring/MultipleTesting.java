package dev.veracity.monitoring;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down adjustment of p-values (Holm 1979), controlling the family-wise error rate: sorted ascending, the
 * i-th (from 0) becomes max over j <= i of min(1, (m - j) p_(j)).
 *
 * <pre>{@code
 * double[] adjusted = MultipleTesting.holm(new double[] {0.01, 0.04, 0.03}); // {0.03, 0.06, 0.06}
 * }</pre>
 */
public final class MultipleTesting {
    private MultipleTesting() {}

    /** {@return Holm-adjusted p-values, in the order given} */
    public static double[] holm(double[] p) {
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
