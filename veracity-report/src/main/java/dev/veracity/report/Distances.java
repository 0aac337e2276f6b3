package dev.veracity.report;

import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.Histogram;
import dev.veracity.schema.metrics.Comparison;
import dev.veracity.schema.metrics.JensenShannon;
import dev.veracity.schema.metrics.LInfinity;
import java.util.Map;
import java.util.Optional;

/**
 * Distances between two datasets' statistics of a feature with the metrics the validator's comparators use
 * ({@link LInfinity}, {@link JensenShannon}): the rank histograms of categorical features, the equal-width (STANDARD)
 * histograms of numeric ones, as a {@code jensen_shannon_divergence} comparator with the default source does.
 *
 * <pre>{@code
 * Distance d = Distances.between(evalFeature, trainFeature);   // treatment, control
 * }</pre>
 */
public final class Distances {
    private Distances() {}

    /** {@return the distances of {@code treatment} from {@code control}; a metric that cannot apply says why} */
    public static Distance between(FeatureNameStatistics treatment, FeatureNameStatistics control) {
        if (treatment.hasStringStats() && control.hasStringStats()) {
            Map<String, Double> a = FeatureSummaries.labels(treatment.getStringStats());
            Map<String, Double> b = FeatureSummaries.labels(control.getStringStats());
            return new Distance(LInfinity.distance(a, b), JensenShannon.categorical(a, b));
        }
        Comparison noRanks = new Comparison.Unavailable("L-infinity compares rank histograms of categorical features");
        if (treatment.hasNumStats() && control.hasNumStats()) {
            Optional<Histogram> a = standard(treatment);
            Optional<Histogram> b = standard(control);
            Comparison divergence = a.isPresent() && b.isPresent()
                    ? JensenShannon.numeric(a.get(), b.get())
                    : new Comparison.Unavailable("a side has no equal-width histogram");
            return new Distance(noRanks, divergence);
        }
        Comparison kinds = new Comparison.Unavailable("the datasets' statistics of the feature are of different "
                + "kinds (" + treatment.getStatsCase() + ", " + control.getStatsCase() + ")");
        return new Distance(treatment.hasNumStats() || control.hasNumStats() ? noRanks : kinds, kinds);
    }

    private static Optional<Histogram> standard(FeatureNameStatistics feature) {
        return feature.getNumStats().getHistogramsList().stream()
                .filter(h -> h.getType() == Histogram.HistogramType.STANDARD)
                .findFirst();
    }
}
