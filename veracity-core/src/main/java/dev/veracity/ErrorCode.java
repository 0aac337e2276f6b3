package dev.veracity;

/**
 * Stable names for everything that can go wrong in front of a user. A code is never reused for another meaning.
 *
 * <p>The category says whose fault it is: {@link Category#USER} (bad input or usage, exit code 2),
 * {@link Category#EXTERNAL} (the environment: an unreadable disk, exit code 2), {@link Category#INTERNAL} (a bug, exit 3).
 */
public enum ErrorCode {
    FILE_NOT_FOUND(Category.USER),
    NOT_A_REGULAR_FILE(Category.USER),
    FILE_UNREADABLE(Category.EXTERNAL),
    FILE_UNWRITABLE(Category.EXTERNAL),
    UNSUPPORTED_FILE_FORMAT(Category.USER),
    CSV_EMPTY_FILE(Category.USER),
    CSV_BAD_HEADER(Category.USER),
    CSV_RAGGED_ROW(Category.USER),
    CSV_UNTERMINATED_QUOTE(Category.USER),
    CSV_TEXT_AFTER_CLOSING_QUOTE(Category.USER),
    CSV_RECORD_TOO_LONG(Category.USER),
    STATISTICS_FILE_INVALID(Category.USER),
    INVALID_OPTION(Category.USER),
    JSONL_EMPTY_FILE(Category.USER),
    JSONL_SYNTAX(Category.USER),
    JSONL_NOT_AN_OBJECT(Category.USER),
    JSONL_TYPE_CONFLICT(Category.USER),
    JSONL_UNSUPPORTED_VALUE(Category.USER),
    JSONL_DUPLICATE_KEY(Category.USER),
    JSONL_LINE_TOO_LONG(Category.USER),
    SCHEMA_FILE_INVALID(Category.USER),
    ANOMALIES_FILE_INVALID(Category.USER),
    SCHEMA_FEATURE_NOT_FOUND(Category.USER),
    SCHEMA_EDIT_INVALID(Category.USER),
    STATISTICS_NOT_USABLE(Category.USER),
    ENVIRONMENT_UNKNOWN(Category.USER),
    LABEL_EVENT_INVALID(Category.USER),
    LABEL_PROJECT_INVALID(Category.USER),
    PREDICTION_VALUE_INVALID(Category.USER),
    CSV_VALUE_NOT_OF_SCHEMA_TYPE(Category.USER),
    SKEW_IDENTIFIER_NOT_FOUND(Category.USER),
    FEATURE_TYPE_CONFLICT(Category.USER),
    TFRECORD_CORRUPT(Category.USER),
    TFRECORD_TRUNCATED(Category.USER),
    TFRECORD_INVALID_EXAMPLE(Category.USER),
    PARQUET_INVALID(Category.USER),
    AVRO_INVALID(Category.USER),
    JDBC_FAILED(Category.EXTERNAL),
    CONVERT_NOT_REPRESENTABLE(Category.USER),
    CONFIG_FILE_INVALID(Category.USER),
    TRANSFORM_DIRECTORY_INVALID(Category.USER),
    TRANSFORM_VALUE_INVALID(Category.USER);

    /** Whose fault an error is. */
    public enum Category {
        USER,
        EXTERNAL,
        INTERNAL
    }

    private final Category category;

    ErrorCode(Category category) {
        this.category = category;
    }

    /** {@return who has to act: the user, the environment, or us} */
    public Category category() {
        return category;
    }
}
