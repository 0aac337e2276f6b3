package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void escapesEscapeSequencesOscAndOtherControls() {
        String hostile = "ok\u001b[2J\u001b]0;pwned\u0007\u009b31m\u007f\r\tend";
        assertThat(TerminalText.escape(hostile)).isEqualTo("ok\\x1b[2J\\x1b]0;pwned\\x07\\x9b31m\\x7f\\r\\tend");
    }

    @Test
    void oneLineUnlessLinesAreKept() {
        assertThat(TerminalText.escape("a\nb\u2028c")).isEqualTo("a\\nb\\x2028c");
        assertThat(TerminalText.escapeKeepingLines("a\nb\u001bc\n")).isEqualTo("a\nb\\x1bc\n");
    }

    @Test
    void plainTextIsUnchangedAndLongTextIsShortened() {
        assertThat(TerminalText.escape("Zürich — 東京")).isEqualTo("Zürich — 東京");
        assertThat(TerminalText.printable("abcdefgh", 5)).isEqualTo("abcd…");
        assertThat(TerminalText.printable("a\u001bb", 10)).isEqualTo("a\\x1bb");
    }

    @Test
    void theTerminalWriterEscapesWhateverACommandPrints() {
        java.io.StringWriter sink = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(TerminalText.safe(sink), true);
        out.print("group\u001b[31m red\u009b\tcount\n");
        out.printf("%s%n", "\u001b]8;;http://x\u0007link");
        out.flush();
        assertThat(sink.toString())
                .isEqualTo("group\\x1b[31m red\\x9b\tcount\n\\x1b]8;;http://x\\x07link" + System.lineSeparator());
    }
}
