package dev.veracity.io.csv;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import java.util.List;
import java.util.Objects;

/**
 * A malformed CSV record: its error code and a message that reads {@code FILE:LINE:FIELD (NAME): expected ..., found ...}.
 *
 * @param code    the stable error code
 * @param message the complete message, with the place and what was expected and found
 */
record CsvProblem(ErrorCode code, String message) {
    CsvProblem {
        Objects.requireNonNull(code, "code is null");
        Objects.requireNonNull(message, "message is null");
    }

    /** {@return the exception a failing read throws for this problem} */
    InputException toException() {
        return new InputException(code, message);
    }

    /** {@return the problem of a quoted field still open at the end of the file} @param place as {@link #place} */
    static CsvProblem unterminatedQuote(String place, byte quote) {
        return new CsvProblem(
                ErrorCode.CSV_UNTERMINATED_QUOTE,
                place + ": expected a closing quote (" + symbol(quote) + ") before the end of the file, found none");
    }

    /** {@return the problem of a byte other than a delimiter or line end after a closing quote} */
    static CsvProblem textAfterClosingQuote(String place, byte delimiter, byte found) {
        return new CsvProblem(
                ErrorCode.CSV_TEXT_AFTER_CLOSING_QUOTE,
                place + ": expected a delimiter (" + symbol(delimiter)
                        + ") or a line end after the closing quote, found " + describe(found));
    }

    /**
     * {@return the error of a record longer than the limit}
     *
     * @param openQuoteLine the line of a quote still open, which may be the cause, or 0
     */
    static InputException recordTooLong(String place, int maxRecordBytes, long openQuoteLine) {
        String hint = openQuoteLine == 0 ? "" : " (the quote opened on line " + openQuoteLine + " may be unclosed)";
        return new InputException(
                ErrorCode.CSV_RECORD_TOO_LONG,
                place + ": expected a record of at most " + maxRecordBytes + " bytes, found a longer one" + hint);
    }

    /** {@return {@code FILE:LINE:FIELD}, followed by the field's header name in parentheses when there is one} */
    static String place(String fileName, long line, int field, List<String> columnNames) {
        String place = fileName + ":" + line + ":" + field;
        return field >= 1 && field <= columnNames.size() ? place + " (" + columnNames.get(field - 1) + ")" : place;
    }

    /** {@return a delimiter or quote byte as a message shows it: the character itself when printable ASCII} */
    static String symbol(byte b) {
        return b > 0x20 && b < 0x7F ? String.valueOf((char) b) : describe(b);
    }

    /** {@return a byte as a message shows it: {@code 'x'} when printable ASCII, else {@code byte 0xC3}} */
    static String describe(byte b) {
        if (b == '\r') {
            return "CR";
        }
        if (b == '\n') {
            return "LF";
        }
        if (b == '\t') {
            return "TAB";
        }
        if (b >= 0x20 && b < 0x7F) {
            return "'" + (char) b + "'";
        }
        return String.format("byte 0x%02X", b & 0xFF);
    }
}
