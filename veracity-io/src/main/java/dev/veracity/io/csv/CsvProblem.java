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
