package dev.veracity.monitoring;

import dev.veracity.io.TemporaryFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labeled rows of a {@code performance} run, spilled to one temporary file per span in binary form (label and
 * output as text, the class probabilities if any, time, slice, and the row's file and number for messages), so memory
 * holds one span at a time: rows
 * are buffered per span and all buffers are appended to their files when together they pass 4 MiB. A span is read
 * back in file order. The directory is deleted on close (and at exit, {@link TemporaryFiles}).
 *
 * <pre>{@code
 * try (SpanSpill spill = new SpanSpill()) {
 *     spill.add("2024-05-06", "1", "0.8", new double[0], time, "", 0, 12);
 *     SpanSpill.Rows rows = spill.read("2024-05-06", decoder);
 * }
 * }</pre>
 */
final class SpanSpill implements Closeable {
    private static final int BUFFERED_BYTES = 4 << 20;

    private final Path directory;
    private final TreeMap<String, Part> spans = new TreeMap<>();
    private final List<String> sliceNames = new ArrayList<>();
    private final Map<String, Integer> sliceIds = new HashMap<>();
    private long buffered;
    private long rows;

    private static final class Part {
        final Path file;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        int rows;

        Part(Path file) {
            this.file = file;
        }
    }

    /** The rows of one span read back: per row its time, slice ("" for none), file index and row number. */
    record Rows(long[] seconds, int[] nanos, String[] slices, int[] slice, int[] file, long[] row) {
        int size() {
            return seconds.length;
        }
    }

    /**
     * Turns each row's label and output text (and class probabilities, empty for none) into predictions; {@code place}
     * names the row for messages.
     */
    interface Decoder {
        void add(
                int index,
                String label,
                String output,
                double[] probabilities,
                java.util.function.Supplier<String> place);
    }

    /** Names a row for messages from its file index and row number. */
    interface Places {
        String of(int file, long row);
    }

    SpanSpill() throws IOException {
        directory = TemporaryFiles.register(Files.createTempDirectory("veracity-performance"));
    }

    /** Adds a labeled row to its span; {@code probabilities} is empty without class probabilities. */
    void add(
            String span,
            String label,
            String output,
            double[] probabilities,
            java.time.LocalDateTime time,
            String slice,
            int file,
            long row)
            throws IOException {
        Part part = spans.computeIfAbsent(span, s -> new Part(directory.resolve("span-" + spans.size() + ".bin")));
        Integer id = sliceIds.get(slice);
        if (id == null) {
            id = sliceNames.size();
            sliceNames.add(slice);
            sliceIds.put(slice, id);
        }
        int before = part.buffer.size();
        part.out.writeUTF(label);
        part.out.writeUTF(output);
        part.out.writeInt(probabilities.length);
        for (double probability : probabilities) {
            part.out.writeDouble(probability);
        }
        part.out.writeLong(time.toEpochSecond(java.time.ZoneOffset.UTC));
        part.out.writeInt(time.getNano());
        part.out.writeInt(id);
        part.out.writeInt(file);
        part.out.writeLong(row);
        part.rows++;
        rows++;
        buffered += part.buffer.size() - before;
        if (buffered > BUFFERED_BYTES) {
            flush();
        }
    }

    /** {@return the labeled rows added} */
    long rows() {
        return rows;
    }

    /** {@return the rows of a span} */
    int size(String span) {
        return spans.get(span).rows;
    }

    /** {@return the spans with rows, in name order (time order)} */
    List<String> spans() {
        return new ArrayList<>(spans.keySet());
    }

    /** {@return the span's rows in the order they were added, each label and output given to the decoder} */
    Rows read(String span, Decoder decoder, Places places) throws IOException {
        flush();
        Part part = spans.get(span);
        int n = part.rows;
        long[] seconds = new long[n];
        int[] nanos = new int[n];
        int[] slice = new int[n];
        int[] file = new int[n];
        long[] row = new long[n];
        try (DataInputStream in =
                new DataInputStream(new BufferedInputStream(Files.newInputStream(part.file), 1 << 16))) {
            double[] probabilities = new double[0];
            for (int i = 0; i < n; i++) {
                String label = in.readUTF();
                String output = in.readUTF();
                int classes = in.readInt();
                if (probabilities.length != classes) {
                    probabilities = new double[classes]; // the decoder copies them: one array per span
                }
                for (int c = 0; c < probabilities.length; c++) {
                    probabilities[c] = in.readDouble();
                }
                seconds[i] = in.readLong();
                nanos[i] = in.readInt();
                slice[i] = in.readInt();
                file[i] = in.readInt();
                row[i] = in.readLong();
                int f = file[i];
                long r = row[i];
                decoder.add(i, label, output, probabilities, () -> places.of(f, r));
            }
        }
        return new Rows(seconds, nanos, sliceNames.toArray(String[]::new), slice, file, row);
    }

    private void flush() throws IOException {
        for (Part part : spans.values()) {
            if (part.buffer.size() > 0) {
                try (OutputStream out =
                        Files.newOutputStream(part.file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    part.buffer.writeTo(out);
                }
                part.buffer = new ByteArrayOutputStream(); // not reset: its array would keep its largest size
                part.out = new DataOutputStream(part.buffer);
            }
        }
        buffered = 0;
    }

    @Override
    public void close() throws IOException {
        TemporaryFiles.delete(directory);
    }
}
