package dev.veracity.selection;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The contingency table of two categorical variables (feature value by label value), for the chi-squared test of
 * independence, mutual information and Cramér's V. Counts only: merge of any split equals the whole exactly; a new
 * accumulator is its identity. Memory grows with the distinct pairs, never with repeated rows.
 */
public final class ContingencyAccumulator {
    private final Map<String, Map<String, long[]>> cells = new HashMap<>();
    private long count;
    private long cellCount;

    /** Adds one complete row. */
    public void add(String feature, String label) {
        cell(cells.computeIfAbsent(feature, f -> new HashMap<>()), label)[0]++;
        count++;
    }

    private long[] cell(Map<String, long[]> row, String label) {
        long[] c = row.get(label);
        if (c == null) {
            c = new long[1];
            row.put(label, c);
            cellCount++;
        }
        return c;
    }

    /** Adds the other's rows to this one; the other is unchanged. */
    public void merge(ContingencyAccumulator other) {
        if (other == this) {
            throw new IllegalArgumentException("cannot merge an accumulator with itself");
        }
        for (Map.Entry<String, Map<String, long[]>> row : other.cells.entrySet()) {
            Map<String, long[]> mine = cells.computeIfAbsent(row.getKey(), f -> new HashMap<>());
            for (Map.Entry<String, long[]> cell : row.getValue().entrySet()) {
                cell(mine, cell.getKey())[0] += cell.getValue()[0];
            }
        }
        count += other.count;
    }

    /** {@return the number of rows added} */
    public long count() {
        return count;
    }

    /** {@return the distinct (feature, label) pairs seen} */
    public long cellCount() {
        return cellCount;
    }

    /** {@return the number of distinct feature values} */
    public int featureValues() {
        return cells.size();
    }

    /** {@return the rows of the most frequent feature value} */
    public long largestFeatureValue() {
        long largest = 0;
        for (Map<String, long[]> row : cells.values()) {
            long n = 0;
            for (long[] c : row.values()) {
                n += c[0];
            }
            largest = Math.max(largest, n);
        }
        return largest;
    }

    /** {@return the table's statistics, or empty when it has fewer than 2 rows or 2 columns} */
    public Optional<Contingency> result() {
        Map<String, Long> rowTotals = new TreeMap<>();
        Map<String, Long> columnTotals = new TreeMap<>();
        for (Map.Entry<String, Map<String, long[]>> row : cells.entrySet()) {
            for (Map.Entry<String, long[]> cell : row.getValue().entrySet()) {
                rowTotals.merge(row.getKey(), cell.getValue()[0], Long::sum);
                columnTotals.merge(cell.getKey(), cell.getValue()[0], Long::sum);
            }
        }
        int r = rowTotals.size();
        int c = columnTotals.size();
        if (r < 2 || c < 2) {
            return Optional.empty();
        }
        double n = count;
        double chi2 = 0;
        double mi = 0;
        double logN = Math.log(n);
        for (Map.Entry<String, Long> row : rowTotals.entrySet()) {
            Map<String, long[]> observed = cells.get(row.getKey());
            double a = row.getValue();
            for (Map.Entry<String, Long> column : columnTotals.entrySet()) {
                double b = column.getValue();
                long[] o = observed.get(column.getKey());
                double obs = o == null ? 0 : o[0];
                double expected = a * b / n;
                double d = obs - expected;
                chi2 += d * d / expected;
                if (obs > 0) {
                    mi += obs / n * (Math.log(obs) + logN - Math.log(a) - Math.log(b));
                }
            }
        }
        return Optional.of(new Contingency(count, r, c, chi2, Math.max(0, mi)));
    }

    /**
     * The statistics of a contingency table.
     *
     * @param rows              the rows counted N
     * @param featureValues     the distinct feature values (table rows)
     * @param labelValues       the distinct label values (table columns)
     * @param chi2              Pearson's chi-squared, no continuity correction
     * @param mutualInformation in nats, at least 0
     */
    public record Contingency(long rows, int featureValues, int labelValues, double chi2, double mutualInformation) {
        /** {@return (featureValues - 1)(labelValues - 1)} */
        public int dof() {
            return (featureValues - 1) * (labelValues - 1);
        }

        /** {@return Cramér's V, sqrt(chi2 / (N (min(r, c) - 1))), at most 1} */
        public double cramersV() {
            return Math.min(1, Math.sqrt(chi2 / (rows * (double) (Math.min(featureValues, labelValues) - 1))));
        }
    }
}
