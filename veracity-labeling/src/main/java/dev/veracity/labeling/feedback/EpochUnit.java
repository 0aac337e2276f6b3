package dev.veracity.labeling.feedback;

/** The unit of numeric timestamps (strings are always ISO-8601). */
public enum EpochUnit {
    /**
     * Seconds, unless the magnitude is at least 10^11 (which in seconds would be past the year 5000), then
     * milliseconds. Decided per value, so one file may mix both.
     */
    AUTO,
    SECONDS,
    MILLISECONDS
}
