package dev.veracity.privacy.kanon;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * k-anonymity of a dataset's quasi-identifiers: the check (which rows share their combination of values with fewer
 * than k-1 others) and a greedy full-domain generalization that raises one quasi-identifier's level at a time until
 * the rows below k fit in the suppression limit; those rows are then suppressed (left out). Each step takes the
 * quasi-identifier whose next level leaves the fewest rows below k or suppressed (ties: the least information loss);
 * when no step lowers that count, it coarsens the quasi-identifier with the most distinct values (Sweeney's Datafly). This is Samarati's full-domain model with a greedy
 * walk up the lattice, not ARX's optimal search: the levels found are minimal along the walk, not always globally.
 *
 * <pre>{@code
 * QuasiIdentifiers qi = QuasiIdentifiers.read(path, List.of("zip", "birth_date", "sex"), TableOptions.DEFAULT);
 * KAnonymity kanon = new KAnonymity(qi, qi.hierarchies(), 5);
 * KAnonymityResult now = kanon.check();
 * KAnonymityResult after = kanon.generalize(0.01);
 * }</pre>
 *
 * @param data        the quasi-identifier columns
 * @param hierarchies one per quasi-identifier
 * @param k           the least class size, at least 1
 */
public record KAnonymity(QuasiIdentifiers data, List<Hierarchy> hierarchies, int k) {
    /** Lattice nodes times rows up to which every node is tried (optimal), beyond which the greedy walk runs. */
    public static final long EXHAUSTIVE_WORK = 20_000_000;

    public KAnonymity {
        Objects.requireNonNull(data, "data is null");
        hierarchies = List.copyOf(hierarchies);
        if (hierarchies.size() != data.names().size()) {
            throw new IllegalArgumentException("one hierarchy per quasi-identifier expected");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
    }

    /** {@return the classes of the data as it is, nothing suppressed} */
    public KAnonymityResult check() {
        return evaluate(new int[hierarchies.size()], 0);
    }

    /**
     * {@return the least generalization found, along the greedy walk, under which k-anonymity holds once at most
     * {@code maxSuppression} of the rows are suppressed}
     *
     * @param maxSuppression the share of rows that may be left out, in [0, 1)
     */
    public KAnonymityResult generalize(double maxSuppression) {
        if (!(maxSuppression >= 0 && maxSuppression < 1)) {
            throw new IllegalArgumentException("maxSuppression must be in [0, 1): " + maxSuppression);
        }
        long budget = (long) Math.floor(maxSuppression * data.rows());
        long nodes = 1;
        for (Hierarchy hierarchy : hierarchies) {
            nodes = Math.min(Long.MAX_VALUE / 64, nodes * (hierarchy.maxLevel() + 1));
        }
        if (nodes * Math.max(1, data.rows()) <= EXHAUSTIVE_WORK) {
            return exhaustive(budget);
        }
        int[] levels = new int[hierarchies.size()];
        KAnonymityResult current = evaluate(levels, budget);
        while (!current.holds()) {
            int[] best = null;
            KAnonymityResult bestResult = null;
            int mostDistinct = -1;
            int datafly = -1;
            for (int q = 0; q < levels.length; q++) {
                if (levels[q] >= hierarchies.get(q).maxLevel()) {
                    continue;
                }
                int distinct = distinct(q, levels[q]);
                if (distinct > mostDistinct) {
                    mostDistinct = distinct;
                    datafly = q;
                }
                int[] candidate = levels.clone();
                candidate[q]++;
                KAnonymityResult result = evaluate(candidate, budget);
                if (bestResult == null
                        || unresolved(result) < unresolved(bestResult)
                        || unresolved(result) == unresolved(bestResult)
                                && result.informationLoss() < bestResult.informationLoss()) {
                    best = candidate;
                    bestResult = result;
                }
            }
            if (best == null) {
                return current; // everything is "*" and there are fewer than k rows
            }
            if (unresolved(bestResult) >= unresolved(current)) {
                // No single step helps yet: Sweeney's Datafly rule, coarsen the quasi-identifier with most values.
                best = levels.clone();
                best[datafly]++;
                bestResult = evaluate(best, budget);
            }
            levels = best;
            current = bestResult;
        }
        return current;
    }

    /** {@return per quasi-identifier, the generalized value of each distinct value at the result's levels} */
    public List<Map<String, String>> recoding(KAnonymityResult result) {
        List<Map<String, String>> tables = new ArrayList<>();
        for (int q = 0; q < hierarchies.size(); q++) {
            Map<String, String> table = new HashMap<>();
            for (String value : data.values().get(q)) {
                table.put(
                        value,
                        hierarchies.get(q).generalize(value, result.levels().get(q)));
            }
            tables.add(table);
        }
        return tables;
    }

    /** {@return the rows (0-based) the result suppresses: those in classes below k} */
    public BitSet suppressedRows(KAnonymityResult result) {
        int[] levels = result.levels().stream().mapToInt(Integer::intValue).toArray();
        long[] keys = keys(levels);
        Map<Long, Integer> sizes = sizes(keys);
        BitSet rows = new BitSet(data.rows());
        if (result.suppressed() > 0) {
            for (int r = 0; r < keys.length; r++) {
                if (sizes.get(keys[r]) < k) {
                    rows.set(r);
                }
            }
        }
        return rows;
    }

    /** Every node of the lattice; the holding one of least information loss (ties: fewest suppressed rows). */
    private KAnonymityResult exhaustive(long budget) {
        int[] levels = new int[hierarchies.size()];
        KAnonymityResult best = null;
        while (true) {
            KAnonymityResult result = evaluate(levels, budget);
            if (result.holds()
                    && (best == null
                            || result.informationLoss() < best.informationLoss()
                            || result.informationLoss() == best.informationLoss()
                                    && result.suppressed() < best.suppressed())) {
                best = result;
            }
            int q = 0;
            while (q < levels.length && levels[q] == hierarchies.get(q).maxLevel()) {
                levels[q++] = 0;
            }
            if (q == levels.length) {
                break;
            }
            levels[q]++;
        }
        if (best == null) {
            int[] top = hierarchies.stream().mapToInt(Hierarchy::maxLevel).toArray();
            return evaluate(top, budget); // fewer than k rows: nothing holds
        }
        return best;
    }

    /** Rows not yet in a class of k: below k, or suppressed. */
    private static long unresolved(KAnonymityResult result) {
        return result.rowsBelowK() + result.suppressed();
    }

    private int distinct(int q, int level) {
        int[] recode = recode(q, level);
        int max = -1;
        for (int code : recode) {
            max = Math.max(max, code);
        }
        return max + 1;
    }

    private KAnonymityResult evaluate(int[] levels, long budget) {
        long[] keys = keys(levels);
        Map<Long, Integer> sizes = sizes(keys);
        long below = 0;
        long classesBelow = 0;
        long smallest = Long.MAX_VALUE;
        for (int size : sizes.values()) {
            if (size < k) {
                below += size;
                classesBelow++;
            }
        }
        boolean suppress = below > 0 && below <= budget;
        List<Long> examples = new ArrayList<>();
        for (int r = 0; r < keys.length && examples.size() < KAnonymityResult.MAX_EXAMPLE_ROWS && !suppress; r++) {
            if (sizes.get(keys[r]) < k) {
                examples.add(r + 1L);
            }
        }
        for (int size : sizes.values()) {
            if (!suppress || size >= k) {
                smallest = Math.min(smallest, size);
            }
        }
        double loss = 0;
        List<Integer> levelList = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int q = 0; q < levels.length; q++) {
            loss += (double) levels[q] / hierarchies.get(q).maxLevel();
            levelList.add(levels[q]);
            names.add(hierarchies.get(q).describe(levels[q]));
        }
        long classes = suppress ? sizes.size() - classesBelow : sizes.size();
        return new KAnonymityResult(
                k,
                data.names(),
                levelList,
                names,
                data.rows(),
                suppress ? below : 0,
                classes,
                smallest == Long.MAX_VALUE ? 0 : smallest,
                suppress ? 0 : below,
                suppress ? 0 : classesBelow,
                examples,
                levels.length == 0 ? 0 : loss / levels.length);
    }

    private static Map<Long, Integer> sizes(long[] keys) {
        Map<Long, Integer> sizes = new HashMap<>();
        for (long key : keys) {
            sizes.merge(key, 1, Integer::sum);
        }
        return sizes;
    }

    /** Per row, a number that identifies its combination of generalized values (exact: codes are dense). */
    private long[] keys(int[] levels) {
        long[] keys = new long[data.rows()];
        Map<Long, Long> combined = new HashMap<>();
        for (int q = 0; q < levels.length; q++) {
            int[] recode = recode(q, levels[q]);
            long cardinality = recode.length + 1L;
            int[] codes = data.codes().get(q);
            combined.clear();
            for (int r = 0; r < keys.length; r++) {
                // keys[r] < rows and recode < cardinality, so the pair fits in a long without collisions
                long pair = keys[r] * cardinality + recode[codes[r]];
                Long id = combined.get(pair);
                if (id == null) {
                    id = (long) combined.size();
                    combined.put(pair, id);
                }
                keys[r] = id;
            }
        }
        return keys;
    }

    /** Per distinct value of quasi-identifier q, a dense code of its generalization at the level. */
    private int[] recode(int q, int level) {
        List<String> values = data.values().get(q);
        Map<String, Integer> codes = new HashMap<>();
        int[] recode = new int[values.size()];
        for (int v = 0; v < values.size(); v++) {
            recode[v] = codes.computeIfAbsent(hierarchies.get(q).generalize(values.get(v), level), g -> codes.size());
        }
        return recode;
    }
}
