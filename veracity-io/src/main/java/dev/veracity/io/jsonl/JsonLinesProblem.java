package dev.veracity.io.jsonl;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import java.util.Objects;

/**
 * A malformed line of a JSON Lines file: its error code and a message that reads
 * {@code FILE:LINE:COLUMN: expected ..., found ...}.
 *
 * @param code    the stable error code
 * @param message the complete message, with the place and what was expected and found
 */
record JsonLinesProblem(ErrorCode code, String message) {
    JsonLinesProblem {
        Objects.requireNonNull(code, "code is null");
        Objects.requireNonNull(message, "message is null");
    }

    /** {@return the exception a failing read throws for this problem} */
    InputException toException() {
        return new InputException(code, message);
    }

    /** {@return a key as messages show it: in double quotes, with quotes, backslashes and control chars escaped} */
    static String quote(String key) {
        StringBuilder s = new StringBuilder(key.length() + 2).append('"');
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F) {
                s.append(String.format("\\u%04X", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.append('"').toString();
    }
}
