package dev.veracity.io.parquet;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import java.io.IOException;

/**
 * Tells a corrupt Parquet file from a bug of ours: an exception raised by parquet-mr or a codec it calls is about
 * the file (an input error, exit code 2); one raised by Veracity's own code propagates unchanged (exit code 3).
 * Messages become one line: parquet-mr quotes whole schemas, one field per line.
 */
final class ParquetErrors {
    /** How much of parquet-mr's message an error quotes. */
    private static final int MAX_QUOTED = 200;

    private ParquetErrors() {}

    /**
     * {@return {@code e} as an input error whose message starts with {@code where} and {@code expected}} if the file
     * caused it; otherwise rethrows {@code e} unchanged, as the bug it is
     */
    static InputException classify(String where, String expected, Exception e) {
        if (e instanceof InputException input) {
            return input;
        }
        if (e instanceof RuntimeException runtime && !raisedByDependency(runtime)) {
            throw runtime;
        }
        return new InputException(
                ErrorCode.PARQUET_INVALID,
                where + ": expected " + expected + ", found " + e.getClass().getSimpleName() + ": "
                        + oneLine(e.getMessage()),
                e);
    }

    /**
     * {@return whether the first frame outside the JDK is not Veracity's}: a library (parquet-mr, a codec) found
     * the data wrong, rather than our code misusing it. An {@link IOException} is always about the file.
     */
    static boolean raisedByDependency(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
                continue;
            }
            return !type.startsWith("dev.veracity.");
        }
        return false;
    }

    /** {@return the message on one line, whitespace runs as one space, at most {@value #MAX_QUOTED} characters} */
    static String oneLine(String message) {
        if (message == null) {
            return "no message";
        }
        String line = message.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_QUOTED ? line : line.substring(0, MAX_QUOTED) + "...";
    }
}
