package dev.veracity.monitoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Runs the four detectors over the error stream of the labeled rows in time order (file order among equal times):
 * 1 for a wrong class, or the absolute residual of a regression (for ADWIN and Page-Hinkley only).
 */
final class DetectorRuns {
    private DetectorRuns() {}

    static List<PerformanceReport.DetectorRun> run(
            PredictionReader.Rows rows, Predictions predictions, Set<String> alarmDetectors) {
        Integer[] boxed = IntStream.range(0, rows.label.size()).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(boxed, Comparator.comparing(rows.time::get));
        List<ErrorStreamDetector> detectors = List.of(
                new DriftDetectionMethod(),
                new EarlyDriftDetectionMethod(),
                new AdaptiveWindowing(),
                new PageHinkley());
        boolean binary = predictions.task() == Task.CLASSIFICATION;
        List<PerformanceReport.DetectorRun> runs = new ArrayList<>();
        for (ErrorStreamDetector detector : detectors) {
            String stream = binary ? "error" : "absolute_residual";
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
            List<PerformanceReport.Detection> detections = new ArrayList<>();
            for (int i = 0; i < boxed.length; i++) {
                int row = boxed[i];
                if (detector.update(predictions.error(row))
                        && detections.size() < PerformanceReport.DetectorRun.MAX_DETECTIONS) {
                    detections.add(new PerformanceReport.Detection(i, rows.place.get(row), rows.span.get(row)));
                }
            }
            runs.add(new PerformanceReport.DetectorRun(
                    detector.name(),
                    detector.parameters(),
                    stream,
                    alarmDetectors.contains(detector.name()),
                    detections,
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
