package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
    @Test
    void drawsPercentAndErasesItsLine() {
        StringWriter text = new StringWriter();
        long[] now = {0};
        TerminalProgress progress = new TerminalProgress(new PrintWriter(text), true, () -> now[0]);
        progress.update("computing statistics", 1, 200_000_000);
        assertThat(text.toString()).as("nothing in the first 200 ms").isEmpty();
        now[0] = 250_000_000L;
        progress.update("computing statistics", 50_000_000, 200_000_000);
        assertThat(text.toString()).isEqualTo("\rveracity: computing statistics  25% (50 of 200 MB)");
        progress.finish();
        assertThat(text.toString()).endsWith("\r" + " ".repeat(50) + "\r");
    }

    @Test
    void showsNothingWithoutATerminal() {
        StringWriter text = new StringWriter();
        TerminalProgress progress = new TerminalProgress(new PrintWriter(text), false, () -> Long.MAX_VALUE);
        progress.update("computing statistics", 1, 2);
        progress.finish();
        assertThat(text.toString()).isEmpty();
    }
}
