package dev.veracity;

/** A configuration or option value that cannot work, such as a negative number of histogram buckets. */
public final class ConfigException extends VeracityException {
    public ConfigException(String message) {
        super(ErrorCode.INVALID_OPTION, message, null);
    }

    /** An error with a more specific code than {@link ErrorCode#INVALID_OPTION}, e.g. a schema edit that cannot work. */
    public ConfigException(ErrorCode errorCode, String message) {
        super(errorCode, message, null);
    }
}
