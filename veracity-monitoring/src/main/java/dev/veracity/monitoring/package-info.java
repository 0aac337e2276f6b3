/**
 * Model monitoring once labels arrive: quality metrics per span and slice as scikit-learn defines them, decay alarms,
 * error-stream drift detectors, and the diagnosis of a shift as covariate, prior or concept shift.
 */
package dev.veracity.monitoring;
