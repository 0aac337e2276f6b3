package dev.veracity.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DDM (Gama, Medas, Castillo and Rodrigues 2004): the error rate p_i and its deviation s_i = sqrt(p_i (1 - p_i) / i)
 * against their minimum p_min + s_min; a drift when p_i + s_i > p_min + 3 s_min (a warning above 2; strictly, so that a run of zero errors, s = 0, is no drift), only after
 * {@code minInstances} values; everything resets after a drift.
 *
 * <pre>{@code
 * DriftDetectionMethod ddm = new DriftDetectionMethod(30, 2, 3);
 * }</pre>
 */
public final class DriftDetectionMethod implements ErrorStreamDetector {
    private final int minInstances;
    private final double warningLevel;
    private final double driftLevel;
    private long count;
    private double rate;
    private double minRate;
    private double minDeviation;
    private boolean warning;

    /** A DDM with the paper's parameters: 30 instances, warning at 2 and drift at 3 deviations. */
    public DriftDetectionMethod() {
        this(30, 2, 3);
    }

    /** A DDM with the given warm-up and levels (in deviations). */
    public DriftDetectionMethod(int minInstances, double warningLevel, double driftLevel) {
        if (minInstances < 1 || !(warningLevel > 0) || !(driftLevel >= warningLevel)) {
            throw new IllegalArgumentException("expected minInstances >= 1 and 0 < warning <= drift");
        }
        this.minInstances = minInstances;
        this.warningLevel = warningLevel;
        this.driftLevel = driftLevel;
        reset();
    }

    private void reset() {
        count = 0;
        rate = 0;
        minRate = Double.POSITIVE_INFINITY;
        minDeviation = Double.POSITIVE_INFINITY;
        warning = false;
    }

    @Override
    public boolean update(double value) {
        count++;
        rate += (value - rate) / count;
        double deviation = Math.sqrt(rate * (1 - rate) / count);
        if (count < minInstances) {
            return false;
        }
        if (rate + deviation <= minRate + minDeviation) {
            minRate = rate;
            minDeviation = deviation;
        }
        if (rate + deviation > minRate + driftLevel * minDeviation) {
            reset();
            return true;
        }
        warning = rate + deviation > minRate + warningLevel * minDeviation;
        return false;
    }

    /** {@return whether the last value was in the warning zone} */
    public boolean warning() {
        return warning;
    }

    @Override
    public String name() {
        return "ddm";
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("min_instances", (double) minInstances);
        parameters.put("warning_level", warningLevel);
        parameters.put("drift_level", driftLevel);
        return parameters;
    }

    @Override
    public boolean binary() {
        return true;
    }
}
