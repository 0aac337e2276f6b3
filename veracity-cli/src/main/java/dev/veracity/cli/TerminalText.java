package dev.veracity.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Makes text from data safe to print on a terminal: control characters (C0, DEL, C1, so ESC and with it every
 * escape sequence, OSC included) become visible escapes such as {@code \x1b}, so a value cannot move the cursor,
 * recolour the screen, set the window title or forge a line.
 *
 * <pre>{@code
 * err.println("veracity: error: " + TerminalText.escape(message));
 * }</pre>
 */
final class TerminalText {
    private TerminalText() {}

    /** {@return {@code text} on one line: every control character escaped, line breaks as {@code \n}} */
    static String escape(String text) {
        return escape(text, false);
    }

    /** {@return {@code text} with its line structure kept: control characters other than line feed escaped} */
    static String escapeKeepingLines(String text) {
        return escape(text, true);
    }

    /** {@return {@code text} escaped to one line, shortened to {@code width} characters with an ellipsis} */
    static String printable(String text, int width) {
        String s = escape(text);
        if (s.codePointCount(0, s.length()) <= width) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, width - 1)) + "…";
    }

    private static String escape(String text, boolean keepLines) {
        if (text.codePoints().noneMatch(TerminalText::isControl)) {
            return text;
        }
        StringBuilder s = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (!isControl(cp) || keepLines && cp == '\n') {
                s.appendCodePoint(cp);
                return;
            }
            switch (cp) {
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> s.append(String.format(Locale.ROOT, "\\x%02x", cp));
            }
        });
        return s.toString();
    }

    /** C0 controls, DEL and C1 controls, and the Unicode line and paragraph separators. */
    private static boolean isControl(int cp) {
        return Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029;
    }

    /**
     * {@return a writer that escapes control characters other than line feed and tab on their way to {@code out}}:
     * {@link Main#main} puts it on stdout when stdout is a terminal, so no command can forward an escape sequence
     * from the data to it (output to a file or a pipe stays byte for byte).
     */
    static Writer safe(Writer out) {
        return new Safe(out);
    }

    /** Escapes control characters in a character stream; see {@link #safe}. */
    private static final class Safe extends FilterWriter {
        Safe(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            if (isControl(c) && c != '\n' && c != '\t') {
                out.write(escape(String.valueOf((char) c)));
            } else {
                out.write(c);
            }
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                write(buffer[i]);
            }
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                write(text.charAt(i));
            }
        }
    }
}
