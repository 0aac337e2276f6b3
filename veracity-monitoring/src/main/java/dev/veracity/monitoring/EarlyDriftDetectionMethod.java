package dev.veracity.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * EDDM (Baena-Garcia et al. 2006): the distances between consecutive errors, their mean p' and deviation s', and the
 * maximum of p' + 2 s'; a drift when (p' + 2 s') / max falls below {@code driftRatio} (a warning below
 * {@code warningRatio}), only after {@code minErrors} errors; everything resets after a drift.
 *
 * <pre>{@code
 * EarlyDriftDetectionMethod eddm = new EarlyDriftDetectionMethod(30, 0.95, 0.90);
 * }</pre>
 */
public final class EarlyDriftDetectionMethod implements ErrorStreamDetector {
    private final int minErrors;
    private final double warningRatio;
    private final double driftRatio;
    private long index;
    private long lastError;
    private long errors;
    private double mean;
    private double squares;
    private double max;
    private boolean warning;

    /** An EDDM with the paper's parameters: 30 errors, warning at 0.95 and drift at 0.90. */
    public EarlyDriftDetectionMethod() {
        this(30, 0.95, 0.90);
    }

    /** An EDDM with the given warm-up (in errors) and ratios. */
    public EarlyDriftDetectionMethod(int minErrors, double warningRatio, double driftRatio) {
        if (minErrors < 2 || !(driftRatio > 0) || !(warningRatio >= driftRatio) || !(warningRatio < 1)) {
            throw new IllegalArgumentException("expected minErrors >= 2 and 0 < drift <= warning < 1");
        }
        this.minErrors = minErrors;
        this.warningRatio = warningRatio;
        this.driftRatio = driftRatio;
        reset();
    }

    private void reset() {
        index = 0;
        lastError = 0;
        errors = 0;
        mean = 0;
        squares = 0;
        max = 0;
        warning = false;
    }

    @Override
    public boolean update(double value) {
        index++;
        if (value < 0.5) {
            return false;
        }
        double distance = index - lastError;
        lastError = index;
        errors++;
        double before = mean;
        mean += (distance - mean) / errors;
        squares += (distance - before) * (distance - mean);
        if (errors < minErrors) {
            return false;
        }
        double level = mean + 2 * Math.sqrt(squares / errors);
        if (level > max) {
            max = level;
            warning = false;
            return false;
        }
        double ratio = level / max;
        if (ratio < driftRatio) {
            reset();
            return true;
        }
        warning = ratio < warningRatio;
        return false;
    }

    /** {@return whether the last error was in the warning zone} */
    public boolean warning() {
        return warning;
    }

    @Override
    public String name() {
        return "eddm";
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("min_errors", (double) minErrors);
        parameters.put("warning_ratio", warningRatio);
        parameters.put("drift_ratio", driftRatio);
        return parameters;
    }

    @Override
    public boolean binary() {
        return true;
    }
}
