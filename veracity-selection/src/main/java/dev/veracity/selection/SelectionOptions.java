package dev.veracity.selection;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to select against and how.
 *
 * @param label           the label column
 * @param task            the task, or AUTO to decide from the label
 * @param methods         the methods to report (all applicable ones by default)
 * @param categoricalInts INT features to treat as categorical (the schema's {@code int_domain.is_categorical})
 * @param ranking         how many features to select
 * @param spearmanRows    the complete rows Spearman's rho is exact up to
 * @param miSample        the complete rows KSG mutual information samples at most
 * @param seed            the seed of any sample and of the bootstrap resamples
 * @param bootstrap       how many Poisson(1) resamples to repeat the selection on, for stability; 0 for none
 * @param serving         which features are absent when serving, flagged {@code absent_in_serving}
 */
public record SelectionOptions(
        String label,
        Task task,
        Set<Method> methods,
        Set<String> categoricalInts,
        Ranking ranking,
        int spearmanRows,
        int miSample,
        long seed,
        int bootstrap,
        ServingCheck serving) {
    /** An INT label with at most this many distinct values is a classification label under AUTO. */
    public static final int MAX_AUTO_CLASSES = 20;
    /** Strength from which a feature is flagged as leaking the label. */
    public static final double LEAKAGE_STRENGTH = 0.99;

    public SelectionOptions {
        Objects.requireNonNull(label, "label is null");
        Objects.requireNonNull(task, "task is null");
        methods = methods.isEmpty() ? Set.copyOf(EnumSet.allOf(Method.class)) : Set.copyOf(methods);
        categoricalInts = Set.copyOf(categoricalInts);
        Objects.requireNonNull(ranking, "ranking is null");
        if (spearmanRows < 3) {
            throw new IllegalArgumentException("spearmanRows must be at least 3: " + spearmanRows);
        }
        if (miSample < 3) {
            throw new IllegalArgumentException("miSample must be at least 3: " + miSample);
        }
        Objects.requireNonNull(serving, "serving is null");
        if (bootstrap < 0) {
            throw new IllegalArgumentException("bootstrap must be at least 0: " + bootstrap);
        }
    }

    /** Options without a serving check. */
    public SelectionOptions(
            String label,
            Task task,
            Set<Method> methods,
            Set<String> categoricalInts,
            Ranking ranking,
            int spearmanRows,
            int miSample,
            long seed,
            int bootstrap) {
        this(
                label,
                task,
                methods,
                categoricalInts,
                ranking,
                spearmanRows,
                miSample,
                seed,
                bootstrap,
                ServingCheck.none());
    }

    /** Options without bootstrap. */
    public SelectionOptions(
            String label,
            Task task,
            Set<Method> methods,
            Set<String> categoricalInts,
            Ranking ranking,
            int spearmanRows,
            int miSample,
            long seed) {
        this(label, task, methods, categoricalInts, ranking, spearmanRows, miSample, seed, 0, ServingCheck.none());
    }

    /**
     * {@return the defaults for a label: AUTO, every method, select all, exact Spearman up to 200,000 rows, KSG on
     * at most 100,000}
     */
    public static SelectionOptions of(String label) {
        return new SelectionOptions(
                label,
                Task.AUTO,
                Set.of(),
                Set.of(),
                new Ranking(0, 0),
                RankCorrelationAccumulator.DEFAULT_CAPACITY,
                KsgAccumulator.DEFAULT_CAPACITY,
                42);
    }

    /** {@return the method names, in {@link Method} order, for messages} */
    public List<String> methodNames() {
        return EnumSet.copyOf(methods).stream().map(Method::jsonName).toList();
    }
}
