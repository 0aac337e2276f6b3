package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.io.csv.CsvOptions;

/**
 * The {@code --delimiter} option of the commands that read raw rows: one ASCII character, {@code \t} for tab, but
 * not the quote or a line break, which CSV itself uses.
 */
final class CsvDelimiter {
    private CsvDelimiter() {}

    static CsvOptions options(String delimiter) {
        String d = delimiter.equals("\\t") ? "\t" : delimiter;
        if (d.length() != 1 || d.charAt(0) > 127) {
            throw new ConfigException("--delimiter: expected one ASCII character, found '" + delimiter + "'");
        }
        char c = d.charAt(0);
        if (c == '"' || c == '\r' || c == '\n') {
            throw new ConfigException("--delimiter: expected a character other than the quote and line breaks, found "
                    + (c == '"' ? "'\"'" : c == '\r' ? "a carriage return" : "a line feed"));
        }
        return CsvOptions.DEFAULT.withDelimiter((byte) d.charAt(0));
    }
}
