package dev.veracity.io;

import java.nio.file.Path;

/** A child process for {@link AtomicFilesProcessTest}: starts an atomic write, says so, and waits to be killed. */
final class SlowWriter {
    private SlowWriter() {}

    public static void main(String[] args) throws Exception {
        AtomicFiles.write(Path.of(args[0]), out -> {
            out.write(new byte[1 << 20]);
            out.flush();
            System.out.println("writing");
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException("interrupted");
            }
        });
    }
}
