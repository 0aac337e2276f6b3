package dev.veracity;

/**
 * Input that cannot be read as what it claims to be: a missing file, a ragged CSV row, an unterminated quote.
 *
 * <pre>{@code
 * throw new InputException(ErrorCode.CSV_RAGGED_ROW, "runs.csv:17:6: expected 8 fields as in the header, found 5");
 * }</pre>
 */
public final class InputException extends VeracityException {
    public InputException(ErrorCode errorCode, String message) {
        super(errorCode, message, null);
    }

    public InputException(ErrorCode errorCode, String message, Throwable cause) {
        super(errorCode, message, cause);
    }
}
