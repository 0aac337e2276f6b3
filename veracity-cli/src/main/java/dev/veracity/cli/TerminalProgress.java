package dev.veracity.cli;

import dev.veracity.io.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress display on stderr, redrawn at most five times a second and erased by {@link #finish()}.
 * Shown only when the JVM has a terminal, so logs and pipes stay clean.
 */
final class TerminalProgress implements Progress {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final LongSupplier clock;
    private long lastDraw;
    private int drawnLength;

    /**
     * A display that first draws {@value #REDRAW_NANOS} ns after it is made, so quick work shows nothing.
     *
     * @param clock nanoseconds, as {@link System#nanoTime()}
     */
    TerminalProgress(PrintWriter err, boolean enabled, LongSupplier clock) {
        this.err = err;
        this.enabled = enabled;
        this.clock = clock;
        this.lastDraw = clock.getAsLong();
    }

    /** {@return a display on {@code err} if this process runs in a terminal, else one that shows nothing} */
    static TerminalProgress forTerminal(PrintWriter err) {
        return new TerminalProgress(err, System.console() != null, System::nanoTime);
    }

    @Override
    public void update(String phase, long done, long total) {
        long now = clock.getAsLong();
        if (!enabled || now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        String line = String.format(
                Locale.ROOT,
                "veracity: %s %3.0f%% (%,.0f of %,.0f MB)",
                phase,
                total == 0 ? 100.0 : 100.0 * done / total,
                done / 1e6,
                total / 1e6);
        err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        err.flush();
        drawnLength = line.length();
    }

    /** Erases the display, if anything was drawn. */
    void finish() {
        if (drawnLength > 0) {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            err.flush();
            drawnLength = 0;
        }
    }
}
