package dev.veracity.cli;

/** The exit codes of every command; a CI gate can tell "anomalies found" (1) from a crash (3). */
final class ExitCodes {
    static final int OK = 0;
    static final int ANOMALIES = 1;
    static final int USER_ERROR = 2;
    static final int INTERNAL_ERROR = 3;

    /** {@return the list {@code --help} prints, code to meaning, in order} */
    static java.util.Map<String, String> helpList() {
        java.util.Map<String, String> list = new java.util.LinkedHashMap<>();
        list.put(" " + OK, "Success.");
        list.put(
                " " + ANOMALIES,
                "Found a problem in the data: anomalies (validate), drift alarms (drift), "
                        + "mismatches (skew), a breaking change (schema diff).");
        list.put(" " + USER_ERROR, "Usage or input error: bad option, missing or malformed file.");
        list.put(" " + INTERNAL_ERROR, "Internal error: a bug in Veracity; please report it with --verbose output.");
        return list;
    }

    private ExitCodes() {}
}
