package dev.veracity.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs the four detectors over the error stream of the labeled rows in time order (file order among equal times):
 * 1 for a wrong class, or the absolute residual of a regression (for ADWIN and Page-Hinkley only). Rows are given one
 * at a time, span after span; a row's place is only asked for where a detector detects a drift.
 *
 * <pre>{@code
 * DetectorRuns runs = new DetectorRuns(Task.CLASSIFICATION, Set.of("adwin"));
 * runs.update(1, () -> "data.csv:2", "2024-05-06");
 * List<PerformanceReport.DetectorRun> result = runs.result();
 * }</pre>
 */
final class DetectorRuns {
    private final List<ErrorStreamDetector> detectors = List.of(
            new DriftDetectionMethod(), new EarlyDriftDetectionMethod(), new AdaptiveWindowing(), new PageHinkley());
    private final List<List<PerformanceReport.Detection>> detections = new ArrayList<>();
    private final boolean binary;
    private final Set<String> alarmDetectors;
    private long index;

    DetectorRuns(Task task, Set<String> alarmDetectors) {
        this.binary = task == Task.CLASSIFICATION;
        this.alarmDetectors = alarmDetectors;
        for (int d = 0; d < detectors.size(); d++) {
            detections.add(new ArrayList<>());
        }
    }

    /** Gives the next row of the time-ordered stream to every detector that applies. */
    void update(double error, Supplier<String> place, String span) {
        for (int d = 0; d < detectors.size(); d++) {
            ErrorStreamDetector detector = detectors.get(d);
            if (detector.binary() && !binary) {
                continue;
            }
            if (detector.update(error) && detections.get(d).size() < PerformanceReport.DetectorRun.MAX_DETECTIONS) {
                detections.get(d).add(new PerformanceReport.Detection(index, place.get(), span));
            }
        }
        index++;
    }

    /** {@return each detector's run} */
    List<PerformanceReport.DetectorRun> result() {
        List<PerformanceReport.DetectorRun> runs = new ArrayList<>();
        String stream = binary ? "error" : "absolute_residual";
        for (int d = 0; d < detectors.size(); d++) {
            ErrorStreamDetector detector = detectors.get(d);
            if (detector.binary() && !binary) {
                runs.add(new PerformanceReport.DetectorRun(
                        detector.name(),
                        detector.parameters(),
                        stream,
                        false,
                        List.of(),
                        "needs a 0/1 error stream (classification)"));
                continue;
            }
            runs.add(new PerformanceReport.DetectorRun(
                    detector.name(),
                    detector.parameters(),
                    stream,
                    alarmDetectors.contains(detector.name()),
                    detections.get(d),
                    ""));
        }
        return runs;
    }

    /** {@return an alarm at each alarming detector's first detection} */
    static List<PerformanceReport.Alarm> alarms(List<PerformanceReport.DetectorRun> runs) {
        List<PerformanceReport.Alarm> alarms = new ArrayList<>();
        for (PerformanceReport.DetectorRun run : runs) {
            if (run.raisesAlarm() && !run.detections().isEmpty()) {
                PerformanceReport.Detection first = run.detections().get(0);
                alarms.add(new PerformanceReport.Alarm(
                        first.span(),
                        PerformanceEvaluator.ALL,
                        run.name(),
                        run.stream(),
                        Double.NaN,
                        Double.NaN,
                        run.name() + ": expected a stationary " + run.stream().replace('_', ' ')
                                + " stream, found a drift at row "
                                + first.row() + " (stream position " + first.index() + ", "
                                + run.detections().size() + " detection(s) in all)"));
            }
        }
        return alarms;
    }
}
