package dev.veracity.monitoring;

import dev.veracity.data.ValueText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The decay rules: a span's metric worse than its slice's baseline by more than the threshold (absolute for a
 * higher-is-better score in [0, 1], relative for a loss or error), or the span's bootstrap interval entirely on the
 * worse side of the baseline's interval.
 */
final class DecayAlarms {
    private DecayAlarms() {}

    static List<PerformanceReport.Alarm> compare(
            List<PerformanceReport.SpanQuality> spans,
            Map<String, PerformanceReport.SpanQuality> baselines,
            boolean baselineIsFirstSpan,
            List<String> metrics,
            double maxDrop) {
        List<PerformanceReport.Alarm> alarms = new ArrayList<>();
        for (PerformanceReport.SpanQuality span : spans) {
            PerformanceReport.SpanQuality baseline = baselines.get(span.slice());
            if (baseline == null || (baselineIsFirstSpan && baseline.span().equals(span.span()))) {
                continue;
            }
            for (String name : metrics) {
                Metric now = span.metrics().get(name);
                Metric then = baseline.metrics().get(name);
                if (now == null || then == null || !now.computable() || !then.computable()) {
                    continue;
                }
                Direction direction = Direction.of(name);
                double worse = switch (direction) {
                    case HIGHER_IS_BETTER -> then.value() - now.value();
                    case LOWER_IS_BETTER ->
                        then.value() == 0 ? now.value() : (now.value() - then.value()) / then.value();
                    case NEUTRAL -> 0;
                };
                if (worse > maxDrop) {
                    String how = direction == Direction.HIGHER_IS_BETTER ? "a drop of at most " : "a rise of at most ";
                    alarms.add(new PerformanceReport.Alarm(
                            span.span(),
                            span.slice(),
                            "drop",
                            name,
                            then.value(),
                            now.value(),
                            name + ": expected " + how + ValueText.of(maxDrop)
                                    + (direction == Direction.LOWER_IS_BETTER ? " (relative)" : "")
                                    + " from the baseline "
                                    + ValueText.of(then.value()) + ", found " + ValueText.of(now.value())));
                }
                if (now.interval().isPresent() && then.interval().isPresent()) {
                    Metric.Interval a = now.interval().get();
                    Metric.Interval b = then.interval().get();
                    boolean outside = direction == Direction.HIGHER_IS_BETTER
                            ? a.high() < b.low()
                            : direction == Direction.LOWER_IS_BETTER && a.low() > b.high();
                    if (outside) {
                        alarms.add(new PerformanceReport.Alarm(
                                span.span(),
                                span.slice(),
                                "interval",
                                name,
                                then.value(),
                                now.value(),
                                name + ": expected an interval overlapping the baseline's [" + ValueText.of(b.low())
                                        + ", "
                                        + ValueText.of(b.high()) + "], found [" + ValueText.of(a.low()) + ", "
                                        + ValueText.of(a.high()) + "]"));
                    }
                }
            }
        }
        return alarms;
    }
}
