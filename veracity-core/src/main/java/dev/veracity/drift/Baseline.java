package dev.veracity.drift;

import static java.util.Objects.requireNonNull;

import dev.veracity.proto.DatasetFeatureStatisticsList;

/**
 * What each span of a {@link DriftSeries} is compared with, besides the span before it: the first span, the
 * previous span (then both comparisons are the same), or statistics given apart (e.g. the training data).
 *
 * <pre>{@code
 * DriftSeries.of(spans).baseline(Baseline.of(trainStats, "train.pb")).run();
 * }</pre>
 */
public sealed interface Baseline {
    /** {@return the first span as the baseline (the default)} */
    static Baseline first() {
        return new First();
    }

    /** {@return the previous span as the baseline} */
    static Baseline previous() {
        return new Previous();
    }

    /** {@return statistics given apart as the baseline, named in reports} */
    static Baseline of(DatasetFeatureStatisticsList statistics, String name) {
        return new Fixed(statistics, name);
    }

    /** The first span. */
    record First() implements Baseline {}

    /** The span before each span. */
    record Previous() implements Baseline {}

    /**
     * Statistics given apart.
     *
     * @param statistics the baseline statistics
     * @param name       how reports name it (e.g. its file)
     */
    record Fixed(DatasetFeatureStatisticsList statistics, String name) implements Baseline {
        public Fixed {
            requireNonNull(statistics, "statistics is null");
            requireNonNull(name, "name is null");
        }
    }
}
