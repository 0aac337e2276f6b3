package dev.veracity.pipeline.components;

import dev.veracity.io.AnomaliesFiles;
import dev.veracity.metadata.Artifact;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.DriftSkewInfo;
import dev.veracity.report.MetricHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The drift of each feature span after span, for the report's "Metric history" section: per split, feature and
 * measurement (L-infinity, Jensen-Shannon divergence), the value each DriftCheck measured against its previous span,
 * a point marked where it crossed its threshold.
 *
 * <pre>{@code
 * List<MetricHistory> series = DriftHistory.of(driftArtifacts, List.of("train"), true);
 * }</pre>
 */
final class DriftHistory {
    /** How the marked points were chosen, as the report names it. */
    static final String STRATEGY = "over the drift threshold of DriftCheck";

    private DriftHistory() {}

    /** One measured value: its span, the value and the threshold. */
    private record Measured(long span, double value, double threshold) {}

    /** One series: a feature's measurement of one type in one split. */
    private record Series(String feature, String measurement, String split) {}

    private static final Comparator<Series> ORDER = Comparator.comparing(Series::feature)
            .thenComparing(Series::measurement)
            .thenComparing(Series::split);

    /**
     * {@return a series per split, feature and measurement, oldest span first} from DriftCheck outputs (one per span;
     * of two with the same span the later execution counts); a series of fewer than two spans is left out
     *
     * @param dates whether spans are shown as dates
     */
    static List<MetricHistory> of(List<Artifact> drifts, List<String> splits, boolean dates) throws IOException {
        Map<Long, Artifact> bySpan = new TreeMap<>();
        drifts.stream()
                .sorted(Comparator.comparingLong(Artifact::id))
                .forEach(a -> bySpan.put(Splits.span(List.of(a)), a));
        Map<Series, List<Measured>> series = new TreeMap<>(ORDER);
        for (Map.Entry<Long, Artifact> entry : bySpan.entrySet()) {
            for (String split : splits) {
                Path file = Splits.directory(Path.of(entry.getValue().uri()), split)
                        .resolve(ExampleValidator.ANOMALIES_FILE);
                if (!Files.exists(file)) {
                    continue;
                }
                Anomalies anomalies = AnomaliesFiles.read(file);
                for (DriftSkewInfo info : anomalies.getDriftSkewInfoList()) {
                    String feature = String.join(".", info.getPath().getStepList());
                    for (DriftSkewInfo.Measurement m : info.getDriftMeasurementsList()) {
                        series.computeIfAbsent(new Series(feature, m.getType().name(), split), k -> new ArrayList<>())
                                .add(new Measured(entry.getKey(), m.getValue(), m.getThreshold()));
                    }
                }
            }
        }
        List<MetricHistory> histories = new ArrayList<>();
        for (Map.Entry<Series, List<Measured>> entry : series.entrySet()) {
            if (entry.getValue().size() < 2) {
                continue;
            }
            Series key = entry.getKey();
            String metric = "drift " + key.measurement().toLowerCase(Locale.ROOT)
                    + (splits.size() > 1 ? " " + key.split() : "");
            List<MetricHistory.Point> points = new ArrayList<>();
            for (Measured measured : entry.getValue()) {
                boolean over = measured.value() > measured.threshold();
                points.add(new MetricHistory.Point(
                        SpanPattern.label(measured.span(), dates),
                        measured.value(),
                        over,
                        over ? 0 : Double.NaN,
                        over ? measured.threshold() : Double.NaN));
            }
            histories.add(new MetricHistory(key.feature(), metric, STRATEGY, points));
        }
        return histories;
    }
}
