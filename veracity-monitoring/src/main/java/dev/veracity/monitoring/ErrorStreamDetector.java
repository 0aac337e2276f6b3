package dev.veracity.monitoring;

import java.util.Map;

/**
 * An online drift detector over a model's error stream (1 for a wrong prediction, 0 for a right one; or an absolute
 * residual for the detectors that take real values), fed in time order.
 *
 * <pre>{@code
 * ErrorStreamDetector ddm = new DriftDetectionMethod();
 * for (int i = 0; i < errors.length; i++) if (ddm.update(errors[i])) System.out.println("drift at " + i);
 * }</pre>
 */
public sealed interface ErrorStreamDetector
        permits DriftDetectionMethod, EarlyDriftDetectionMethod, AdaptiveWindowing, PageHinkley {
    /** {@return whether this value completes a drift detection; the detector then resets or shrinks its window} */
    boolean update(double value);

    /** {@return the detector's short name: ddm, eddm, adwin or page_hinkley} */
    String name();

    /** {@return the detector's parameters by name, for the report} */
    Map<String, Double> parameters();

    /** {@return whether the detector needs a 0/1 stream (DDM and EDDM) rather than any real values} */
    boolean binary();
}
