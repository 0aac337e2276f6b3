package dev.veracity;

import java.util.Objects;

/**
 * The one family of errors a user sees. The message names the file, line or record, column, what was expected and
 * what was found; the CLI prints it as one line and exits with code 2.
 */
public abstract sealed class VeracityException extends RuntimeException permits InputException, ConfigException {
    private final ErrorCode errorCode;

    protected VeracityException(ErrorCode errorCode, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message is null"), cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode is null");
    }

    /** {@return the stable code of this error} */
    public ErrorCode errorCode() {
        return errorCode;
    }
}
